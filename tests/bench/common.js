/**
 * What the benchmark's parts share: starting the CMS as deployed on a free port of 127.0.0.1,
 * (re)creating its database, loading a URL with autocannon from another process, tables.
 */
const { execFile, execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.join(__dirname, '..', '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = 50;
/** A page of the news list: what start-up waits for, and the list scenarios read. */
const LIST = '/api/news-articles?locale=bs&pagination[pageSize]=25';

/**
 * The overrides of the shipped production settings: all the load comes from one address, and
 * the writes' from one API token, which the per-address limit (600 a minute) and the per-token
 * limit (3,000 a minute) would refuse after a moment.
 */
const OVERRIDES = { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000', RATE_LIMIT_TOKEN_PER_MINUTE: '1000000' };

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function run(command, args, env) {
  const started = Date.now();
  execFileSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return Date.now() - started;
}

/** A connection to the `postgres` database of the server `databaseUrl` is on, which must be this machine. */
function adminClient(databaseUrl) {
  const url = new URL(databaseUrl);
  if (!['127.0.0.1', 'localhost'].includes(url.hostname)) throw new Error('the benchmark database must be on this machine');
  return new Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
}

/** The URL of database `name` on the server `databaseUrl` is on. */
const databaseNamed = (databaseUrl, name) => Object.assign(new URL(databaseUrl), { pathname: `/${name}` }).toString();
const databaseName = (databaseUrl) => new URL(databaseUrl).pathname.slice(1);

/** Drops database `name` of the server `databaseUrl` is on and creates it empty, or as a copy of `template`. */
async function recreateDatabase(databaseUrl, name, template = 'template0') {
  const admin = adminClient(databaseUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE "${template}"`);
  await admin.end();
}

/** A copy of the benchmark database is stock Strapi's: without the indexes this app adds at start-up (src/database/indexes.ts). */
async function dropIndexesStrapiDidNotMake(connectionString) {
  const client = new Client({ connectionString });
  await client.connect();
  const { rows } = await client.query(`SELECT schema FROM strapi_database_schema ORDER BY id DESC LIMIT 1`);
  const schema = typeof rows[0].schema === 'string' ? JSON.parse(rows[0].schema) : rows[0].schema;
  const strapiIndexes = new Set(schema.tables.flatMap((table) => (table.indexes ?? []).map((index) => index.name)));
  const { rows: indexes } = await client.query(
    `SELECT indexname FROM pg_indexes i WHERE schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`
  );
  const extra = indexes.map((row) => row.indexname).filter((name) => !strapiIndexes.has(name));
  for (const name of extra) await client.query(`DROP INDEX "${name}"`);
  await client.end();
  log(`stock Strapi's copy of the database (${databaseName(connectionString)}): ${extra.length} indexes of this app dropped`);
}

const secrets = () => ({
  APP_KEYS: [1, 2].map(() => crypto.randomBytes(16).toString('base64url')).join(','),
  ...Object.fromEntries(
    ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'].map((name) => [name, crypto.randomBytes(24).toString('base64url')])
  ),
});

const freePort = () =>
  new Promise((resolve) => {
    const probe = require('node:net')
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      });
  });

/** The runtime image's NODE_OPTIONS (its heap cap), so the benchmark runs the server as deployed. */
const NODE_OPTIONS = /NODE_OPTIONS=(\S+)/.exec(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))?.[1] ?? '';

/** This app's production entry (`npm start`); stock Strapi runs `strapi start`, as its template does. */
const OURS = [process.execPath, [path.join(ROOT, 'server.js')]];
const STOCK = [path.join(ROOT, 'node_modules', '.bin', 'strapi'), ['start']];

/** The environment the servers run in: production, new secrets (`env` may fix some), no .env file. */
const serverEnvironment = (env) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ENV_PATH: '/nonexistent/.env',
  NODE_ENV: 'production',
  ...secrets(),
  STRAPI_TELEMETRY_DISABLED: 'true',
  NODE_OPTIONS,
  ...env,
});

/** The server in `cwd` on a free port; resolves with its origin, process and the ms to the first 200. */
async function startServer(cwd, [command, args], env) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: serverEnvironment({ HOST: '127.0.0.1', PORT: String(port), ...env }),
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited during start-up');
    const status = await fetch(`${origin}${LIST}`).then(
      (response) => response.status,
      () => 0
    );
    if (status === 200) return { origin, child, bootMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const loadOptions = (origin, scenario, etag, connections = CONNECTIONS, duration = DURATION) => ({
  url: `${origin}${scenario.path}`,
  method: scenario.method,
  body: scenario.body,
  headers: { ...scenario.headers, ...(etag ? { 'if-none-match': etag } : {}) },
  connections,
  duration,
  idReplacement: scenario.idReplacement,
  sequence: scenario.sequence,
});
const loadResult = (output) => JSON.parse(output.trim().split('\n').at(-1));

/** autocannon in its own process against one scenario (its options on stdin: a write's list of documents is long). */
function load(origin, scenario, etag, connections = CONNECTIONS) {
  return loadResult(
    execFileSync(process.execPath, [path.join(__dirname, 'load.js')], { input: JSON.stringify(loadOptions(origin, scenario, etag, connections)), encoding: 'utf8' })
  );
}

/** The same, not waiting: for two loads at once. */
const loadAlongside = (origin, scenario, connections) =>
  new Promise((resolve, reject) =>
    execFile(process.execPath, [path.join(__dirname, 'load.js'), JSON.stringify(loadOptions(origin, scenario, undefined, connections))], { encoding: 'utf8' }, (error, output) =>
      error ? reject(error) : resolve(loadResult(output))
    )
  );

/** Rows of cells (the first the header) as a Markdown table, as docs/performance.md records them. */
function markdownTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = [rows[0], widths.map((width) => '-'.repeat(width)), ...rows.slice(1)];
  return lines.map((row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`).join('\n');
}

module.exports = {
  CONNECTIONS,
  NODE_OPTIONS,
  databaseName,
  databaseNamed,
  dropIndexesStrapiDidNotMake,
  freePort,
  secrets,
  DURATION,
  LIST,
  OURS,
  OVERRIDES,
  ROOT,
  STOCK,
  load,
  loadAlongside,
  loadOptions,
  loadResult,
  log,
  markdownTable,
  recreateDatabase,
  rssOf,
  run,
  seconds,
  serverEnvironment,
  startServer,
  stop,
};
