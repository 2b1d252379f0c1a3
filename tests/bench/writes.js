/**
 * Writes: news articles written through REST with a full-access API token, on this app (every
 * Document Service write in one transaction with its history versions, the change feed, the
 * translation freshness records, under the document's advisory lock: the content-history
 * plugin's recording.ts) and on stock Strapi (stock-app.js), each on its own copy of the
 * benchmark database, both copies made before either server writes: the same starting data,
 * and the database the reads are measured on is left as it was.
 * 1. A copy for this app, where a full-access token is made (api-token.js, Strapi's service);
 *    then stock Strapi's copy of that one, without this app's indexes. Both servers run with
 *    the token's API_TOKEN_SALT, this app with the shipped production defaults (cache on) but
 *    the rate limits lifted (OVERRIDES), stock Strapi as its template.
 * 2. Each scenario sent once to each server, which must answer 2xx (on this app, the rows its
 *    recording wrote for that write are counted), then loaded with autocannon,
 *    WRITE_CONNECTIONS connections for BENCH_SECONDS, on this app and right after on stock
 *    Strapi, BENCH_WRITE_ROUNDS (3) times in turn: this machine's speed drifts within minutes,
 *    and a few hundred writes are few samples. The table has each server's median round (by
 *    requests/s) and the ratio of each round.
 * Every request writes something new: `[n]` in a body becomes a number new to the run (load.js),
 * slugs included (stock Strapi makes none, and publishing requires one). An update goes to the
 * next of the synthetic articles in bs in turn, so no two connections wait for one document's
 * lock; each round has its own share of them, so a document is edited twice only if a round
 * sends more updates than its share.
 */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const {
  DURATION,
  OURS,
  OVERRIDES,
  ROOT,
  STOCK,
  databaseName,
  databaseNamed,
  dropIndexesStrapiDidNotMake,
  load,
  log,
  markdownTable,
  recreateDatabase,
  seconds,
  serverEnvironment,
  startServer,
  stop,
} = require('./common');
const { writeStockApp } = require('./stock-app');

const WRITE_CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_WRITE_ROUNDS ?? 3);
/** The round of the middle requests/s (of an even number, the lower middle one). */
const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor((runs.length - 1) / 2)];
const article = (kind) =>
  JSON.stringify({ data: { title: `Benchmark ${kind} [n]`, slug: `benchmark-${kind}-[n]`, publicationDate: '2026-12-15', lead: `Written by the benchmark: ${kind} [n].` } });
const JSON_BODY = { 'content-type': 'application/json' };
/** `spread`: over the synthetic articles, one after the other. */
const WRITES = [
  { name: 'create a draft', method: 'POST', path: '/api/news-articles?locale=bs&status=draft', body: article('draft') },
  { name: 'create and publish', method: 'POST', path: '/api/news-articles?locale=bs&status=published', body: article('published') },
  {
    name: 'update and publish an article',
    method: 'PUT',
    path: '/api/news-articles/[document]?locale=bs&status=published',
    body: JSON.stringify({ data: { lead: 'Edited by the benchmark [n].' } }),
    spread: true,
  },
];
/** What this app's recording writes beside the content, counted per write. */
const RECORDS = { versions: 'content_history_versions', changes: 'content_history_changes', freshness: 'content_history_translation_fields' };

/** A full-access API token in the database at `databaseUrl`, hashed with `salt`; resolves with its key. */
function createToken(databaseUrl, salt) {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'api-token.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: serverEnvironment({ DATABASE_URL: databaseUrl, SEED_ON_EMPTY_DATABASE: 'false', LOG_LEVEL: 'warn', API_TOKEN_SALT: salt }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return output.trim().split('\n').at(-1);
}

async function query(databaseUrl, sql) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The synthetic articles' documentIds (the same in both copies), in the order they were made. */
const syntheticDocuments = async (databaseUrl) =>
  (await query(databaseUrl, `SELECT document_id FROM news_articles WHERE locale = 'bs' AND published_at IS NULL AND slug LIKE 'synthetic-%' ORDER BY id`)).map(
    (row) => row.document_id
  );

async function countRecords(databaseUrl) {
  const [row] = await query(
    databaseUrl,
    `SELECT ${Object.entries(RECORDS)
      .map(([name, table]) => `(SELECT count(*) FROM ${table})::int AS "${name}"`)
      .join(', ')}`
  );
  return row;
}

/** Sends one request of `scenario` (its `[n]` made unique with `tag`), which must answer 2xx: a refused write is cheap, and would count as a fast one. */
async function writeOnce(server, scenario, headers, tag, document) {
  const fill = (text) => text.replaceAll('[n]', tag).replaceAll('[document]', document);
  const response = await fetch(`${server.origin}${fill(scenario.path)}`, { method: scenario.method, headers: { ...JSON_BODY, ...headers }, body: fill(scenario.body) });
  if (!response.ok) throw new Error(`${scenario.name}, ${server.label}: ${response.status} ${await response.text()}`);
}

