/**
 * `?q=` finds content whatever the case, diacritics or script of the query: celinac, ČELINAC and
 * Челинац all find Čelinac, and dj finds đ. Drafts never appear; locale and fallback hold.
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;
let draftId: string;

const search = (type: string, q: string, query: Record<string, string | number> = {}, headers: Record<string, string> = {}) =>
  api()
    .get(`/api/${type}`)
    .set(headers)
    .query({ q, ...query });

const names = (response: { body: { data: Array<Record<string, string>> } }, field = 'name') => response.body.data.map((entry) => entry[field]);

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await createApiToken(strapi);
  const draft = await api()
    .post('/api/workshops')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs', status: 'draft' })
    .send({ data: { title: 'Nacrt radionice u Zmajevcu', slug: 'nacrt-zmajevac' } });
  expect(draft.status).toBe(201);
  draftId = draft.body.data.documentId;
});

afterAll(async () => {
  await strapi.documents('api::workshop.workshop').delete({ documentId: draftId, locale: '*' });
  await teardownStrapi();
});

it.each(['celinac', 'ČELINAC', 'Челинац', 'Čelinac', 'čelin'])('%s finds Čelinac', async (q) => {
  const response = await search('municipalities', q, { locale: 'bs' });
  expect(response.status).toBe(200);
  expect(names(response)).toEqual(['Čelinac']);
  expect(response.body.meta.pagination.total).toBe(1);
});

it('finds in the requested locale and answers in it', async () => {
  expect(names(await search('municipalities', 'celinac', { locale: 'sr-Cyrl' }))).toEqual(['Челинац']);
  expect(names(await search('municipalities', 'Мркоњић', {}, { 'Accept-Language': 'sr' }))).toEqual(['Мркоњић Град']);
});

it('matches đ with dj and with đ', async () => {
  for (const q of ['medju', 'među', 'MEĐU', 'међу']) {
    const response = await search('news-articles', q, { locale: 'bs' });
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0].publicationDate).toBe('2012-02-20');
  }
});

it('needs every word, each as a word prefix', async () => {
  expect(names(await search('municipalities', 'novi grad', { locale: 'bs', sort: 'name' }))).toEqual(['Novi Grad', 'Novi Grad Sarajevo']);
  expect(names(await search('municipalities', 'novi grad sarajevo', { locale: 'bs' }))).toEqual(['Novi Grad Sarajevo']);
  expect(names(await search('municipalities', 'nov trav', { locale: 'bs' }))).toEqual(['Novi Travnik']);
  // Both preparatory workshops describe the Teslić and the Sarajevo meeting.
  expect(names(await search('workshops', 'radionica teslić', { locale: 'bs', sort: 'city' }), 'city')).toEqual(['Sarajevo', 'Teslić']);
  expect((await search('workshops', 'radionica mostar', { locale: 'bs' })).body.data).toEqual([]);
  expect(names(await search('municipalities', 'kotor var', { locale: 'bs' }))).toEqual(['Kotor Varoš']);
});

it('respects the locale, and the fallback chain when asked', async () => {
  expect((await search('workshops', 'tuzla', { locale: 'bs' })).body.data).toEqual([]);
  expect(names(await search('workshops', 'tuzla', { locale: 'en' }), 'city')).toEqual(['Tuzla']);
  const withFallback = await search('workshops', 'Тузла', { locale: 'hr', fallback: 'true' });
  expect(names(withFallback, 'city')).toEqual(['Tuzla']);
  expect(withFallback.body.data[0].localeSources.title).toEqual({ locale: 'en' });
});

it('never shows drafts to the public', async () => {
  expect((await search('workshops', 'zmajevcu', { locale: 'bs' })).body.data).toEqual([]);
  const preview = await search('workshops', 'zmajevcu', { locale: 'bs', status: 'draft' }, { Authorization: `Bearer ${token}` });
  expect(names(preview, 'title')).toEqual(['Nacrt radionice u Zmajevcu']);
});

it('pages and counts the matches', async () => {
  const page = await search('news-articles', 'unicef', { locale: '*', 'pagination[pageSize]': 1 });
  expect(page.body.data).toHaveLength(1);
  expect(page.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
  const sorted = await search('news-articles', 'unicef', { locale: '*', sort: 'publicationDate:desc' });
  expect(sorted.body.data.map((a: { publicationDate: string }) => a.publicationDate)).toEqual(['2012-11-05', '2012-02-20']);
});

it('keeps its index private', async () => {
  const response = await search('municipalities', 'gacko', { locale: 'bs' });
  expect(response.body.data[0]).not.toHaveProperty('searchIndex');
  const filter = await api().get('/api/municipalities').query({ 'filters[searchIndex][$contains]': 'gacko' });
  expect(filter.status).toBe(400);
});

it('keeps finding a document after an update that names no locale', async () => {
  const created = await api()
    .post('/api/workshops')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs' })
    .send({ data: { title: 'Radionica', slug: 'zvornik-index-test', description: 'Održava se u Zvorniku.' } });
  const { documentId } = created.body.data;
  try {
    const updated = await api()
      .put(`/api/workshops/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Radionica u Drinskoj dolini' } });
    expect(updated.status).toBe(200);
    expect(names(await search('workshops', 'zvornik drinsk', { locale: 'bs' }), 'title')).toEqual(['Radionica u Drinskoj dolini']);
    expect((await search('workshops', 'bs', { locale: 'bs' })).body.data).toEqual([]); // i18n's locale code is not indexed
  } finally {
    await strapi.documents('api::workshop.workshop').delete({ documentId, locale: '*' });
  }
});

it('answers a bad-input error, never a 500, to a GraphQL search that is too long or has too many words', async () => {
  const long = await graphql('query($s: String) { municipalities(search: $s) { name } }', { s: 'riječ '.repeat(1200) });
  expect(long.status).toBe(200); // GraphQL reports resolver errors in the body
  expect(long.body.data?.municipalities ?? null).toBeNull();
  expect(long.body.errors[0]).toMatchObject({ message: 'search must be at most 200 characters', extensions: { code: 'BAD_USER_INPUT' } });
  const many = await graphql('query($s: String) { municipalities(search: $s) { name } }', { s: 'a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12 m13' });
  expect(many.body.errors[0].message).toBe('search takes at most 12 words');
});

it('answers 400 to a search where there is none, or an overlong one', async () => {
  expect((await search('phases', 'iii')).status).toBe(400);
  expect((await search('municipalities', 'x'.repeat(201))).status).toBe(400);
});

it('finds nothing, not everything, for a query without words', async () => {
  const response = await search('municipalities', ' – ', { locale: 'bs' });
  expect(response.status).toBe(200);
  expect(response.body.data).toEqual([]);
});

describe('GraphQL search argument', () => {
  it.each(['celinac', 'ČELINAC', 'Челинац'])('%s finds Čelinac', async (search) => {
    const response = await graphql('query($search: String) { municipalities(search: $search, locale: "bs") { name } }', { search });
    expect(response.body.data.municipalities).toEqual([{ name: 'Čelinac' }]);
  });

  it('counts the matches on connections and keeps drafts out', async () => {
    const response = await graphql(`
      {
        workshops_connection(search: "tuzla", locale: "en") {
          nodes {
            city
          }
          pageInfo {
            total
          }
        }
        drafts: workshops(search: "zmajevcu", locale: "bs") {
          title
        }
      }
    `);
    expect(response.body.data.workshops_connection).toEqual({ nodes: [{ city: 'Tuzla' }], pageInfo: { total: 1 } });
    expect(response.body.data.drafts).toEqual([]);
  });

  it('is refused on types that have no search', async () => {
    const response = await graphql('{ phases(search: "iii") { name } }');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toBe('Unknown argument "search" on field "Query.phases".');
  });
});
