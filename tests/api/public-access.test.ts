/**
 * The public (unauthenticated) role reads published content and nothing else; drafts stay
 * private on REST and GraphQL; writes need an API token.
 */
import type { Core } from '@strapi/strapi';
import { grantPublicRead } from '../../src/permissions/public-read';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

/** Every public type, with a locale the seed has published documents in (none for resources). */
const TYPES = [
  ['programmes', 'bs'],
  ['phases', 'bs'],
  ['municipalities', 'bs'],
  ['workshops', 'bs'],
  ['news-articles', 'bs'],
  ['contacts', 'bs'],
  ['pages', 'en'],
  ['menu-items', 'en'],
  ['resources', 'bs'],
  ['results', 'en'],
  ['indicators', 'en'],
];
const DRAFT_TITLE = 'Nacrt: interna bilješka o radionici u Čelincu';

let strapi: Core.Strapi;
let token: string;
let draftId: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await createApiToken(strapi);
  const created = await api()
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    // Strapi 5's REST create publishes unless asked for a draft.
    .query({ locale: 'bs', status: 'draft' })
    .send({ data: { title: DRAFT_TITLE, slug: 'nacrt-interna-biljeska', publicationDate: '2026-11-23' } });
  expect(created.status).toBe(201);
  expect(created.body.data.publishedAt).toBeNull();
  draftId = created.body.data.documentId;
});

afterAll(async () => {
  await strapi.documents('api::news-article.news-article').delete({ documentId: draftId, locale: '*' });
  await teardownStrapi();
});

describe('the public role', () => {
  it('holds exactly find and findOne on every content type', async () => {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } });
    const actions = permissions.map((p: { action: string }) => p.action).sort();
    const expected = ['contact', 'indicator', 'menu-item', 'municipality', 'news-article', 'page', 'phase', 'programme', 'resource', 'result', 'workshop']
      .flatMap((name) => [`api::${name}.${name}.find`, `api::${name}.${name}.findOne`])
      .sort();
    expect(actions).toEqual(expected);
  });

  it('loses a permission someone added by hand, at the next start', async () => {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    await permissions.create({ data: { action: 'api::workshop.workshop.create', role: role.id } });

    await grantPublicRead(strapi); // what bootstrap runs on every start
    const actions = (await permissions.findMany({ where: { role: role.id } })).map((p: { action: string }) => p.action);
    expect(actions).not.toContain('api::workshop.workshop.create');
    expect(actions).toHaveLength(22);
  });

  it.each(TYPES)('cannot create, update or delete %s', async (type, locale) => {
    const [first] = (await api().get(`/api/${type}`).query({ locale })).body.data;
    const documentId = first?.documentId ?? 'no-such-document';
    const create = await api().post(`/api/${type}`).send({ data: {} });
    const update = await api().put(`/api/${type}/${documentId}`).send({ data: {} });
    const remove = await api().delete(`/api/${type}/${documentId}`);
    for (const response of [create, update, remove]) {
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('ForbiddenError');
    }
    if (first) expect((await api().get(`/api/${type}/${documentId}`).query({ locale })).status).toBe(200);
  });

  it('cannot sign up as a user (no way in to more rights)', async () => {
    const response = await api().post('/api/auth/local/register').send({ username: 'intruder', email: 'intruder@example.org', password: 'Password123!' });
    expect(response.status).toBe(403);
  });

  it('rejects a wrong API token instead of treating the caller as public', async () => {
    const response = await api().get('/api/municipalities').set('Authorization', 'Bearer not-a-real-token');
    expect(response.status).toBe(401);
  });
});

describe('drafts', () => {
  it('are not listed or found over REST without a token', async () => {
    const listed = await api().get('/api/news-articles').query({ locale: 'bs' });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((a: { documentId: string }) => a.documentId)).not.toContain(draftId);
    expect(listed.text).not.toContain(DRAFT_TITLE);

    const single = await api().get(`/api/news-articles/${draftId}`).query({ locale: 'bs' });
    expect(single.status).toBe(404);

    const sneaky = await api().get('/api/news-articles').query({ locale: 'bs', 'filters[publishedAt][$null]': 'true' });
    expect(sneaky.status).toBe(200);
    expect(sneaky.body.data).toEqual([]);

    const everyLocale = await api().get('/api/news-articles').query({ locale: '*' });
    expect(everyLocale.text).not.toContain(DRAFT_TITLE);
  });

  it('cannot be asked for with status=draft without a token', async () => {
    const response = await api().get('/api/news-articles').query({ locale: 'bs', status: 'draft' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('Drafts are only available with a full-access API token');
  });

  it('are not served by GraphQL to the public, even when asked for', async () => {
    const listed = await graphql('{ newsArticles(locale: "bs") { documentId title } }');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(DRAFT_TITLE);

    const asked = await graphql('query($id: ID!) { newsArticle(documentId: $id, locale: "bs", status: DRAFT) { title } }', { id: draftId });
    expect(asked.body.data?.newsArticle ?? null).toBeNull();
    expect(asked.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(asked.body)).not.toContain(DRAFT_TITLE);
  });

  it('stay private whatever the spelling of the path or the status', async () => {
    const attempts: Array<[string, string]> = [
      ['/API/news-articles', 'DRAFT'],
      ['/Api/news-articles', 'draft'],
      ['/api/news-articles', 'Draft'],
      ['/api/news-articles', ' draft'],
      ['/api/news-articles', ''],
      [`/API/news-articles/${draftId}`, 'DRAFT'],
    ];
    for (const [path, status] of attempts) {
      const response = await api().get(path).query({ locale: 'bs', status });
      expect({ path, status, code: response.status }).toEqual({ path, status, code: expect.any(Number) });
      expect([400, 403]).toContain(response.status);
      expect(response.text).not.toContain(DRAFT_TITLE);
    }
  });

  it('cannot be guessed through the other locale versions (localizations)', async () => {
    const filtered = await api().get('/api/news-articles').query({ locale: 'hr', 'filters[localizations][title][$contains]': 'Nacrt' });
    expect(filtered.status).toBe(403);
    expect(filtered.body.error.message).toBe('localizations can only be filtered or sorted with a full-access API token');
    for (const populate of ['localizations', '*']) {
      const populated = await api().get('/api/news-articles').query({ locale: 'bs', populate });
      expect(populated.status).toBe(200);
      expect(populated.body.data[0]).not.toHaveProperty('localizations');
      expect(populated.text).not.toContain(DRAFT_TITLE);
    }
    const gql = await graphql('{ newsArticles(locale: "hr", filters: { localizations: { title: { contains: "Nacrt" } } }) { documentId } }');
    expect(gql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const withToken = await api().get('/api/news-articles').set('Authorization', `Bearer ${token}`).query({ locale: 'bs', populate: 'localizations' });
    expect(withToken.status).toBe(200);
    expect(withToken.body.data[0]).toHaveProperty('localizations');
  });

  it('are readable with an API token (editors preview them)', async () => {
    const rest = await api().get('/api/news-articles').set('Authorization', `Bearer ${token}`).query({ locale: 'bs', status: 'draft' });
    expect(rest.status).toBe(200);
    expect(rest.body.data.map((a: { title: string }) => a.title)).toContain(DRAFT_TITLE);

    const gql = await graphql('{ newsArticles(locale: "bs", status: DRAFT) { title } }', {}, token);
    expect(gql.body.data.newsArticles.map((a: { title: string }) => a.title)).toContain(DRAFT_TITLE);
  });
});
