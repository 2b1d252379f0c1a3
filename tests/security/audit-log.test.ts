/**
 * Every publish, unpublish and delete is recorded: who (the editor, or the API token), what
 * (type, document, locale), when. Super admins read the log over the admin API; nobody else,
 * and it is not part of the public REST or GraphQL API.
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, loginAsNewAdmin } from '../helpers/admin';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
let strapi: Core.Strapi;
let superAdmin: string;
let editor: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  superAdmin = await loginAsNewAdmin(strapi);
  const editorRole = await strapi.service('admin::role').findOne({ code: 'strapi-editor' });
  editor = await loginAsNewAdmin(strapi, [editorRole.id]);
});

afterAll(teardownStrapi);

it('records who published, unpublished and deleted what, and when', async () => {
  const before = Date.now();
  const cm = (method: 'post' | 'delete', path: string) => asAdmin(editor, method, `/content-manager/collection-types/${NEWS}${path}`);
  const created = await cm('post', '?locale=bs').send({ title: 'Revizija: vijest', publicationDate: '2026-11-23' });
  const { documentId } = created.body.data;
  expect((await cm('post', `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);
  expect((await cm('post', `/${documentId}/actions/unpublish?locale=bs`).send({})).status).toBe(200);
  expect((await cm('delete', `/${documentId}?locale=bs`)).status).toBe(200);

  const log = await asAdmin(superAdmin, 'get', `/audit-log/entries?documentId=${documentId}`);
  expect(log.status).toBe(200);
  const entries = log.body.data.map((entry: Record<string, unknown>) => [entry.action, entry.subject, entry.subjectLocale, entry.actorType]);
  expect(entries).toEqual([
    ['delete', NEWS, 'bs', 'admin'],
    ['unpublish', NEWS, 'bs', 'admin'],
    ['publish', NEWS, 'bs', 'admin'],
  ]);
  expect(log.body.data[0].actorName).toMatch(/^urednica-.*@spis\.test$/);
  expect(new Date(log.body.data[0].at).getTime()).toBeGreaterThanOrEqual(before - 1000);
});

it('records API-token deletes by the token', async () => {
  const token = await createApiToken(strapi);
  const created = await api()
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'hr' })
    .send({ data: { title: 'Revizija (token)', publicationDate: '2026-11-23' } });
  const { documentId } = created.body.data;
  expect((await api().delete(`/api/news-articles/${documentId}`).set('Authorization', `Bearer ${token}`).query({ locale: 'hr' })).status).toBe(204);
  const log = await asAdmin(superAdmin, 'get', `/audit-log/entries?documentId=${documentId}`);
  expect(log.body.data[0]).toMatchObject({ action: 'delete', actorType: 'api-token', actorName: expect.stringMatching(/^test-full-access-/) });
});

it('is for super admins only, and not part of the public API', async () => {
  expect((await asAdmin(editor, 'get', '/audit-log/entries')).status).toBe(403);
  expect((await api().get('/audit-log/entries')).status).toBe(401);
  expect((await asAdmin(superAdmin, 'get', '/audit-log/entries?pageSize=1000')).status).toBe(400);
  expect((await api().get('/api/entries')).status).toBe(404);
  const gql = await graphql('{ entries { action } }');
  expect(gql.status).toBe(400);
});
