/**
 * The OpenAPI contract, checked the way a partner's tooling would use it: the document passes
 * a real OpenAPI 3.1 validator (swagger-parser), and every documented read of every type is
 * requested (plain, populated, narrowed, paged, searched, with fallback, in several languages)
 * with each real response body validated against the documented schema by a JSON Schema
 * 2020-12 validator (ajv), and so is the feed of changes mirrors follow. Errors are checked
 * against the documented error schema too.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { OPENAPI_FILE, printOpenApiDocument } from '../../src/openapi';
import { createApiToken, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

type Operation = {
  operationId: string;
  parameters?: { name?: string; in?: string; $ref?: string }[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
};
type OpenApi = { openapi: string; servers: { url: string }[]; paths: Record<string, { get: Operation }>; components: { schemas: Record<string, unknown> } };

const TYPES = ['contacts', 'indicators', 'menu-items', 'municipalities', 'news-articles', 'pages', 'phases', 'programmes', 'resources', 'results', 'workshops'];
const SEARCHABLE = ['municipalities', 'news-articles', 'pages', 'programmes', 'resources', 'workshops'];
/** Types the sources give no published Bosnian text for: read in English where a read names no locale. */
const ENGLISH_ONLY = ['indicators', 'menu-items', 'pages', 'results'];
const NEWS = 'api::news-article.news-article';

let strapi: Core.Strapi;
let origin: string;
let document: OpenApi;
let ajv: Ajv2020;
const get = (path: string) => request(origin).get(path);
const cleanup: (() => Promise<unknown>)[] = [];

/**
 * Problems swagger-parser finds in a document (validated against the official OpenAPI 3.1
 * schema, every $ref resolved). It runs in Node itself: its parser is an ES module, which jest's
 * CommonJS runtime cannot load.
 */
function openApiProblems(candidate: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-')), 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(candidate));
  const script = "require('@apidevtools/swagger-parser').validate(process.argv[1]).then(() => {}, (error) => console.log(error.message))";
  return execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8' }).trim();
}

/** JSON pointer to a response schema of the document, for ajv. */
const pointer = (...segments: string[]) => `openapi.json#/${segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** Validates a real response against what the document says that operation answers with that status. */
function expectDocumented(path: string, response: request.Response, mediaType = 'application/json') {
  const documented = document.paths[path]?.get.responses[String(response.status)];
  if (!documented) throw new Error(`${path} answered ${response.status}, which the document does not list: ${response.text.slice(0, 300)}`);
  const target = documented.$ref
    ? pointer(...documented.$ref.replace('#/', '').split('/'), 'content', mediaType, 'schema')
    : pointer('paths', path, 'get', 'responses', String(response.status), 'content', mediaType, 'schema');
  const validate = ajv.getSchema(target);
  if (!validate) throw new Error(`No schema at ${target}`);
  const body = response.type === 'application/geo+json' ? JSON.parse(response.text) : response.body;
  if (!validate(body)) {
    throw new Error(`${path} (${response.status}) does not match the document:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }
  return body;
}

beforeAll(async () => {
  strapi = await setupStrapi();
  origin = await listen(strapi);
  const response = await get('/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi.json');

  // Content beyond the seed, so every kind of field is served: a cover image, quotes, tags, SEO,
  // and a Bosnian-only article that fallback fills for other languages.
  const token = await createApiToken(strapi, 'full-access');
  const upload = await request(origin)
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', fs.readFileSync('favicon.png'), { filename: 'naslovna-čelinac.png', contentType: 'image/png' });
  expect(upload.status).toBe(201);
  const file = upload.body[0];
  cleanup.push(() => strapi.plugin('upload').service('upload').remove(file));
  const article = await request(origin)
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs' })
    .send({
      data: {
        title: 'Ugovor o saradnji potpisan u Čelincu',
        publicationDate: '2026-11-26',
        cover: file.id,
        coverAlt: 'Potpisnici ugovora u Čelincu',
        quotes: [{ text: 'Svako dijete je važno.', speaker: 'Đorđe Šarić' }],
        tags: [{ name: 'saradnja' }],
        seo: { metaTitle: 'Saradnja u Čelincu', noIndex: false },
        body: [
          { type: 'heading', level: 2, children: [{ type: 'text', text: 'Potpisivanje', bold: true }] },
          { type: 'paragraph', children: [{ type: 'link', url: 'https://www.unicef.org/bih', children: [{ type: 'text', text: 'UNICEF' }] }] },
        ],
      },
    });
  expect(article.status).toBe(201);
  cleanup.push(() => strapi.documents(NEWS).delete({ documentId: article.body.data.documentId, locale: '*' }));
  // The sources hold no resource: one, with a cover and the languages of its file.
  const resource = await request(origin)
    .post('/api/resources')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs' })
    .send({ data: { title: 'Vodič za općinske timove', kind: 'guideline', year: 2012, cover: file.id, coverAlt: 'Naslovnica vodiča', fileLanguages: ['bs', 'sr-Cyrl'] } });
  expect(resource.status).toBe(201);
  cleanup.push(() => strapi.documents('api::resource.resource').delete({ documentId: resource.body.data.documentId, locale: '*' }));
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await teardownStrapi();
});

