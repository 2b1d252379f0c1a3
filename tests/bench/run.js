#!/usr/bin/env node
/**
 * `npm run bench`: the read path under load, and writes, measured in one run on this machine.
 *
 * 1. A fresh PostgreSQL database (BENCH_DATABASE_URL, default spis_bench on 127.0.0.1) with the
 *    SPIS content and BENCH_ARTICLES (10,000) synthetic articles in bs and en, timed.
 * 2. The CMS (`npm start`, production settings) with the response cache on, then off; boot
 *    to first 200 timed; RSS memory read after its run.
 * 3. Stock Strapi (stock-app.js: default controllers and middlewares, these content types) on a
 *    copy of the database, for the REST scenarios: the path ours replaces, cache off, same query.
 * 4. The ceiling: a plain Node http server sending the same bytes (ceiling.js), loaded right
 *    after the cached CMS on each scenario (this machine's speed drifts within minutes).
 * 5. Each scenario driven with autocannon from another process (load.js), 50 connections,
 *    BENCH_SECONDS (6) each.
 * 6. On the cached CMS, first: 5 connections sending the largest GraphQL query the cost limit
 *    still admits (each a cache miss) while 10 others read the list, whose p99 is reported.
 * 7. The cached list at LOG_LEVEL default (info), warn and http.
 * 8. Cost growth (growth.js): uncached reads at 1k, 10k and 100k articles.
 * 9. Scale-out (scale-out.js): 1, 2 and 3 instances behind HAProxy, memory per instance.
 * 10. Writes (writes.js), last: news articles created as drafts, created and published, and
 *    edited and published, through REST with a full-access API token, 10 connections, on the
 *    CMS and on stock Strapi in turn, BENCH_WRITE_ROUNDS (3) rounds, each server on its own copy
 *    of the database from step 1.
 * BENCH_ONLY (comma-separated: reads for steps 2 to 6, log-levels, growth, scale-out, writes;
 * default all) measures only those parts, e.g. `BENCH_ONLY=writes BENCH_ARTICLES=500
 * BENCH_SECONDS=3 npm run bench`; step 1 runs unless only growth and scale-out, which make their
 * own databases, are measured. .tmp/bench.json then holds the parts measured.
 * The CMS runs the shipped production defaults, the per-address and per-token rate limits
 * lifted (OVERRIDES).
 * Prints the tables with requests/s, p50, p99 and the ratios; writes .tmp/bench.json.
 * Sends traffic only to 127.0.0.1 and stops by itself.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { measureGrowth } = require('./growth');
const { measureScaleOut } = require('./scale-out');
const {
  LIST,
  OURS,
  OVERRIDES,
  ROOT,
  STOCK,
  dropIndexesStrapiDidNotMake,
  load,
  loadAlongside,
  log,
  markdownTable,
  recreateDatabase,
  rssOf,
  run,
  seconds,
  startServer,
  stop,
} = require('./common');
const { writeStockApp } = require('./stock-app');
const { measureWrites } = require('./writes');

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/spis_bench';
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const PARTS = ['reads', 'log-levels', 'growth', 'scale-out', 'writes'];
const ONLY = (process.env.BENCH_ONLY ?? PARTS.join(','))
  .split(',')
  .map((part) => part.trim())
  .filter(Boolean);
for (const part of ONLY) if (!PARTS.includes(part)) throw new Error(`BENCH_ONLY: no part "${part}" (${PARTS.join(', ')})`);
const measuring = (part) => ONLY.includes(part);

const GRAPHQL = JSON.stringify({ query: '{ newsArticles(locale: "bs", pagination: { pageSize: 25 }) { documentId title publicationDate municipalities { name } } }' });
/**
 * The largest GraphQL query LIMIT_QUERY_COST (10,000) admits, every page full on the synthetic
 * news (each article links two places): per alias 25 × (1 + 2 × (1 + 20 + 50) + 50) + 50 =
 * 4,875 (rows, plus 50 per database query: 76 queries), twice. autocannon makes each body
 * unique ([<id>]), so none is a cache hit.
 */
