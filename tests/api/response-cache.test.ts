/**
 * The response cache, as partner sites meet it: repeated reads come from the cache (X-Cache:
 * HIT) with an ETag, 304 on revalidation and gzip/brotli bodies; and after every kind of change
 * (an API update, an admin publish and unpublish, a delete, a re-linked or re-ordered relation,
 * a media file's new alt text, a write through the Document Service as the import makes, the
 * public role's read access withdrawn) the
 * very next request shows it, on lists, single documents, populated relations, GraphQL and feeds.
 * Responses that cannot contain the changed type stay cached. Token requests are never cached.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fs from 'node:fs';
import http from 'node:http';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { asAdmin, contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { createApiToken, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
const MUNICIPALITY = 'api::municipality.municipality';

let strapi: Core.Strapi;
let origin: string;
let token: string;
let editorJwt: string;
const cleanup: (() => Promise<unknown>)[] = [];

const get = (path: string) => request(origin).get(path);
const asToken = (method: 'post' | 'put' | 'delete', path: string) => request(origin)[method](path).set('Authorization', `Bearer ${token}`);
const contentManager = (method: 'post' | 'put', uid: string, path: string) => contentManagerRequest(editorJwt, method, uid, path);

/** Reads a path twice: the second answer must come from the cache and equal the first. */
async function cached(path: string) {
  const first = await get(path);
  expect(first.status).toBe(200);
  const second = await get(path);
  expect(second.headers['x-cache']).toBe('HIT');
  expect(second.text).toBe(first.text);
  return second;
}

async function createArticle(title: string, status: 'published' | 'draft' = 'published') {
  const response = await asToken('post', '/api/news-articles')
    .query({ locale: 'bs', status })
    .send({ data: { title, publicationDate: '2026-11-27' } });
  expect(response.status).toBe(201);
  const { documentId } = response.body.data;
  cleanup.push(() => strapi.documents(NEWS).delete({ documentId, locale: '*' }));
  return documentId as string;
}

const titles = (response: request.Response) => (response.body.data as { title: string }[]).map((article) => article.title);
const LATEST = '/api/news-articles?locale=bs&sort=publicationDate:desc,title&pagination[pageSize]=50';

beforeAll(async () => {
  strapi = await setupStrapi();
  origin = await listen(strapi);
  token = await createApiToken(strapi, 'full-access');
  editorJwt = await loginAsNewAdmin(strapi);
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await teardownStrapi();
});

