/**
 * Drafts never leak to the public or to partners' read-only API tokens, whatever they try:
 * REST parameters, GraphQL arguments, populated and nested relations, search, fallback, other
 * locales, unpublished edits of published documents. Only a full-access token (the CMS's own
 * tools) reads drafts. Writes that ask for a draft publish nothing.
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
/** Words that appear only in drafts: no response to a reader may contain them. */
const SECRETS = ['Tajnovito', 'Neobjavljena', 'Skrivena'];

let strapi: Core.Strapi;
let fullAccess: string;
let partner: string;
let draftArticle: string;
let editedArticle: string;
let draftWorkshop: string;

const write = (method: 'post' | 'put', path: string, query: Record<string, string>, data: Record<string, unknown>) =>
  api()[method](`/api/${path}`).set('Authorization', `Bearer ${fullAccess}`).query(query).send({ data });

beforeAll(async () => {
  strapi = await setupStrapi();
  fullAccess = await createApiToken(strapi, 'full-access');
  partner = await createApiToken(strapi, 'read-only');

  const draft = await write('post', 'news-articles', { locale: 'bs', status: 'draft' }, { title: 'Tajnovito: nacrt o Čelincu', publicationDate: '2026-11-23' });
  expect(draft.status).toBe(201);
  draftArticle = draft.body.data.documentId;

  const published = await write('post', 'news-articles', { locale: 'bs' }, { title: 'Objavljeno: radionica u Kozarcu', publicationDate: '2026-11-22' });
  editedArticle = published.body.data.documentId;
  const edit = await write('put', `news-articles/${editedArticle}`, { locale: 'bs', status: 'draft' }, { title: 'Neobjavljena izmjena: Kozarac' });
  expect(edit.status).toBe(200);

  const celinac = (await api().get('/api/municipalities').query({ locale: 'bs', 'filters[slug][$eq]': 'celinac' })).body.data[0];
  const workshop = await write(
    'post',
    'workshops',
    { locale: 'bs', status: 'draft' },
    {
      title: 'Skrivena radionica u Čelincu',
      startDate: '2026-12-01',
      municipalities: [celinac.documentId],
    }
  );
  expect(workshop.status).toBe(201);
  draftWorkshop = workshop.body.data.documentId;
});

afterAll(async () => {
  await strapi.documents(NEWS).delete({ documentId: draftArticle, locale: '*' });
  await strapi.documents(NEWS).delete({ documentId: editedArticle, locale: '*' });
  await strapi.documents(WORKSHOP).delete({ documentId: draftWorkshop, locale: '*' });
  await teardownStrapi();
});

const expectNoSecret = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe.each([
  ['the public', () => ({})],
  ["a partner's read-only token", () => ({ Authorization: `Bearer ${partner}` })],
])('%s', (_who, headers) => {
  const get = (path: string, query: Record<string, string> = {}) => api().get(path).set(headers()).query(query);
  const gql = (query: string, variables: Record<string, unknown> = {}) => api().post('/graphql').set(headers()).send({ query, variables });

  it.each([
    ['a list', '/api/news-articles', { locale: 'bs' }],
    ['every locale', '/api/news-articles', { locale: '*' }],
    ['a filter on publishedAt', '/api/news-articles', { locale: 'bs', 'filters[publishedAt][$null]': 'true' }],
    ['a filter inside $or', '/api/news-articles', { locale: 'bs', 'filters[$or][0][publishedAt][$null]': 'true', 'filters[$or][1][title][$contains]': 'Tajnovito' }],
    ['a title filter', '/api/news-articles', { locale: 'bs', 'filters[title][$containsi]': 'tajnovito' }],
    ['a sort on publishedAt', '/api/news-articles', { locale: 'bs', sort: 'publishedAt:asc' }],
    ['search', '/api/news-articles', { locale: 'bs', q: 'tajnovito' }],
    ['search on the edit', '/api/news-articles', { locale: 'bs', q: 'neobjavljena' }],
    ['fallback from another locale', '/api/news-articles', { locale: 'sr-Cyrl', fallback: 'true' }],
    ['a populated relation', '/api/municipalities', { locale: 'bs', 'filters[slug][$eq]': 'celinac', populate: 'workshops' }],
    ['populate=*', '/api/municipalities', { locale: 'bs', 'filters[slug][$eq]': 'celinac', populate: '*' }],
    ['a workshop list', '/api/workshops', { locale: 'bs', 'pagination[pageSize]': '100' }],
  ])('sees no draft through %s', async (_vector, path, query) => {
    const response = await get(path, query);
    expect(response.status).toBe(200);
    expectNoSecret(response.text);
  });

  it('cannot tell a draft exists by filtering through a relation', async () => {
    const probe = await get('/api/municipalities', { locale: 'bs', 'filters[workshops][title][$contains]': 'Skrivena' });
    expect(probe.status).toBe(200);
    expect(probe.body.data).toEqual([]);
    const gqlProbe = await gql('{ municipalities(locale: "bs", filters: { workshops: { title: { contains: "Skrivena" } } }) { name } }');
    expect(gqlProbe.body.data.municipalities).toEqual([]);
  });

  it('gets 404 for a draft-only document, and the published text of an edited one', async () => {
    expect((await get(`/api/news-articles/${draftArticle}`, { locale: 'bs' })).status).toBe(404);
    expect((await get(`/api/news-articles/${draftArticle}`, { locale: 'bs', fallback: 'true' })).status).toBe(404);
    expect((await get(`/api/workshops/${draftWorkshop}`, { locale: 'bs' })).status).toBe(404);
    const edited = await get(`/api/news-articles/${editedArticle}`, { locale: 'bs' });
    expect(edited.body.data.title).toBe('Objavljeno: radionica u Kozarcu');
  });

  it.each([['draft'], ['DRAFT'], ['Draft'], [' draft'], ['']])('is refused status=%j', async (status) => {
    const response = await get('/api/news-articles', { locale: 'bs', status });
    expect([400, 403]).toContain(response.status);
    expectNoSecret(response.text);
  });

  it.each([
    ['publicationState', 'preview'],
    ['publicationFilter', 'never-published-document'],
    ['hasPublishedVersion', 'false'],
  ])('is refused the parameter %s', async (param, value) => {
    const response = await get('/api/news-articles', { locale: 'bs', [param]: value });
    expect([400, 403]).toContain(response.status);
    expectNoSecret(response.text);
  });

  it.each([
    ['status: DRAFT', '{ newsArticles(locale: "bs", status: DRAFT) { title } }'],
    ['status on a single document', `{ newsArticle(documentId: "DRAFT_ID", locale: "bs", status: DRAFT) { title } }`],
    ['a connection with status', '{ newsArticles_connection(locale: "bs", status: DRAFT) { nodes { title } } }'],
    ['a draft by documentId', `{ newsArticle(documentId: "DRAFT_ID", locale: "bs") { title } }`],
    ['a filter on publishedAt', '{ newsArticles(locale: "bs", filters: { publishedAt: { null: true } }) { title } }'],
    ['search', '{ newsArticles(locale: "bs", search: "tajnovito") { title } }'],
    ['fallback', '{ newsArticles(locale: "sr-Cyrl", fallback: true, pagination: { pageSize: 100 }) { title } }'],
    ['a nested relation', '{ municipalities(locale: "bs", filters: { slug: { eq: "celinac" } }) { workshops { title } workshops_connection { nodes { title } } } }'],
    ['a nested relation with status', '{ municipalities(locale: "bs", filters: { slug: { eq: "celinac" } }) { workshops(status: DRAFT) { title } } }'],
    ['an edited document', `{ newsArticle(documentId: "EDITED_ID", locale: "bs") { title } }`],
    ['every locale', '{ newsArticles(locale: "all", pagination: { pageSize: 100 }) { title } }'],
  ])('sees no draft over GraphQL through %s', async (_vector, query) => {
    const response = await gql(query.replace('DRAFT_ID', draftArticle).replace('EDITED_ID', editedArticle));
    expect(response.status).toBeLessThan(500);
    expectNoSecret(JSON.stringify(response.body));
  });
});