const WORST_GRAPHQL = JSON.stringify({
  query:
    '{ a: newsArticles(locale: "bs", pagination: { limit: 25 }) { title publicationDate municipalities(pagination: { limit: 2 }) { name newsArticles(pagination: { limit: 20 }) { title } } } ' +
    'b: newsArticles(locale: "en", pagination: { limit: 25 }) { title municipalities(pagination: { limit: 2 }) { name newsArticles(pagination: { limit: 20 }) { title } } } } # [<id>]',
});
const WORST_CONNECTIONS = 5;
const PLAIN_CONNECTIONS = 10;
/** `stock`: also measured on stock Strapi (REST only; it has no GraphQL plugin, feeds or ETags). */
const SCENARIOS = [
  { name: 'list of 25 articles', method: 'GET', path: LIST, stock: true },
  {
    name: 'article by slug, populated',
    method: 'GET',
    path: '/api/news-articles?locale=bs&filters[slug][$eq]=synthetic-42-bs&populate[0]=municipalities&populate[1]=workshops',
    stock: true,
  },
  { name: 'GraphQL list', method: 'POST', path: '/graphql', body: GRAPHQL, headers: { 'content-type': 'application/json' } },
  { name: 'RSS feed', method: 'GET', path: '/feeds/news.bs.rss' },
  { name: 'revalidation (304)', method: 'GET', path: LIST, revalidate: true },
];

/** The list read by 10 connections while 5 others send the worst-case GraphQL query. */
async function underWorstCase(origin) {
  const worstScenario = { method: 'POST', path: '/graphql', body: WORST_GRAPHQL, headers: { 'content-type': 'application/json' }, idReplacement: true };
  const [worst, plain] = await Promise.all([loadAlongside(origin, worstScenario, WORST_CONNECTIONS), loadAlongside(origin, { method: 'GET', path: LIST }, PLAIN_CONNECTIONS)]);
  log(`worst-case GraphQL: ${Math.round(worst.rps)} requests/s (statuses ${worst.statuses.join(', ')}), plain read alongside: p99 ${plain.p99} ms`);
  return { worst, plain };
}

/** Headers Node's http module writes itself, in the CMS and in the ceiling alike. */
const PER_CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/**
 * What the CMS answers to a scenario, headers and body, to serve the same bytes from the ceiling
 * server (with the 304 it answers to its ETag, for revalidation). A new connection each time
 * (agent: false): the load runs block this process longer than the server keeps an idle
 * connection open.
 */
function fetchRaw(origin, scenario, headers) {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}${scenario.path}`, { method: scenario.method, agent: false, headers: { ...scenario.headers, ...headers } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const kept = Object.entries(response.headers).filter(([name]) => !PER_CONNECTION_HEADERS.has(name));
        resolve({ status: response.statusCode, headers: Object.fromEntries(kept), body: Buffer.concat(chunks) });
      });
    });
    request.on('error', reject);
    request.end(scenario.body);
  });
}

async function capture(origin, scenario) {
  const response = await fetchRaw(origin, scenario, { 'accept-encoding': 'identity' });
  if (response.status !== 200) throw new Error(`${scenario.name}: ${response.status}`);
  if (!scenario.revalidate) return response;
  const notModified = await fetchRaw(origin, scenario, { 'accept-encoding': 'identity', 'if-none-match': response.headers.etag });
  if (notModified.status !== 304) throw new Error(`${scenario.name}: ${notModified.status} to If-None-Match`);
  return { ...response, notModifiedHeaders: notModified.headers };
}

/** The ceiling server, answering each scenario with the bytes the CMS sent for it. */
async function startCeiling(references) {
  const child = spawn(process.execPath, [path.join(__dirname, 'ceiling.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify(Object.fromEntries(Object.values(references).map(({ key, response }) => [key, { ...response, body: response.body.toString('base64') }]))));
  const port = await new Promise((resolve) => child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
  return { origin: `http://127.0.0.1:${port}`, child };
}

/**
 * Loads each scenario on `server`; with `withCeiling`, each also on the ceiling right after,
 * so that the two are measured within seconds of each other.
 */
async function measure(server, label, scenarios, { withCeiling = false } = {}) {
  const references = {};
  for (const scenario of scenarios) references[scenario.name] = { key: `${scenario.method} ${scenario.path}`, response: await capture(server.origin, scenario) };
  const ceiling = withCeiling ? await startCeiling(references) : undefined;
  const results = {};
  const raw = {};
  for (const scenario of scenarios) {
    const { response } = references[scenario.name];
    const etag = scenario.revalidate ? response.headers.etag : undefined;
    results[scenario.name] = { ...load(server.origin, scenario, etag), bytes: response.body.length };
    log(`${scenario.name}, ${label}: ${Math.round(results[scenario.name].rps)} requests/s`);
    if (!ceiling) continue;
    raw[scenario.name] = load(ceiling.origin, scenario, etag);
    log(`${scenario.name}, raw Node: ${Math.round(raw[scenario.name].rps)} requests/s`);
  }
  const rss = rssOf(server.child.pid);
  await stop(server.child);
  if (ceiling) await stop(ceiling.child);
  return { results, bootMs: server.bootMs, rss, ceiling: raw };
}