/** What this app's recording wrote beside the content for one write of `scenario` (the first, sent before the load). */
async function recordsOfOneWrite(server, scenario, headers, document) {
  const before = await countRecords(server.databaseUrl);
  await writeOnce(server, scenario, headers, `first-${scenario.method.toLowerCase()}`, document);
  const after = await countRecords(server.databaseUrl);
  const perWrite = Object.fromEntries(Object.keys(RECORDS).map((name) => [name, after[name] - before[name]]));
  log(
    `${scenario.name}, ${server.label}, recorded for one write: ${Object.entries(perWrite)
      .map(([name, count]) => `${count} ${name}`)
      .join(', ')}`
  );
  return perWrite;
}

/** A scenario loaded on `server`. */
async function loadWrites(server, scenario, headers, documents) {
  const sequence = { tag: `${scenario.method.toLowerCase()}${Date.now().toString(36)}`, documents: scenario.spread ? documents : undefined };
  const result = load(server.origin, { ...scenario, headers: { ...JSON_BODY, ...headers }, sequence }, undefined, WRITE_CONNECTIONS);
  log(`${scenario.name}, ${server.label}: ${Math.round(result.rps)} requests/s, p99 ${result.p99} ms, statuses ${result.statuses.join(', ')}`);
  if (result.non2xx > 0 || result.errors > 0) log(`${scenario.name}, ${server.label}: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
  if (scenario.spread && result.total > documents.length) log(`${scenario.name}, ${server.label}: ${result.total} updates of ${documents.length} articles, some edited twice`);
  // The writes still in flight when autocannon stopped finish before the next load (or the server's stop).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return result;
}

/** The write scenarios on this app and stock Strapi; resolves with the results and their table. */
async function measureWrites(benchDatabaseUrl) {
  const name = databaseName(benchDatabaseUrl);
  const oursUrl = databaseNamed(benchDatabaseUrl, `${name}_writes`);
  const stockUrl = databaseNamed(benchDatabaseUrl, `${name}_stock_writes`);
  await recreateDatabase(benchDatabaseUrl, databaseName(oursUrl), name);
  const salt = crypto.randomBytes(24).toString('base64url');
  const started = Date.now();
  const accessKey = createToken(oursUrl, salt);
  log(`writes: a full-access API token made in ${seconds(Date.now() - started)} (loading the app)`);
  const [firstDocument, ...documents] = await syntheticDocuments(oursUrl);
  await recreateDatabase(benchDatabaseUrl, databaseName(stockUrl), databaseName(oursUrl));
  await dropIndexesStrapiDidNotMake(stockUrl);

  const ours = {
    ...(await startServer(ROOT, OURS, { DATABASE_URL: oursUrl, SEED_ON_EMPTY_DATABASE: 'false', ...OVERRIDES, API_TOKEN_SALT: salt })),
    label: 'this app',
    databaseUrl: oursUrl,
  };
  const stock = {
    ...(await startServer(writeStockApp(path.join(ROOT, '.tmp', 'bench-stock-writes')), STOCK, { DATABASE_URL: stockUrl, API_TOKEN_SALT: salt })),
    label: 'stock Strapi',
  };
  const headers = { authorization: `Bearer ${accessKey}` };
  const results = {};
  // Each round edits articles of its own, the same ones on both servers: every update is an article's first.
  const perRound = Math.floor(documents.length / ROUNDS);
  try {
    for (const scenario of WRITES) {
      const perWrite = await recordsOfOneWrite(ours, scenario, headers, firstDocument);
      await writeOnce(stock, scenario, headers, `first-${scenario.method.toLowerCase()}`, firstDocument);
      const rounds = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const slice = documents.slice(round * perRound, (round + 1) * perRound);
        rounds.push({ ours: await loadWrites(ours, scenario, headers, slice), stock: await loadWrites(stock, scenario, headers, slice) });
      }
      results[scenario.name] = { perWrite, rounds, ours: median(rounds.map((round) => round.ours)), stock: median(rounds.map((round) => round.stock)) };
    }
  } finally {
    await Promise.all([stop(ours.child), stop(stock.child)]);
  }

  const rows = [
    [
      `write (REST, full-access token, ${WRITE_CONNECTIONS} connections)`,
      'ours req/s',
      'p50 ms',
      'p99 ms',
      'stock req/s',
      'p99 ms',
      'ours/stock',
      'ours/stock by round',
      'not 2xx ours/stock',
      'ours: versions, changes, freshness records of one write',
    ],
  ];
  const ratio = (mine, theirs) => `${(mine.rps / theirs.rps).toFixed(2)}×`;
  const failed = (runs) => runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
  for (const { name: scenario } of WRITES) {
    const { ours: mine, stock: theirs, rounds, perWrite } = results[scenario];
    rows.push(
      [
        scenario,
        Math.round(mine.rps),
        mine.p50,
        mine.p99,
        Math.round(theirs.rps),
        theirs.p99,
        ratio(mine, theirs),
        rounds.map((round) => ratio(round.ours, round.stock)).join(', '),
        `${failed(rounds.map((round) => round.ours))} / ${failed(rounds.map((round) => round.stock))}`,
        Object.values(perWrite).join(', '),
      ].map(String)
    );
  }
  return {
    results,
    connections: WRITE_CONNECTIONS,
    seconds: DURATION,
    rounds: ROUNDS,
    bootMs: { ours: ours.bootMs, stock: stock.bootMs },
    table: markdownTable(rows),
  };
}

module.exports = { measureWrites, WRITE_CONNECTIONS };
