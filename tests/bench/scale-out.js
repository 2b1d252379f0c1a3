/**
 * Scale-out: 1, 2 and 3 instances behind HAProxy (src/cluster, as `npm run cluster` runs them)
 * on one PostgreSQL database with the SPIS content and BENCH_ARTICLES (10,000) synthetic
 * articles, and the machine's Redis (BENCH_REDIS_URL, default database 3, emptied first).
 * Through the proxy, 50 connections, the list of 25 articles with the response cache on (kept in
 * Redis: the proxy and Redis path) and off (every request reads the database); with one
 * instance also straight to it, for what the proxy costs. Each instance's memory (RSS) after
 * the runs.
 * The instances run the shipped production defaults, the rate limits lifted (OVERRIDES).
 */
const path = require('node:path');
const Redis = require('ioredis');
const { LIST, NODE_OPTIONS, OVERRIDES, ROOT, freePort, secrets, load, log, markdownTable, recreateDatabase, rssOf, run, seconds } = require('./common');

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/3';
const COUNTS = [1, 2, 3];
const SETTINGS = [
  { name: 'list of 25 articles, cache on (in Redis)', env: {} },
  { name: 'list of 25 articles, cache off (database)', env: { CACHE_ENABLED: 'false' } },
];
const LIST_READ = { method: 'GET', path: LIST };

async function measureCount(startCluster, databaseUrl, instances, setting) {
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  await redis.quit();
  const ports = { proxy: await freePort(), instances: [], localS3: await freePort() };
  for (let n = 0; n < instances; n += 1) ports.instances.push(await freePort());
  const started = Date.now();
  const cluster = await startCluster({
    ports,
    databaseUrl,
    redisUrl: REDIS_URL,
    workDir: path.join(ROOT, '.tmp', 'bench-cluster'),
    env: { ...secrets(), ...OVERRIDES, NODE_OPTIONS, SEED_ON_EMPTY_DATABASE: 'false', STRAPI_TELEMETRY_DISABLED: 'true', ...setting.env },
  });
  log(`scale-out: ${instances} instance(s) ready behind HAProxy in ${seconds(Date.now() - started)}`);
  const proxied = load(cluster.origin, LIST_READ);
  log(`scale-out: ${setting.name}, ${instances} instance(s): ${Math.round(proxied.rps)} requests/s, statuses ${proxied.statuses.join(', ')}`);
  const direct = instances === 1 ? load(cluster.instances[0].origin, LIST_READ) : undefined;
  if (direct) log(`scale-out: ${setting.name}, straight to the instance: ${Math.round(direct.rps)} requests/s`);
  const rss = cluster.instances.map((member) => rssOf(member.pid()));
  await cluster.stop();
  return { proxied, direct, rss };
}

/** The list through 1, 2 and 3 instances, cache on and off; resolves with the results and their table. */
async function measureScaleOut(benchDatabaseUrl) {
  const databaseUrl = Object.assign(new URL(benchDatabaseUrl), { pathname: `${new URL(benchDatabaseUrl).pathname}_scale` }).toString();
  await recreateDatabase(databaseUrl, new URL(databaseUrl).pathname.slice(1));
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  run(process.execPath, ['database/seed.js'], env);
  run(process.execPath, ['database/seed-synthetic.js', '--articles', String(ARTICLES), '--locales', 'bs,en'], env);
  const { startCluster } = require(path.join(ROOT, 'dist', 'src', 'cluster'));
  const results = {};
  for (const setting of SETTINGS) {
    results[setting.name] = {};
    for (const instances of COUNTS) results[setting.name][instances] = await measureCount(startCluster, databaseUrl, instances, setting);
  }

  const rows = [['through HAProxy, 50 connections', ...COUNTS.flatMap((count) => [`${count} × req/s`, `${count} × p99 ms`]), '3 × / 1 ×', '1 ×, no proxy req/s']];
  for (const { name } of SETTINGS) {
    const byCount = results[name];
    rows.push([
      name,
      ...COUNTS.flatMap((count) => [String(Math.round(byCount[count].proxied.rps)), String(byCount[count].proxied.p99)]),
      `${(byCount[COUNTS.at(-1)].proxied.rps / byCount[1].proxied.rps).toFixed(2)}×`,
      String(Math.round(byCount[1].direct.rps)),
    ]);
  }
  const memory = SETTINGS.map(
    ({ name }) => `${name}: ${COUNTS.map((count) => `${count} × (${results[name][count].rss.map((bytes) => `${Math.round(bytes / 2 ** 20)}`).join(', ')} MB)`).join('; ')}`
  ).join('\n');
  return { results, table: `${markdownTable(rows)}\n\nRSS per instance after its run:\n${memory}` };
}

module.exports = { measureScaleOut };

if (require.main === module) {
  measureScaleOut(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/spis_bench').then(
    ({ table }) =>
      process.stdout.write(
        `\nsettings: shipped production defaults, ${Object.entries(OVERRIDES)
          .map(([name, value]) => `${name}=${value}`)
          .join(', ')} (one address sends all the load)\n\n${table}\n`
      ),
    (error) => {
      process.stderr.write(`bench: scale-out failed: ${error.stack}\n`);
      process.exit(1);
    }
  );
}