/** Where the database is, and that the benchmark's import is already there. */
const BENCH_DATABASE = { DATABASE_URL, SEED_ON_EMPTY_DATABASE: 'false' };

async function measureServer(cacheEnabled) {
  const server = await startServer(ROOT, OURS, { ...BENCH_DATABASE, ...OVERRIDES, ...(cacheEnabled ? {} : { CACHE_ENABLED: 'false' }) });
  log(`server with cache ${cacheEnabled ? 'on' : 'off'} answered after ${seconds(server.bootMs)}`);
  const worstCase = cacheEnabled ? await underWorstCase(server.origin) : undefined;
  return { ...(await measure(server, `cache ${cacheEnabled ? 'on' : 'off'}`, SCENARIOS, { withCeiling: cacheEnabled })), worstCase };
}

/**
 * The cached list and its revalidation at each request-logging level, next to the shipped
 * default (LOG_LEVEL=info): `warn` logs less, `http` a line per request (early answers write it
 * too). Each measured right after the default, as the machine drifts.
 */
async function measureLogLevels() {
  const scenarios = SCENARIOS.filter((scenario) => scenario.path === LIST);
  const results = {};
  for (const level of ['default', 'warn', 'http']) {
    const server = await startServer(ROOT, OURS, { ...BENCH_DATABASE, ...OVERRIDES, ...(level === 'default' ? {} : { LOG_LEVEL: level }) });
    results[level] = (await measure(server, `LOG_LEVEL ${level}`, scenarios)).results;
  }
  return results;
}

/** Stock Strapi on a copy of the benchmark database (its start-up adapts the schema to its own). */
async function measureStock() {
  const url = new URL(DATABASE_URL);
  const copy = `${url.pathname.slice(1)}_stock`;
  await recreateDatabase(DATABASE_URL, copy, url.pathname.slice(1));
  await dropIndexesStrapiDidNotMake(Object.assign(new URL(DATABASE_URL), { pathname: `/${copy}` }).toString());
  const directory = writeStockApp(path.join(ROOT, '.tmp', 'bench-stock'));
  const server = await startServer(directory, STOCK, { DATABASE_URL: Object.assign(url, { pathname: `/${copy}` }).toString() });
  log(`stock Strapi answered after ${seconds(server.bootMs)}`);
  return measure(
    server,
    'stock Strapi',
    SCENARIOS.filter((scenario) => scenario.stock)
  );
}

const percent = (ratio) => `${(ratio * 100).toFixed(1)} %`;

function table({ cached, uncached, stock, ceiling }) {
  const rows = [
    [
      'scenario',
      'KB',
      'cache on req/s',
      'p50 ms',
      'p99 ms',
      'cache off req/s',
      'p50 ms',
      'p99 ms',
      'stock Strapi req/s',
      'raw Node req/s',
      'p99 ms',
      'on/ceiling',
      'on/off',
      'off/stock',
    ],
  ];
  for (const { name } of SCENARIOS) {
    const on = cached.results[name];
    const off = uncached.results[name];
    const stockRun = stock.results[name];
    const raw = ceiling[name];
    rows.push(
      [
        name,
        (on.bytes / 1024).toFixed(1),
        Math.round(on.rps),
        on.p50,
        on.p99,
        Math.round(off.rps),
        off.p50,
        off.p99,
        stockRun ? Math.round(stockRun.rps) : '—',
        Math.round(raw.rps),
        raw.p99,
        percent(on.rps / raw.rps),
        `${(on.rps / off.rps).toFixed(1)}×`,
        stockRun ? `${(off.rps / stockRun.rps).toFixed(2)}×` : '—',
      ].map(String)
    );
  }
  return markdownTable(rows);
}

const settingsLine = () =>
  `settings: the shipped production defaults (NODE_ENV=production, no LOG_LEVEL, no CACHE_* but CACHE_ENABLED=false for "cache off", the image's NODE_OPTIONS); overridden: ${Object.entries(
    OVERRIDES
  )
    .map(([name, value]) => `${name}=${value}`)
    .join(', ')} (one address and one API token send all the load)`;

