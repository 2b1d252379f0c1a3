/**
 * The response cache never changes an answer. Generated reads over every public type (lists and
 * single documents, REST and GraphQL GET, feeds, pages by path and the menu) with their parameters — locale, fallback, sort
 * lists, fields, populate, filters, pagination, search; GraphQL by document or persisted hash,
 * with and without what Apollo's CSRF prevention asks — and Accept-Language are each asked
 * anonymously in several spellings (parameter order, bracket forms, percent-encoding), so the
 * first is built and stored and the others are answered from the cache, early or through Koa;
 * every answer must equal the same read made with a read-only API token, which the cache never
 * serves. Reads that differ only in the order of a list (sort, fields, populate) are generated
 * too, so two of them sharing an entry shows as a difference.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import qs from 'qs';
import request from 'supertest';
import { createApiToken, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let origin: string;
let token: string;
/** documentIds of each type's published documents, for reads of one document. */
const documentIds: Record<string, string[]> = {};

/** Per type: fields to sort and select by, a unique one to end each sort with, relations to populate, a text filter. */
const TYPES = {
  'news-articles': {
    fields: ['title', 'publicationDate', 'dateline', 'slug'],
    unique: 'slug',
    populate: ['municipalities', 'cover', 'tags', 'programme'],
    text: 'title',
    search: true,
  },
  workshops: { fields: ['title', 'startDate', 'city', 'slug'], unique: 'slug', populate: ['municipalities', 'phase', 'geo'], text: 'title', search: true },
  municipalities: { fields: ['name', 'kind', 'population2013', 'slug'], unique: 'slug', populate: ['phases', 'geo', 'workshops'], text: 'name', search: true },
  programmes: { fields: ['name', 'acronym', 'slug'], unique: 'slug', populate: ['phases', 'contacts', 'funding'], text: 'name', search: true },
  phases: { fields: ['name', 'periodStart', 'periodEnd'], unique: 'documentId', populate: ['programme', 'municipalities'], text: 'focus', search: false },
  contacts: { fields: ['name', 'role', 'organisation'], unique: 'documentId', populate: ['programme'], text: 'name', search: false },
  pages: { fields: ['title', 'position', 'slug'], unique: 'documentId', populate: ['parent', 'children', 'seo'], text: 'title', search: true },
} as const;
type TypeName = keyof typeof TYPES;

const locale = fc.constantFrom(undefined, 'bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en');
const acceptLanguage = fc.constantFrom(undefined, 'en', 'sr-Cyrl', 'hr;q=0.4, en;q=0.9', 'de');
const fallback = fc.constantFrom(undefined, 'true', 'false');
const text = fc.constantFrom('a', 'grad', 'čel', 'Бања', 'SPIS', 'dj');

/** A sort list: up to two fields in either direction, in either order, ended by a unique field so ties never decide. */
const sortOf = (type: TypeName) =>
  fc
    .uniqueArray(fc.constantFrom(...TYPES[type].fields.filter((name) => name !== TYPES[type].unique)), { maxLength: 2 })
    .chain((names) => fc.tuple(...names.map((name) => fc.constantFrom(`${name}:asc`, `${name}:desc`))))
    .map((sorts) => [...sorts, TYPES[type].unique]);

const listRead = (type: TypeName) =>
  fc.record(
    {
      locale,
      fallback,
      sort: sortOf(type),
      fields: fc.uniqueArray(fc.constantFrom(...TYPES[type].fields), { minLength: 1, maxLength: 3 }),
      populate: fc.uniqueArray(fc.constantFrom(...TYPES[type].populate), { minLength: 1, maxLength: 2 }),
      pagination: fc.oneof(
        fc.record({ page: fc.integer({ min: 1, max: 3 }).map(String), pageSize: fc.constantFrom('1', '2', '5', '25') }),
        fc.record({ start: fc.integer({ min: 0, max: 6 }).map(String), limit: fc.constantFrom('1', '3', '10') })
      ),
      filters: text.map((value) => ({ [TYPES[type].text]: { $containsi: value } })),
      ...(TYPES[type].search ? { q: text } : {}),
    },
    { requiredKeys: ['sort'] }
  );

