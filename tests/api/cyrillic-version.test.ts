/**
 * The admin action "Create Cyrillic version": an editor turns a document's Serbian Latin (else
 * Bosnian) text into its sr-Cyrl version in one call, as a draft to review before publishing.
 * Driven through the admin API with editors' JWTs, as the admin panel's button calls it.
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, contentManagerRequest, createAdminRole, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const ACTION = `/serbian-cyrillic/collection-types/${NEWS}`;
const NEWS_FIELDS = ['title', 'slug', 'dateline', 'publicationDate', 'lead', 'body', 'quotes', 'tags', 'seo', 'cover', 'programme', 'workshops', 'municipalities'];

let strapi: Core.Strapi;
let editor: string;
const created: string[] = [];

const contentManager = (jwt: string, method: 'get' | 'post' | 'put', path: string) => contentManagerRequest(jwt, method, NEWS, path);

const LATIN = {
  title: 'Radionica u Čelincu: djeca i njihove porodice',
  dateline: 'Čelinac',
  publicationDate: '2026-11-20',
  lead: 'UNICEF i EU podržavaju centre za socijalni rad; više na https://spis.ba/celinac.',
  body: [
    { type: 'paragraph', children: [{ type: 'text', text: 'Ljudi iz Doboja i Žepča razgovarali su o džepnim primanjima.' }] },
    { type: 'code', children: [{ type: 'text', text: 'npm run seed' }] },
  ],
  quotes: [{ text: 'Hvala svima.', speaker: 'Ljiljana Đukić', role: 'direktorica' }],
  seo: { metaTitle: 'Čelinac', metaDescription: 'Radionica', canonicalUrl: 'https://spis.ba/novosti/celinac', noIndex: false },
};

/** A news article in sr-Latn, linked to Čelinac, created by the editor in the admin. */
async function latinArticle(jwt = editor): Promise<string> {
  const celinac = await api().get('/api/municipalities').query({ locale: 'sr-Latn', 'filters[slug][$eq]': 'celinac' });
  const municipality = celinac.body.data[0];
  const response = await contentManager(jwt, 'post', '?locale=sr-Latn').send({
    ...LATIN,
    slug: `radionica-celinac-${created.length}`,
    municipalities: { connect: [{ id: municipality.id, documentId: municipality.documentId, locale: 'sr-Latn' }] },
  });
  expect(response.status).toBe(201);
  created.push(response.body.data.documentId);
  return response.body.data.documentId;
}

beforeAll(async () => {
  strapi = await setupStrapi();
  editor = await loginAsNewAdmin(strapi);
});

