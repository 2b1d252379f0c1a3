/**
 * Cost growth: the uncached reads partner sites make, at 1k, 10k and 100k articles (in bs and
 * en, draft and published: four rows each), on a fresh PostgreSQL database per size. A read
 * whose cost followed the size of the type rather than its page would show as requests per
 * second falling tenfold with each size; a fallback list should stay within 1.5× of the plain one.
 * The CMS runs with the shipped defaults but the cache off (every request reads the database)
 * and the per-address rate limit lifted; 10 connections, BENCH_GROWTH_SECONDS (4) per read.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { OURS, OVERRIDES, log, loadOptions, loadResult, markdownTable, recreateDatabase, run, seconds, startServer, stop } = require('./common');

const SIZES = (process.env.BENCH_GROWTH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_GROWTH_SECONDS ?? 4);
const CONNECTIONS = 10;
const NEWEST = 'sort=publicationDate:desc&pagination[pageSize]=25';

const READS = [
  { name: 'plain list', method: 'GET', path: `/api/news-articles?locale=bs&${NEWEST}` },
  { name: 'fallback list (hr from bs)', method: 'GET', path: `/api/news-articles?locale=hr&fallback=true&${NEWEST}` },
  // The page alone: what the count adds to a fallback list.
  { name: 'fallback list, no total', method: 'GET', path: `/api/news-articles?locale=hr&fallback=true&${NEWEST}&pagination[withCount]=false` },
  { name: 'search q', method: 'GET', path: `/api/news-articles?locale=bs&q=tribina%20gacku&${NEWEST}` },
  { name: 'one by slug', method: 'GET', path: '/api/news-articles?locale=bs&filters[slug][$eq]=synthetic-42-bs&populate[0]=municipalities' },
  {
    name: 'GraphQL list',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ newsArticles(locale: "bs", sort: "publicationDate:desc", pagination: { pageSize: 25 }) { documentId title publicationDate municipalities { name } } }',
    }),
  },
  { name: 'sitemap index', method: 'GET', path: '/sitemap.xml' },
  // A file of the index: the first 1,000 news documents, in both their languages.
  { name: 'sitemap file', method: 'GET', path: '/sitemaps/news-articles-1.xml' },
];

const loadOnce = (origin, read) =>
  loadResult(
    execFileSync(process.execPath, [path.join(__dirname, 'load.js'), JSON.stringify(loadOptions(origin, read, undefined, CONNECTIONS, SECONDS))], {
      encoding: 'utf8',
    })
  );

async function measureSize(databaseUrl, articles) {
  await recreateDatabase(databaseUrl, new URL(databaseUrl).pathname.slice(1));
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  run(process.execPath, ['database/seed.js'], env);
  const importMs = run(process.execPath, ['database/seed-synthetic.js', '--articles', String(articles), '--locales', 'bs,en'], env);
  log(`growth: ${articles.toLocaleString('en')} articles loaded in ${seconds(importMs)}`);
  const server = await startServer(path.join(__dirname, '..', '..'), OURS, { DATABASE_URL: databaseUrl, SEED_ON_EMPTY_DATABASE: 'false', CACHE_ENABLED: 'false', ...OVERRIDES });
  const results = {};
  for (const read of READS) {
    results[read.name] = loadOnce(server.origin, read);
    log(`growth: ${read.name} at ${articles}: ${Math.round(results[read.name].rps)} requests/s, statuses ${results[read.name].statuses.join(', ')}`);
  }
  await stop(server.child);
  return results;
}

/** Each read at each size; resolves with the results and their table. */
async function measureGrowth(databaseUrl) {
  const bySize = {};
  for (const articles of SIZES) bySize[articles] = await measureSize(databaseUrl, articles);
  const header = [
    'read (cache off, 10 connections)',
    ...SIZES.map((size) => `${size / 1000}k req/s`),
    ...SIZES.map((size) => `${size / 1000}k p99 ms`),
    `${SIZES.at(-1) / 1000}k / ${SIZES[0] / 1000}k`,
  ];
  const rows = READS.map(({ name }) => [
    name,
    ...SIZES.map((size) => String(Math.round(bySize[size][name].rps))),
    ...SIZES.map((size) => String(bySize[size][name].p99)),
    `${((bySize[SIZES.at(-1)][name].rps / bySize[SIZES[0]][name].rps) * 100).toFixed(0)} %`,
  ]);
  const ratio = (label, read) => [label, ...SIZES.map((size) => `${(bySize[size]['plain list'].rps / bySize[size][read].rps).toFixed(2)}×`), ...SIZES.map(() => ''), ''];
  return {
    bySize,
    table: markdownTable([header, ...rows, ratio('plain / fallback list', 'fallback list (hr from bs)'), ratio('plain / fallback page, no total', 'fallback list, no total')]),
  };
}

module.exports = { measureGrowth };

if (require.main === module) {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/spis_bench';
  measureGrowth(databaseUrl).then(
    ({ table }) => process.stdout.write(`\n${table}\n`),
    (error) => {
      process.stderr.write(`bench: growth failed: ${error.stack}\n`);
      process.exit(1);
    }
  );
}