type Read = { path: string; query: Record<string, unknown>; acceptLanguage?: string; headers?: Record<string, string> };

const restList: fc.Arbitrary<Read> = fc
  .constantFrom(...(Object.keys(TYPES) as TypeName[]))
  .chain((type) => fc.record({ path: fc.constant(`/api/${type}`), query: listRead(type), acceptLanguage }));

const restDocument: fc.Arbitrary<Read> = fc.constantFrom(...(Object.keys(TYPES) as TypeName[])).chain((type) =>
  fc.record({
    path: fc.constantFrom(...documentIds[type]).map((id) => `/api/${type}/${id}`),
    query: fc.record(
      {
        locale,
        fallback,
        fields: fc.uniqueArray(fc.constantFrom(...TYPES[type].fields), { minLength: 1, maxLength: 3 }),
        populate: fc.constantFrom(...TYPES[type].populate).map((name) => [name]),
      },
      { requiredKeys: [] }
    ),
    acceptLanguage,
  })
);

const feed: fc.Arbitrary<Read> = fc.record({
  path: fc.constantFrom('news.bs.rss', 'news.sr-Cyrl.atom', 'news.en.rss', 'workshops.hr.ics', 'resources.bs.atom', 'resources.sr-Cyrl.rss').map((file) => `/feeds/${file}`),
  query: fc.record({ fallback }, { requiredKeys: [] }),
  acceptLanguage,
});

/** What a partner site builds itself from: the menu and pages by path (one that is not there too). */
const siteStructure: fc.Arbitrary<Read> = fc.record({
  path: fc.constantFrom(
    '/api/navigation',
    '/api/pages/by-path/programme-summary',
    '/api/pages/by-path/social-protection-and-inclusion-system',
    '/api/pages/by-path/social-protection-and-inclusion-system/how-the-project-would-contribute',
    '/api/pages/by-path/about-spis'
  ),
  query: fc.record({ locale, fallback }, { requiredKeys: [] }),
  acceptLanguage,
});

const PLACES_QUERY =
  'query Places($locale: I18NLocaleCode, $sort: [String], $pageSize: Int) { municipalities(locale: $locale, sort: $sort, pagination: { pageSize: $pageSize }) { name slug kind } }';
/** The same query as Apollo's persisted queries name it (registered in beforeAll). */
const PLACES_PERSISTED = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(PLACES_QUERY).digest('hex') } });

/**
 * A GraphQL GET: the document itself or its persisted hash; with a header that passes Apollo's
 * CSRF prevention, or without (Apollo's 400, whatever the cache holds).
 */
const graphqlGet: fc.Arbitrary<Read> = fc
  .record({
    locale: fc.constantFrom('bs', 'sr-Cyrl', 'en'),
    sort: fc.constantFrom(['name:desc', 'slug'], ['slug:desc'], ['kind', 'name', 'slug'], ['name', 'kind', 'slug']),
    pageSize: fc.integer({ min: 1, max: 5 }),
  })
  .chain((variables) =>
    fc.record({
      path: fc.constant('/graphql'),
      query: fc.constantFrom({ query: PLACES_QUERY }, { extensions: PLACES_PERSISTED }).map((document) => ({ ...document, variables: JSON.stringify(variables) })),
      acceptLanguage,
      headers: fc.constantFrom<Record<string, string>[]>({}, { 'Apollo-Require-Preflight': 'true' }, { 'Content-Type': 'application/json' }, { 'Content-Type': 'text/plain' }),
    })
  );

/** How one read is written: parameter order, array form, percent-encoding of brackets and values. */
const spelling = fc.record({
  arrayFormat: fc.constantFrom('indices', 'brackets', 'repeat') as fc.Arbitrary<'indices' | 'brackets' | 'repeat'>,
  encodeValuesOnly: fc.boolean(),
  order: fc.func(fc.integer()),
});
type Spelling = typeof spelling extends fc.Arbitrary<infer T> ? T : never;

function target({ path, query }: Read, { arrayFormat, encodeValuesOnly, order }: Spelling): string {
  const defined = Object.entries(query).filter(([, value]) => value !== undefined);
  const reordered = Object.fromEntries(defined.sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)));
  const querystring = qs.stringify(reordered, { arrayFormat, encodeValuesOnly });
  return querystring ? `${path}?${querystring}` : path;
}