/** req/s and p99 of the cached list at each logging level, and each against the default. */
function logLevelTable(logLevels) {
  const rows = [['cached list of 25 articles', 'req/s', 'p99 ms', 'of the default']];
  for (const [level, results] of Object.entries(logLevels)) {
    const { rps, p99 } = Object.values(results)[0];
    rows.push([
      level === 'default' ? 'LOG_LEVEL default (info)' : `LOG_LEVEL=${level}`,
      String(Math.round(rps)),
      String(p99),
      percent(rps / Object.values(logLevels.default)[0].rps),
    ]);
  }
  return markdownTable(rows);
}

async function main() {
  const started = Date.now();
  log(`measuring: ${ONLY.join(', ')}`);
  const report = {
    machine: `${require('node:os').cpus().length} × ${require('node:os').cpus()[0].model}, ${Math.round(require('node:os').totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    settings: settingsLine(),
    articles: ARTICLES,
  };
  // Growth and scale-out make their own databases.
  if (['reads', 'log-levels', 'writes'].some(measuring)) {
    log(`fresh database ${new URL(DATABASE_URL).pathname.slice(1)}`);
    await recreateDatabase(DATABASE_URL, new URL(DATABASE_URL).pathname.slice(1));
    const env = { DATABASE_URL, LOG_LEVEL: 'warn' };
    log(`SPIS content loaded in ${seconds(run(process.execPath, ['database/seed.js'], env))}`);
    report.importMs = run(process.execPath, ['database/seed-synthetic.js', '--articles', String(ARTICLES), '--locales', 'bs,en'], env);
    log(`${ARTICLES.toLocaleString('en')} synthetic articles × 2 locales loaded in ${seconds(report.importMs)} (the command, including loading the app)`);
  }

  const sections = [report.settings];
  if (measuring('reads')) {
    report.cached = await measureServer(true);
    report.uncached = await measureServer(false);
    report.stock = await measureStock();
    report.ceiling = report.cached.ceiling;
    sections.push(table(report));
  }
  if (measuring('log-levels')) {
    report.logLevels = await measureLogLevels();
    sections.push(logLevelTable(report.logLevels));
  }
  if (measuring('growth')) {
    const growth = await measureGrowth(DATABASE_URL);
    report.growth = growth.bySize;
    sections.push(growth.table);
  }
  if (measuring('scale-out')) {
    const scaleOut = await measureScaleOut(DATABASE_URL);
    report.scaleOut = scaleOut.results;
    sections.push(scaleOut.table);
  }
  // Last, on their own copies of the database: the reads above see none of these writes.
  if (measuring('writes')) {
    const writes = await measureWrites(DATABASE_URL);
    report.writes = { connections: writes.connections, seconds: writes.seconds, rounds: writes.rounds, bootMs: writes.bootMs, results: writes.results };
    sections.push(writes.table);
  }

  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.tmp', 'bench.json'), JSON.stringify(report, null, 2));
  process.stdout.write(`\n${sections.join('\n\n')}\n\n`);
  if (measuring('reads')) {
    const { cached, uncached, stock } = report;
    process.stdout.write(
      `boot to first 200: ${seconds(cached.bootMs)} (cache on), ${seconds(uncached.bootMs)} (cache off), ${seconds(stock.bootMs)} (stock Strapi); RSS after the cached run: ${Math.round(cached.rss / 2 ** 20)} MB\n`
    );
    const { worst, plain } = cached.worstCase;
    process.stdout.write(
      `${WORST_CONNECTIONS} concurrent worst-case queries (the largest GraphQL query the cost limit still admits), plain read p99: ${plain.p99} ms ` +
        `(p50 ${plain.p50} ms, ${Math.round(plain.rps)} req/s on ${PLAIN_CONNECTIONS} connections, cache on; the worst-case queries: ${Math.round(worst.rps)} req/s, p50 ${worst.p50} ms, p99 ${worst.p99} ms, statuses ${worst.statuses.join(', ')})\n`
    );
  }
  const importLine = report.importMs === undefined ? '' : `synthetic import: ${seconds(report.importMs)}; `;
  process.stdout.write(`${importLine}whole benchmark: ${seconds(Date.now() - started)}; machine: ${report.machine}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: failed: ${error.stack}\n`);
  process.exit(1);
});