afterAll(async () => {
  for (const documentId of created) await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

it('creates the sr-Cyrl version from sr-Latn as a draft, text transliterated, links and dates shared', async () => {
  const documentId = await latinArticle();

  const action = await asAdmin(editor, 'post', `${ACTION}/${documentId}`);
  expect(action.status).toBe(201);
  expect(action.body.data).toMatchObject({ documentId, locale: 'sr-Cyrl', status: 'draft', transliteratedFrom: 'sr-Latn' });
  expect(action.body.data.fields).toEqual(expect.arrayContaining(['title', 'dateline', 'lead', 'body', 'quotes', 'seo']));

  const draft = await contentManager(editor, 'get', `/${documentId}?locale=sr-Cyrl`);
  expect(draft.status).toBe(200);
  expect(draft.body.data).toMatchObject({
    locale: 'sr-Cyrl',
    publishedAt: null,
    title: 'Радионица у Челинцу: дјеца и њихове породице',
    dateline: 'Челинац',
    publicationDate: '2026-11-20',
    lead: 'UNICEF и EU подржавају центре за социјални рад; више на https://spis.ba/celinac.',
    slug: 'radionica-u-celincu-djeca-i-njihove-porodice',
    body: [
      { type: 'paragraph', children: [{ type: 'text', text: 'Људи из Добоја и Жепча разговарали су о џепним примањима.' }] },
      { type: 'code', children: [{ type: 'text', text: 'npm run seed' }] },
    ],
    quotes: [expect.objectContaining({ text: 'Хвала свима.', speaker: 'Љиљана Ђукић', role: 'директорица' })],
    seo: expect.objectContaining({ metaTitle: 'Челинац', canonicalUrl: 'https://spis.ba/novosti/celinac', noIndex: false }),
  });
  const linked = await strapi.documents(NEWS).findOne({ documentId, locale: 'sr-Cyrl', status: 'draft', populate: { municipalities: { fields: ['slug', 'locale'] } } });
  expect(linked?.municipalities).toEqual([expect.objectContaining({ slug: 'celinac', locale: 'sr-Cyrl' })]);

  // A draft: the public sees nothing in sr-Cyrl until the editor publishes it.
  expect((await api().get(`/api/news-articles/${documentId}`).query({ locale: 'sr-Cyrl' })).status).toBe(404);
  expect((await contentManager(editor, 'post', `/${documentId}/actions/publish?locale=sr-Cyrl`).send({})).status).toBe(200);
  const published = await api().get(`/api/news-articles/${documentId}`).query({ locale: 'sr-Cyrl' });
  expect(published.status).toBe(200);
  expect(published.body.data.title).toBe('Радионица у Челинцу: дјеца и њихове породице');
});

it('never overwrites an existing sr-Cyrl version: 409, and the editor keeps her text', async () => {
  const documentId = await latinArticle();
  expect((await asAdmin(editor, 'post', `${ACTION}/${documentId}`)).status).toBe(201);
  expect((await contentManager(editor, 'put', `/${documentId}?locale=sr-Cyrl`).send({ title: 'Радионица (уређено)' })).status).toBe(200);

  const again = await asAdmin(editor, 'post', `${ACTION}/${documentId}`);
  expect(again.status).toBe(409);
  expect(again.body.error.message).toMatch(/already has a sr-Cyrl version/);
  const draft = await contentManager(editor, 'get', `/${documentId}?locale=sr-Cyrl`);
  expect(draft.body.data.title).toBe('Радионица (уређено)');
});

it('uses the Bosnian text when there is no Serbian Latin version', async () => {
  const response = await contentManager(editor, 'post', '?locale=bs').send({ title: 'Đurđevdan u Žepču', slug: 'djurdjevdan-zepce', publicationDate: '2026-05-06' });
  expect(response.status).toBe(201);
  const { documentId } = response.body.data;
  created.push(documentId);

  const action = await asAdmin(editor, 'post', `${ACTION}/${documentId}`);
  expect(action.status).toBe(201);
  expect(action.body.data.transliteratedFrom).toBe('bs');
  const draft = await contentManager(editor, 'get', `/${documentId}?locale=sr-Cyrl`);
  expect(draft.body.data).toMatchObject({ title: 'Ђурђевдан у Жепчу', slug: 'djurdjevdan-u-zepcu', publicationDate: '2026-05-06' });
});

it('answers bad requests with a clear 4xx and writes nothing', async () => {
  const english = await contentManager(editor, 'post', '?locale=en').send({ title: 'English only', slug: 'english-only-cyrillic-test' });
  created.push(english.body.data.documentId);
  const before = await strapi.db.query(NEWS).count();

  const cases: Array<[string, number, RegExp]> = [
    [`${ACTION}/${english.body.data.documentId}`, 400, /no sr-Latn or bs or hr version/],
    [`${ACTION}/doesnotexist000`, 404, /No news-article with documentId doesnotexist000/],
    ['/serbian-cyrillic/collection-types/api::nope.nope/abc', 404, /not a localized collection type/],
    ['/serbian-cyrillic/collection-types/admin::user/abc', 400, /content type of the app/],
    [`${ACTION}/${encodeURIComponent('x; DROP TABLE news_articles')}`, 400, /documentId/],
  ];
  for (const [path, status, message] of cases) {
    const response = await asAdmin(editor, 'post', path);
    expect({ path, status: response.status }).toEqual({ path, status });
    expect(JSON.stringify(response.body.error)).toMatch(message);
  }
  expect((await api().post(`${ACTION}/${english.body.data.documentId}`)).status).toBe(401);
  expect(await strapi.db.query(NEWS).count()).toBe(before);
});

describe('a translator', () => {
  const readLatin = { action: 'plugin::content-manager.explorer.read', subject: NEWS, properties: { fields: NEWS_FIELDS, locales: ['sr-Latn', 'bs'] } };

  it('may not create it without the right to write sr-Cyrl', async () => {
    const role = await createAdminRole(strapi, 'Translator en', [
      readLatin,
      { action: 'plugin::content-manager.explorer.create', subject: NEWS, properties: { fields: NEWS_FIELDS, locales: ['en'] } },
    ]);
    const translator = await loginAsNewAdmin(strapi, [role]);
    const documentId = await latinArticle();
    const response = await asAdmin(translator, 'post', `${ACTION}/${documentId}`);
    expect(response.status).toBe(403);
    expect(await strapi.db.query(NEWS).count({ where: { documentId, locale: 'sr-Cyrl' } })).toBe(0);
  });

  it('with sr-Cyrl rights gets exactly the fields she may write', async () => {
    const role = await createAdminRole(strapi, 'Translator sr-Cyrl', [
      readLatin,
      { action: 'plugin::content-manager.explorer.create', subject: NEWS, properties: { fields: ['title', 'slug', 'lead'], locales: ['sr-Cyrl'] } },
    ]);
    const translator = await loginAsNewAdmin(strapi, [role]);
    const documentId = await latinArticle();
    const response = await asAdmin(translator, 'post', `${ACTION}/${documentId}`);
    expect(response.status).toBe(201);
    expect(response.body.data.fields.sort()).toEqual(['lead', 'title']);
    const draft = await strapi.documents(NEWS).findOne({ documentId, locale: 'sr-Cyrl', status: 'draft' });
    expect(draft).toMatchObject({ title: 'Радионица у Челинцу: дјеца и њихове породице', dateline: null });
  });
});
