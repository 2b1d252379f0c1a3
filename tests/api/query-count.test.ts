/**
 * The uncached read path makes a fixed number of SQL queries per request, in one transaction,
 * whatever the page size (no query per entry, with populated relations, media and components, with fallback and
 * with search), and skips the count when `pagination[withCount]=false`. The cache is off here,
 * so every request reaches the database.
 */
import type { Core } from '@strapi/strapi';
import { loadSyntheticNews } from '../../src/seed/synthetic';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let queries = 0;
let transactions = 0;
const countQuery = ({ sql }: { sql: string }) => {
  queries += 1;
  if (/^begin/i.test(sql)) transactions += 1;
};

beforeAll(async () => {
  process.env.CACHE_ENABLED = 'false';
  strapi = await setupStrapi();
  // Enough news for full pages, each linked to places.
  await loadSyntheticNews(strapi, { articles: 60, locales: ['bs'], replace: true });
  strapi.db.connection.on('query', countQuery);
});

afterAll(async () => {
  strapi.db.connection.off('query', countQuery);
  await strapi.db.query('api::news-article.news-article').deleteMany({ where: { slug: { $startsWith: 'synthetic-' } } });
  delete process.env.CACHE_ENABLED;
  await teardownStrapi();
});

/** The SQL queries and transactions one request makes, and how many entries it returned. */
async function measure(path: string) {
  queries = 0;
  transactions = 0;
  const response = await api().get(path);
  expect(response.status).toBe(200);
  expect(response.headers['x-cache']).toBe('BYPASS');
  return { queries, transactions, entries: response.body.data.length as number };
}

it.each([
  [
    'a populated news list',
    '/api/news-articles?locale=bs&populate[0]=municipalities&populate[1]=workshops&populate[2]=cover&populate[3]=quotes&populate[4]=tags&sort=publicationDate:desc',
  ],
  ['municipalities with phases and coordinates', '/api/municipalities?locale=sr-Cyrl&populate[0]=phases&populate[1]=geo&sort=slug'],
  ['a fallback list, transliterated', '/api/municipalities?locale=sr-Cyrl&fallback=true&populate[0]=workshops&sort=slug'],
  ['a search', '/api/municipalities?locale=bs&q=grad&populate=phases'],
  ['workshops with nested populate', '/api/workshops?locale=bs&populate[municipalities][populate][0]=phases&sort=slug'],
])('%s: as many queries for one entry as for a full page', async (_, path) => {
  const small = await measure(`${path}&pagination[pageSize]=1`);
  const large = await measure(`${path}&pagination[pageSize]=100`);
  expect(large.entries).toBeGreaterThan(small.entries);
  // One query more or less: Strapi skips a populate query when no entry links anything there.
  expect(Math.abs(large.queries - small.queries)).toBeLessThanOrEqual(1);
  expect(large.queries).toBeLessThanOrEqual(14);
  // All of it in one transaction, not one per Document Service call.
  expect(large.transactions).toBe(1);
});

it('counts only when asked to', async () => {
  const path = '/api/workshops?locale=bs&pagination[pageSize]=5';
  const counted = await measure(path);
  const uncounted = await measure(`${path}&pagination[withCount]=false`);
  expect(uncounted.queries).toBeLessThan(counted.queries);
});