it('is a valid OpenAPI 3.1 document, served with validators and the origin it was asked on', async () => {
  expect(document.openapi).toBe('3.1.0');
  expect(openApiProblems(document)).toBe('');
  // The validator does find mistakes: a broken reference, an operation without responses.
  const broken = structuredClone(document);
  broken.paths['/api/phases'].get.responses = {};
  (broken.components.schemas.Phase as { properties: Record<string, unknown> }).properties.programme = { $ref: '#/components/schemas/Nothing' };
  expect(openApiProblems(broken)).not.toBe('');
  expect(document.servers).toEqual([{ url: origin }]);
  const again = await get('/api/openapi.json');
  expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
  expect((await get('/api/openapi.json').set('If-None-Match', again.headers.etag)).status).toBe(304);
});

it('is committed as types/openapi.json, current with the content types (npm run types)', () => {
  expect(printOpenApiDocument(strapi)).toBe(fs.readFileSync(OPENAPI_FILE, 'utf8'));
  expect({ ...JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')), servers: document.servers }).toEqual(document);
});

it('documents the public reads of every type and nothing a partner cannot call', () => {
  const paths = Object.keys(document.paths);
  for (const type of TYPES) expect(paths).toEqual(expect.arrayContaining([`/api/${type}`, `/api/${type}/{documentId}`]));
  expect(paths.filter((path) => path.startsWith('/api/') && !TYPES.some((type) => path.startsWith(`/api/${type}`)))).toEqual(['/api/changes', '/api/navigation']);
  expect(Object.values(document.paths).every((item) => Object.keys(item).join() === 'get')).toBe(true);
  const names = (path: string) => (document.paths[path].get.parameters ?? []).map((parameter) => parameter.name ?? parameter.$ref?.split('/').pop());
  for (const type of TYPES) expect(names(`/api/${type}`).includes('q')).toBe(SEARCHABLE.includes(type));
  expect(names('/api/news-articles')).toEqual(expect.arrayContaining(['locale', 'acceptLanguage', 'fallback', 'page', 'pageSize', 'fields', 'populate', 'filters', 'sort']));
  // Private fields stay out of the contract.
  expect(JSON.stringify(document)).not.toContain('searchIndex');
});

describe.each(TYPES)('%s: every response matches the document', (type) => {
  const list = `/api/${type}`;
  const single = `/api/${type}/{documentId}`;

  it.each([
    ['in the default language', ''],
    ['populated', '?populate=*'],
    ['in Serbian Cyrillic with fallback, populated', '?locale=sr-Cyrl&fallback=true&populate=*'],
    ['in English with fallback', '?locale=en&fallback=true'],
    ['narrowed to two fields', '?fields=createdAt,locale'],
    ['offset-paged without a count', '?pagination[start]=0&pagination[limit]=2&pagination[withCount]=false'],
    ['sorted, in pages of 3', '?sort=createdAt:desc,documentId&pagination[page]=1&pagination[pageSize]=3'],
  ])('lists %s', async (_, given) => {
    const query = ENGLISH_ONLY.includes(type) && !given.includes('locale=') ? `${given}${given ? '&' : '?'}locale=en` : given;
    const response = await get(`${list}${query}`);
    expect(response.status).toBe(200);
    const body = expectDocumented(list, response);
    expect(body.data.length).toBeGreaterThan(0);

    // Each listed document, read alone the same way, matches too.
    for (const entry of body.data.slice(0, 5)) {
      const one = await get(`/api/${type}/${entry.documentId}${query.replace(/[?&]pagination[^&]*|[?&]sort=[^&]*/g, '').replace(/^&/, '?')}`);
      expect(one.status).toBe(200);
      expect(expectDocumented(single, one).data.documentId).toBe(entry.documentId);
    }
  });

  it('answers mistakes and missing documents with the documented errors', async () => {
    const unknownLocale = await get(`${list}?locale=de`);
    expect(unknownLocale.status).toBe(400);
    expectDocumented(list, unknownLocale);
    const missing = await get(`/api/${type}/no-such-document`);
    expect(missing.status).toBe(404);
    expectDocumented(single, missing);
  });
});

it.each([
  ['municipalities', 'Челинац'],
  ['news-articles', 'celinac'],
  ['programmes', 'ČELINAC'],
  ['workshops', 'Теслић'],
])('searches %s for "%s" as documented', async (type, text) => {
  const response = await get(`/api/${type}?q=${encodeURIComponent(text)}&populate=*`);
  expect(response.status).toBe(200);
  expect(expectDocumented(`/api/${type}`, response).data.length).toBeGreaterThan(0);
});

it.each([
  ['/api/pages/by-path/{path}', '/api/pages/by-path/social-protection-and-inclusion-system/how-the-project-would-contribute?locale=en', 200],
  ['/api/pages/by-path/{path}', '/api/pages/by-path/programme-summary?locale=sr-Cyrl&fallback=true', 200],
  ['/api/pages/by-path/{path}', '/api/pages/by-path/no-such-page', 404],
  ['/api/pages/by-path/{path}', '/api/pages/by-path/Not_A_Slug', 400],
  ['/api/navigation', '/api/navigation?locale=bs&fallback=true', 200],
  ['/api/navigation', '/api/navigation?fallback=maybe', 400],
])('answers %s as documented: %s', async (documented, url, status) => {
  const response = await get(url);
  expect(response.status).toBe(status);
  expectDocumented(documented, response);
});

it('serves every media field of a populated article as documented, image formats included', async () => {
  const response = await get('/api/news-articles?filters[title][$eq]=Ugovor o saradnji potpisan u Čelincu&populate=*');
  const [article] = expectDocumented('/api/news-articles', response).data;
  expect(article.cover.mime).toBe('image/png');
  expect(article.quotes[0].speaker).toBe('Đorđe Šarić');
  expect(article.body[0]).toMatchObject({ type: 'heading', level: 2 });
});

it.each(['bs', 'sr-Cyrl'])('serves the municipalities GeoJSON in %s as documented', async (locale) => {
  const response = await get(`/api/municipalities.geojson?locale=${locale}&fallback=true`);
  expect(response.status).toBe(200);
  expect(expectDocumented('/api/municipalities.geojson', response, 'application/geo+json').features).toHaveLength(21);
});

it('serves each documented feed with its documented media type', async () => {
  const feeds = Object.keys(document.paths).filter((path) => path.startsWith('/feeds/') || path.startsWith('/sitemap'));
  expect(feeds).toHaveLength(8);
  for (const path of feeds) {
    const response = await get(path.replace('{locale}', 'sr-Cyrl').replace('{file}', 'news-articles-1.xml'));
    expect(response.status).toBe(200);
    const [mediaType] = Object.keys(document.paths[path].get.responses['200'].content ?? {});
    expect(response.headers['content-type'].split(';')[0]).toBe(mediaType);
  }
});

describe('/api/changes', () => {
  const CHANGES = '/api/changes';

  it('answers every kind of page as documented, and follows its cursors', async () => {
    const now = expectDocumented(CHANGES, await get(`${CHANGES}?since=now`));
    expect(now.data).toEqual([]);
    const first = expectDocumented(CHANGES, await get(`${CHANGES}?pageSize=3`));
    expect(first.data).toHaveLength(3);
    expect(first.meta.hasMore).toBe(true);
    const next = expectDocumented(CHANGES, await get(`${CHANGES}?since=${first.meta.cursor}&pageSize=3`));
    expect(next.data[0].cursor).not.toBe(first.data[2].cursor);
    const narrowed = expectDocumented(CHANGES, await get(`${CHANGES}?type=news-articles,workshops&locale=sr-Cyrl&pageSize=1000`));
    expect(narrowed.data.length).toBeGreaterThan(0);
    for (const { contentType, locale } of narrowed.data) {
      expect(['api::news-article.news-article', 'api::workshop.workshop']).toContain(contentType);
      expect(locale).toBe('sr-Cyrl');
    }
    expect(expectDocumented(CHANGES, await get(`${CHANGES}?since=${now.meta.cursor}`)).data).toEqual([]);
  });

  it.each([
    ['a cursor it never gave', 'since=yesterday', 400],
    ['an unknown type', 'type=articles', 400],
    ['a page too large', 'pageSize=1001', 400],
    ['an unknown parameter', 'sinse=now', 400],
    ['a cursor from another database', `since=${Buffer.from('00000000-0000-4000-8000-000000000000.1').toString('base64url')}`, 410],
  ])('answers %s with the documented error', async (_, query, status) => {
    const response = await get(`${CHANGES}?${query}`);
    expect(response.status).toBe(status);
    expectDocumented(CHANGES, response);
  });
});

it('renders the reference page for people from this server alone', async () => {
  const page = await get('/api/docs');
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url);
  expect(assets).toHaveLength(3);
  for (const asset of assets) {
    expect(asset.startsWith('/api/docs/')).toBe(true);
    const response = await get(asset);
    expect(response.status).toBe(200);
  }
  expect((await get('/api/docs/init.js')).text).toContain('validatorUrl: null');
  expect((await get('/api/docs/../../admin')).status).not.toBe(200);
  expect((await get('/api/docs/package.json')).status).toBe(404);
});