describe('serving', () => {
  it('answers a repeated read from the cache, with an ETag that revalidates to 304', async () => {
    const first = await get('/api/municipalities?locale=sr-Cyrl&sort=slug');
    expect(first.headers['x-cache']).toBe('MISS');
    const hit = await cached('/api/municipalities?locale=sr-Cyrl&sort=slug');
    expect(hit.headers.etag).toBe(first.headers.etag);
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hit.headers['content-language']).toBe('sr-Cyrl');
    expect(hit.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(hit.headers.vary).toMatch(/Accept-Language/);
    expect(hit.body.data[0].name).toMatch(/[\u0400-\u04FF]/);
    const revalidated = await get('/api/municipalities?locale=sr-Cyrl&sort=slug').set('If-None-Match', first.headers.etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });

  it('keys by the negotiated language: Accept-Language gets its own entry', async () => {
    const cyrillic = await get('/api/municipalities?sort=slug').set('Accept-Language', 'sr-RS');
    const bosnian = await get('/api/municipalities?sort=slug').set('Accept-Language', 'bs-BA');
    expect(cyrillic.headers['content-language']).toBe('sr-Cyrl');
    expect(bosnian.headers['content-language']).toBe('bs');
    expect(cyrillic.body.data[0].name).not.toBe(bosnian.body.data[0].name);
    expect((await get('/api/municipalities?sort=slug').set('Accept-Language', 'sr-RS')).headers['x-cache']).toBe('HIT');
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ])('sends %s when asked, the same bytes once decompressed', async (encoding, decompress) => {
    const plain = await get('/api/workshops?locale=bs&pagination[pageSize]=20').set('Accept-Encoding', 'identity');
    // Node's own client, which (unlike supertest) hands over the bytes as sent.
    const compressed = await new Promise<{ headers: http.IncomingHttpHeaders; raw: Buffer }>((resolve, reject) => {
      http
        .get(`${origin}/api/workshops?locale=bs&pagination[pageSize]=20`, { headers: { 'Accept-Encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, raw: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(compressed.headers['content-encoding']).toBe(encoding);
    expect(compressed.headers.vary).toMatch(/Accept-Encoding/);
    const { raw } = compressed;
    expect(raw.length).toBeLessThan(Buffer.byteLength(plain.text) / 2);
    expect(decompress(raw).toString()).toBe(plain.text);
  });

  it('caches GraphQL queries posted to the endpoint, and reads every other GraphQL body once', async () => {
    const query = { query: '{ phases(sort: "name") { name } }' };
    await request(origin).post('/graphql').send(query);
    expect((await request(origin).post('/graphql').send(query)).headers['x-cache']).toBe('HIT');
    for (const path of ['/graphql?fallback=true', '/GraphQL']) {
      const response = await request(origin).post(path).send(query);
      expect(response.status).toBe(200);
      expect(response.body.data.phases.length).toBeGreaterThan(0);
    }
    const mutation = await request(origin).post('/graphql').send({ query: 'mutation { deletePhase(documentId: "x") { documentId } }' });
    expect(mutation.headers['x-cache']).toBeUndefined();
  });

  it('answers a hit before Koa with the very headers Koa gives, the CORS ones per Origin, for 200 and 304, and HEAD without a body', async () => {
    const perRequest = new Set(['date', 'x-cache', 'ratelimit-remaining', 'connection', 'keep-alive']);
    const comparable = (response: request.Response) => Object.fromEntries(Object.entries(response.headers).filter(([name]) => !perRequest.has(name)));
    const partners = [undefined, 'https://partner-a.example', 'https://partner-b.example'];
    for (const [index, partner] of partners.entries()) {
      const path = `/api/phases?locale=en&pagination[pageSize]=${10 + index}`;
      const read = () => (partner ? get(path).set('Origin', partner) : get(path));
      // Each Origin's first read goes through Koa (a new page size: a miss); the next ones are answered early.
      const throughKoa = await read();
      expect(throughKoa.status).toBe(200);
      for (let i = 0; i < 2; i += 1) {
        const early = await read();
        expect(early.headers['x-cache']).toBe('HIT');
        expect(comparable(early)).toEqual(comparable(throughKoa));
        expect(early.text).toBe(throughKoa.text);
      }
      if (partner) expect(throughKoa.headers['access-control-allow-origin']).toBe(partner);
    }
    // An Origin that no request brought through Koa: its own CORS headers, nothing of another's.
    const path = '/api/phases?locale=en&pagination[pageSize]=10';
    const throughKoa = await get(path).set('Origin', 'https://partner-a.example');
    const newcomer = await get(path).set('Origin', 'https://partner-c.example');
    expect(newcomer.headers['x-cache']).toBe('HIT');
    expect(comparable(newcomer)).toEqual({ ...comparable(throughKoa), 'access-control-allow-origin': 'https://partner-c.example' });
    // A revalidation answered early: the 304 Koa gives (a path not read before, so the first goes through Koa).
    const revalidated = '/api/phases?locale=en&pagination[pageSize]=5';
    const { etag } = (await get(revalidated).set('Origin', 'https://elsewhere.example')).headers;
    for (const partner of [undefined, 'https://partner-a.example']) {
      const read = () => (partner ? get(revalidated).set('Origin', partner) : get(revalidated)).set('If-None-Match', etag);
      const throughKoa = await read();
      expect(throughKoa.status).toBe(304);
      const early = await read();
      expect(early.status).toBe(304);
      expect(early.headers['x-cache']).toBe('HIT');
      expect(comparable(early)).toEqual(comparable(throughKoa));
    }
    const head = await request(origin).head(path);
    expect(head.status).toBe(200);
    expect(head.headers['x-cache']).toBe('HIT');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength((await get(path)).text)));
    expect(head.text).toBeUndefined();
  });

  it('never caches a request with a token', async () => {
    const response = await asToken('post', '/api/news-articles')
      .query({ locale: 'bs', status: 'draft' })
      .send({ data: { title: 'Nacrt: keš', publicationDate: '2026-11-27' } });
    cleanup.push(() => strapi.documents(NEWS).delete({ documentId: response.body.data.documentId, locale: '*' }));
    const drafts = await request(origin).get('/api/news-articles?status=draft&locale=bs').set('Authorization', `Bearer ${token}`);
    expect(drafts.status).toBe(200);
    expect(drafts.headers['x-cache']).toBeUndefined();
    expect(titles(drafts)).toContain('Nacrt: keš');
    expect(titles(await get(LATEST))).not.toContain('Nacrt: keš');
  });
});

describe('the very next request after a change shows it', () => {
  it('an update through the API: lists, the document, GraphQL and the RSS feed', async () => {
    const documentId = await createArticle('Radionica u Gacku');
    const graphqlQuery = { query: '{ newsArticles(locale: "bs", sort: "publicationDate:desc", pagination: { pageSize: 50 }) { title } }' };
    const graphql = () => request(origin).post('/graphql').send(graphqlQuery);
    await cached(LATEST);
    await cached(`/api/news-articles/${documentId}?locale=bs`);
    await cached('/feeds/news.bs.rss');
    await graphql();
    expect((await graphql()).headers['x-cache']).toBe('HIT');

    expect(
      (
        await asToken('put', `/api/news-articles/${documentId}`)
          .query({ locale: 'bs' })
          .send({ data: { title: 'Radionica u Gacku – izmijenjeno' } })
      ).status
    ).toBe(200);

    expect(titles(await get(LATEST))).toContain('Radionica u Gacku – izmijenjeno');
    expect((await get(`/api/news-articles/${documentId}?locale=bs`)).body.data.title).toBe('Radionica u Gacku – izmijenjeno');
    expect((await get('/feeds/news.bs.rss')).text).toContain('Radionica u Gacku – izmijenjeno');
    const afterGraphql = await graphql();
    expect(afterGraphql.headers['x-cache']).toBe('MISS');
    expect(afterGraphql.body.data.newsArticles.map((article: { title: string }) => article.title)).toContain('Radionica u Gacku – izmijenjeno');
  });

  it('publishing and unpublishing in the admin panel', async () => {
    const documentId = await createArticle('Radionica u Kupresu', 'draft');
    await cached(LATEST);
    expect((await contentManager('post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);
    expect(titles(await get(LATEST))).toContain('Radionica u Kupresu');
    await cached(LATEST);
    expect((await contentManager('post', NEWS, `/${documentId}/actions/unpublish?locale=bs`).send({})).status).toBe(200);
    expect(titles(await get(LATEST))).not.toContain('Radionica u Kupresu');
    expect((await get(`/api/news-articles/${documentId}?locale=bs`)).status).toBe(404);
  });

  it('a delete', async () => {
    const documentId = await createArticle('Radionica u Posušju');
    await cached(`/api/news-articles/${documentId}?locale=bs`);
    expect((await asToken('delete', `/api/news-articles/${documentId}`).query({ locale: 'bs' })).status).toBe(204);
    expect((await get(`/api/news-articles/${documentId}?locale=bs`)).status).toBe(404);
    expect(titles(await get(LATEST))).not.toContain('Radionica u Posušju');
  });

  it('a renamed place inside a populated relation; a list that cannot show it stays cached', async () => {
    const populated = '/api/workshops?locale=bs&filters[slug][$eq]=pripremna-radionica-teslic-2012&populate[municipalities][sort]=slug';
    const plain = '/api/workshops?locale=bs&sort=slug';
    await cached(populated);
    await cached(plain);
    const [celinac] = await strapi.documents(MUNICIPALITY).findMany({ locale: 'bs', filters: { slug: 'celinac' }, status: 'published' });
    const rename = (name: string) => contentManager('put', MUNICIPALITY, `/${celinac.documentId}?locale=bs`).send({ name });
    expect((await rename('Čelinac (općina)')).status).toBe(200);
    cleanup.push(() => rename('Čelinac').then(() => contentManager('post', MUNICIPALITY, `/${celinac.documentId}/actions/publish?locale=bs`).send({})));
    expect((await contentManager('post', MUNICIPALITY, `/${celinac.documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);

    const after = await get(populated);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data[0].municipalities.map((place: { name: string }) => place.name)).toContain('Čelinac (općina)');
    expect((await get(plain)).headers['x-cache']).toBe('HIT');
  });

  it('a re-ordered and re-linked relation', async () => {
    const [workshop] = await strapi
      .documents(WORKSHOP)
      .findMany({ locale: 'bs', filters: { slug: 'pripremna-radionica-teslic-2012' }, populate: { municipalities: { fields: ['slug'] } }, status: 'published' });
    const ids = (workshop.municipalities as { documentId: string }[]).map((place) => place.documentId);
    const path = '/api/workshops?locale=bs&filters[slug][$eq]=pripremna-radionica-teslic-2012&populate[municipalities][fields][0]=slug';
    const order = (response: request.Response) => (response.body.data[0].municipalities as { slug: string }[]).map((place) => place.slug);
    const before = order(await cached(path));
    const relink = (documentIds: string[]) =>
      asToken('put', `/api/workshops/${workshop.documentId}`)
        .query({ locale: 'bs' })
        .send({ data: { municipalities: { set: documentIds } } });
    cleanup.push(() => relink(ids));

    expect((await relink([...ids].reverse())).status).toBe(200);
    expect(order(await get(path))).toEqual([...before].reverse());
    expect((await relink(ids.slice(1))).status).toBe(200);
    expect(order(await get(path))).toEqual(before.slice(1));
  });

  it('a media file given new alternative text', async () => {
    const upload = await asToken('post', '/api/upload').attach('files', fs.readFileSync('favicon.png'), { filename: 'kes-čelinac.png', contentType: 'image/png' });
    expect(upload.status).toBe(201);
    const file = upload.body[0];
    cleanup.push(() => strapi.plugin('upload').service('upload').remove(file));
    const created = await asToken('post', '/api/news-articles')
      .query({ locale: 'bs' })
      .send({ data: { title: 'Naslovna slika', publicationDate: '2026-11-27', cover: file.id, coverAlt: 'Radionica u Čelincu' } });
    cleanup.push(() => strapi.documents(NEWS).delete({ documentId: created.body.data.documentId, locale: '*' }));
    const path = `/api/news-articles/${created.body.data.documentId}?locale=bs&populate=cover`;
    await cached(path);
    expect((await asAdmin(editorJwt, 'post', `/upload?id=${file.id}`).field('fileInfo', JSON.stringify({ alternativeText: 'Djeca u Čelincu' }))).status).toBe(200);
    expect((await get(path)).body.data.cover.alternativeText).toBe('Djeca u Čelincu');
  });

  it('a write through the Document Service, as the import makes it', async () => {
    const documentId = await createArticle('Uvoz: prije');
    await cached(LATEST);
    await strapi.documents(NEWS).update({ documentId, locale: 'bs', data: { title: 'Uvoz: poslije' } as never });
    await strapi.documents(NEWS).publish({ documentId, locale: 'bs' });
    expect(titles(await get(LATEST))).toContain('Uvoz: poslije');
  });

  it("the public role's read access withdrawn and given back in the admin panel", async () => {
    const path = '/api/phases?locale=bs&sort=name';
    const roles = await asAdmin(editorJwt, 'get', '/users-permissions/roles');
    const publicRoleId = (roles.body.roles as { id: number; type: string }[]).find((role) => role.type === 'public')!.id;
    const { role } = (await asAdmin(editorJwt, 'get', `/users-permissions/roles/${publicRoleId}`)).body;
    // As the Users & Permissions screen saves it: the whole role with one box changed.
    const allowFind = (enabled: boolean) => {
      role.permissions['api::phase'].controllers.phase.find.enabled = enabled;
      return asAdmin(editorJwt, 'put', `/users-permissions/roles/${publicRoleId}`).send({ name: role.name, description: role.description, permissions: role.permissions });
    };
    await cached(path);
    try {
      expect((await allowFind(false)).status).toBe(200);
      expect((await get(path)).status).toBe(403);
    } finally {
      expect((await allowFind(true)).status).toBe(200);
    }
    expect((await get(path)).status).toBe(200);
  });
});