const send = (path: string, acceptLanguage: string | undefined, withToken: boolean, headers: Record<string, string> = {}) => {
  const call = request(origin).get(path).set(headers);
  if (acceptLanguage) call.set('Accept-Language', acceptLanguage);
  if (withToken) call.set('Authorization', `Bearer ${token}`);
  return call;
};

/** What must not differ between a cached answer and a fresh one. */
const answerOf = (response: request.Response) => ({
  status: response.status,
  body: response.text,
  contentType: response.headers['content-type'],
  contentLanguage: response.headers['content-language'],
});

let compared = 0;
let hits = 0;
let graphqlHits = 0;

async function check(read: Read, spellings: Spelling[]) {
  const reference = answerOf(await send(target(read, spellings[0]), read.acceptLanguage, true, read.headers));
  for (const written of spellings) {
    const response = await send(target(read, written), read.acceptLanguage, false, read.headers);
    compared += 1;
    if (response.headers['x-cache'] === 'HIT') {
      hits += 1;
      if (read.path === '/graphql') graphqlHits += 1;
    }
    expect({ read: target(read, written), ...answerOf(response) }).toEqual({ read: target(read, written), ...reference });
  }
}

beforeAll(async () => {
  process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = '1000000';
  process.env.RATE_LIMIT_TOKEN_PER_MINUTE = '1000000';
  strapi = await setupStrapi();
  origin = await listen(strapi);
  token = await createApiToken(strapi, 'read-only');
  for (const type of Object.keys(TYPES) as TypeName[]) {
    // Every language: some types (pages) have no published Bosnian version.
    const response = await request(origin).get(`/api/${type}?locale=*&fields[0]=documentId&pagination[pageSize]=100`);
    documentIds[type] = [...new Set((response.body.data as { documentId: string }[]).map((entry) => entry.documentId))];
    expect(documentIds[type].length).toBeGreaterThan(0);
  }
  const persisted = await request(origin)
    .post('/graphql')
    .send({ query: PLACES_QUERY, variables: { locale: 'bs' }, extensions: JSON.parse(PLACES_PERSISTED) });
  expect(persisted.body.data.municipalities.length).toBeGreaterThan(0);
});

afterAll(async () => {
  delete process.env.RATE_LIMIT_PUBLIC_PER_MINUTE;
  delete process.env.RATE_LIMIT_TOKEN_PER_MINUTE;
  await teardownStrapi();
});

it('answers every spelling of every generated read as the database does', async () => {
  const read = fc.oneof(
    { arbitrary: restList, weight: 6 },
    { arbitrary: restDocument, weight: 2 },
    { arbitrary: feed, weight: 1 },
    { arbitrary: siteStructure, weight: 1 },
    { arbitrary: graphqlGet, weight: 1 }
  );
  await fc.assert(
    fc.asyncProperty(read, fc.array(spelling, { minLength: 3, maxLength: 3 }), (generated, spellings) => check(generated, spellings)),
    { numRuns: Number(process.env.CACHE_DIFFERENTIAL_RUNS ?? 1500), endOnFailure: true }
  );
  // The cache was in play: most spellings after the first of a read were hits, GraphQL's too.
  expect(hits).toBeGreaterThan(compared / 2);
  expect(graphqlHits).toBeGreaterThan(0);
}, 900_000);

it('keeps apart reads that differ only in the order of a list', async () => {
  const base = '/api/municipalities?locale=bs&pagination[pageSize]=100';
  // As the outside test found it: the same parameters, another order.
  const orders = ['sort=kind:asc&sort=name:desc&sort=slug', 'sort=name:desc&sort=kind:asc&sort=slug'];
  const answers = [];
  for (const order of orders) {
    const fresh = await send(`${base}&${order}`, undefined, true);
    const cached = await send(`${base}&${order}`, undefined, false);
    await send(`${base}&${order}`, undefined, false);
    expect(cached.text).toBe(fresh.text);
    answers.push(fresh.text);
  }
  expect(answers[0]).not.toBe(answers[1]);
});
