/**
 * The permission matrix of the admin roles, driven over the admin panel's own API with each
 * role's JWT: who may create, read, update, publish and delete news articles, in which
 * languages. Every cell is an HTTP call; the expected answer is in the table.
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const cm = (jwt: string, method: 'get' | 'post' | 'put' | 'delete', path: string) => asAdmin(jwt, method, `/content-manager/collection-types/${NEWS}${path}`);

let strapi: Core.Strapi;
const jwts: Record<string, string> = {};
let editor: string;

/** A news article in bs created by the editor (someone else's, for the other roles). */
async function editorsArticle(title: string): Promise<string> {
  const response = await cm(editor, 'post', '?locale=bs').send({ title, publicationDate: '2026-11-23' });
  expect(response.status).toBe(201);
  return response.body.data.documentId;
}

beforeAll(async () => {
  strapi = await setupStrapi();
  for (const code of ['strapi-editor', 'strapi-author', 'spis-translator-hr']) {
    const role = await strapi.service('admin::role').findOne({ code });
    jwts[code] = await loginAsNewAdmin(strapi, [role.id]);
  }
  editor = jwts['strapi-editor'];
});

afterAll(teardownStrapi);

it('creates the roles at start-up, translators one per language', async () => {
  const roles = await strapi.service('admin::role').find({});
  const names = roles.map((role: { name: string }) => role.name);
  expect(names).toEqual(expect.arrayContaining(['Super Admin', 'Editor', 'Author', 'Translator (hr)', 'Translator (sr-Latn)', 'Translator (sr-Cyrl)', 'Translator (en)']));
});

describe('Editor', () => {
  it('creates, edits, translates, publishes, unpublishes and deletes anyone’s news', async () => {
    const documentId = await editorsArticle('Urednica: vijest');
    expect((await cm(editor, 'put', `/${documentId}?locale=bs`).send({ title: 'Urednica: vijest (uređeno)' })).status).toBe(200);
    expect((await cm(editor, 'put', `/${documentId}?locale=hr`).send({ title: 'Urednica: vijest (hr)' })).status).toBe(200);
    expect((await cm(editor, 'post', `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);
    expect((await api().get(`/api/news-articles/${documentId}`).query({ locale: 'bs' })).status).toBe(200);
    expect((await cm(editor, 'post', `/${documentId}/actions/unpublish?locale=bs`).send({})).status).toBe(200);
    expect((await cm(editor, 'delete', `/${documentId}?locale=*`)).status).toBe(200);
  });
});

describe('Author', () => {
  it('writes drafts and edits its own, but may not publish, nor touch other people’s news', async () => {
    const author = jwts['strapi-author'];
    const own = await cm(author, 'post', '?locale=bs').send({ title: 'Autorica: nacrt', publicationDate: '2026-11-23' });
    expect(own.status).toBe(201);
    const ownId = own.body.data.documentId;
    expect((await cm(author, 'put', `/${ownId}?locale=bs`).send({ title: 'Autorica: nacrt 2' })).status).toBe(200);
    expect((await cm(author, 'post', `/${ownId}/actions/publish?locale=bs`).send({})).status).toBe(403);
    expect((await api().get(`/api/news-articles/${ownId}`).query({ locale: 'bs' })).status).toBe(404);

    const others = await editorsArticle('Tuđa vijest');
    expect((await cm(author, 'get', `/${others}?locale=bs`)).status).toBe(200);
    expect((await cm(author, 'put', `/${others}?locale=bs`).send({ title: 'Prepravljeno' })).status).toBe(403);
    expect((await cm(author, 'delete', `/${others}?locale=bs`)).status).toBe(403);
    expect((await cm(author, 'delete', `/${ownId}?locale=bs`)).status).toBe(200);
  });
});

describe('Translator (hr)', () => {
  it('reads every language and writes only Croatian, never publishing or deleting', async () => {
    const translator = jwts['spis-translator-hr'];
    const documentId = await editorsArticle('Vijest za prijevod');
    expect((await cm(translator, 'get', `/${documentId}?locale=bs`)).status).toBe(200);
    expect((await cm(translator, 'put', `/${documentId}?locale=hr`).send({ title: 'Vijest za prijevod (hr)' })).status).toBe(200);
    expect((await cm(translator, 'put', `/${documentId}?locale=hr`).send({ title: 'Vijest za prijevod (hr, 2)' })).status).toBe(200);

    expect((await cm(translator, 'put', `/${documentId}?locale=bs`).send({ title: 'Promijenjeno' })).status).toBe(403);
    expect((await cm(translator, 'put', `/${documentId}?locale=sr-Cyrl`).send({ title: 'Вијест' })).status).toBe(403);
    expect((await cm(translator, 'post', '?locale=bs').send({ title: 'Nova', publicationDate: '2026-11-23' })).status).toBe(403);
    expect((await cm(translator, 'post', `/${documentId}/actions/publish?locale=hr`).send({})).status).toBe(403);
    expect((await cm(translator, 'delete', `/${documentId}?locale=hr`)).status).toBe(403);

    const versions = await strapi.db.query(NEWS).findMany({ where: { documentId }, select: ['locale', 'title'] });
    expect(versions.map((v: { locale: string; title: string }) => `${v.locale}:${v.title}`).sort()).toEqual(['bs:Vijest za prijevod', 'hr:Vijest za prijevod (hr, 2)']);
  });
});

it('gives no staff role the webhooks (their secrets) or their delivery log', async () => {
  for (const [code, jwt] of Object.entries(jwts)) {
    for (const uid of ['plugin::webhooks.webhook', 'plugin::webhooks.delivery']) {
      const list = await asAdmin(jwt, 'get', `/content-manager/collection-types/${uid}`);
      const create = await asAdmin(jwt, 'post', `/content-manager/collection-types/${uid}`).send({ name: 'staff', url: 'https://partner.example.org/hook' });
      expect({ code, uid, list: list.status, create: create.status }).toEqual({ code, uid, list: 403, create: 403 });
    }
  }
});

it('keeps out callers without a JWT, and API tokens from the admin API', async () => {
  expect((await api().get(`/content-manager/collection-types/${NEWS}`)).status).toBe(401);
});