describe('a full-access token (the CMS tools, previews)', () => {
  it('reads drafts when it asks for them, and only then', async () => {
    const auth = { Authorization: `Bearer ${fullAccess}` };
    const drafts = await api().get('/api/news-articles').set(auth).query({ locale: 'bs', status: 'draft', 'pagination[pageSize]': '100' });
    expect(drafts.body.data.map((article: { title: string }) => article.title)).toEqual(expect.arrayContaining(['Tajnovito: nacrt o Čelincu', 'Neobjavljena izmjena: Kozarac']));
    const published = await api().get('/api/news-articles').set(auth).query({ locale: 'bs', 'pagination[pageSize]': '100' });
    expectNoSecret(published.text);
  });
});

describe('writes that ask for a draft', () => {
  it('create a draft and publish nothing', async () => {
    const response = await write('post', 'news-articles', { locale: 'hr', status: 'draft' }, { title: 'Skrivena vijest (hr)', publicationDate: '2026-11-23' });
    expect(response.status).toBe(201);
    const { documentId } = response.body.data;
    const rows = await strapi.db.query(NEWS).findMany({ where: { documentId }, select: ['locale', 'publishedAt'] });
    expect(rows).toEqual([{ locale: 'hr', publishedAt: null }]);
    await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  });

  it('update the draft and leave the published version as it was', async () => {
    const rows = await strapi.db.query(NEWS).findMany({ where: { documentId: editedArticle }, select: ['title', 'publishedAt'], orderBy: { id: 'asc' } });
    expect(rows.map((row: { title: string; publishedAt: unknown }) => [row.title, row.publishedAt === null])).toEqual(
      expect.arrayContaining([
        ['Neobjavljena izmjena: Kozarac', true],
        ['Objavljeno: radionica u Kozarcu', false],
      ])
    );
    expect(rows).toHaveLength(2);
  });

  it('cannot publish by smuggling publishedAt, nor write unknown fields', async () => {
    // Strapi drops publishedAt from bodies (clients may send back what they read): nothing is published.
    const smuggled = await write(
      'post',
      'news-articles',
      { locale: 'hr', status: 'draft' },
      { title: 'Skrivena (publishedAt)', publicationDate: '2026-11-23', publishedAt: '2026-01-01T00:00:00.000Z' }
    );
    expect(smuggled.status).toBe(201);
    const rows = await strapi.db.query(NEWS).findMany({ where: { documentId: smuggled.body.data.documentId }, select: ['publishedAt'] });
    expect(rows).toEqual([{ publishedAt: null }]);
    await strapi.documents(NEWS).delete({ documentId: smuggled.body.data.documentId, locale: '*' });
    const unknown = await write('post', 'news-articles', { locale: 'hr', status: 'draft' }, { title: 'Skrivena (unknown)', publicationDate: '2026-11-23', isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/isAdmin/);
    expect(await strapi.db.query(NEWS).count({ where: { title: { $startsWith: 'Skrivena (' } } })).toBe(0);
  });
});
