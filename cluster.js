#!/usr/bin/env node
/**
 * `npm run cluster [-- --instances 3]`: the CMS as several instances behind HAProxy on this
 * machine (src/cluster), on PostgreSQL and Redis running here and a local S3-compatible bucket.
 * Settings (all optional): CLUSTER_INSTANCES (3), CLUSTER_PORT (8080, the one address),
 * DATABASE_URL (postgres://postgres@127.0.0.1:5432/spis_cluster, created if missing),
 * REDIS_URL (redis://127.0.0.1:6379), S3_ENDPOINT/S3_BUCKET/S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY
 * (an existing bucket instead of the local one). Ctrl-C stops it all, each instance draining.
 * Plain JavaScript because the app is not compiled yet when it starts.
 */
const { spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = __dirname;
const WORK_DIR = path.join(ROOT, '.tmp', 'cluster');
const SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const flag = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const whole = (text, name, min, max) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
};

/** The secrets every instance shares (they must agree on them), made once and kept in .tmp/cluster. */
function clusterSecrets() {
  const file = path.join(WORK_DIR, 'secrets.json');
  if (!fs.existsSync(file)) {
    const secret = () => randomBytes(24).toString('base64');
    const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, name === 'APP_KEYS' ? `${secret()},${secret()}` : secret()]));
    fs.mkdirSync(WORK_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const PLACEMENT = new Set(['NODE_ENV', 'HOST', 'PORT', 'INSTANCE_NAME', 'PUBLIC_URL']);
const withoutPlacement = (env) => Object.fromEntries(Object.entries(env).filter(([name]) => !PLACEMENT.has(name)));

async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

/** The admin panel bundle and the compiled app in dist/, as `npm start` needs them. */
async function ensureBuild() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) {
    const build = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('strapi build failed');
  } else {
    await require('@strapi/strapi').compileStrapi();
  }
}

async function main() {
  const instances = whole(flag('instances') ?? process.env.CLUSTER_INSTANCES ?? '3', 'the number of instances', 1, 32);
  const proxyPort = whole(process.env.CLUSTER_PORT ?? '8080', 'CLUSTER_PORT', 1024, 65_000);
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/spis_cluster';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const { S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = process.env;
  const s3 =
    S3_ENDPOINT && S3_BUCKET
      ? { endpoint: S3_ENDPOINT, bucket: S3_BUCKET, region: S3_REGION ?? 'us-east-1', accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY }
      : undefined;

  await ensureDatabase(databaseUrl);
  await ensureBuild();
  const { startCluster } = require(path.join(ROOT, 'dist', 'src', 'cluster'));
  console.log(`cluster: starting ${instances} instance(s) on ${databaseUrl.replace(/\/\/[^@]*@/, '//')} and ${redisUrl}`);
  const cluster = await startCluster({
    ports: { proxy: proxyPort, instances: Array.from({ length: instances }, (_, index) => proxyPort + 1 + index), localS3: 4569 },
    databaseUrl,
    redisUrl,
    workDir: WORK_DIR,
    s3,
    // Your own settings pass through (and your secrets win over the generated ones); where and
    // how each instance runs is the cluster's to say.
    env: { ...clusterSecrets(), ...withoutPlacement(process.env) },
    log: (source, line) => console.log(`[${source}] ${line}`),
  });
  console.log(`cluster: ready at ${cluster.origin} (admin panel ${cluster.origin}/admin), media in bucket ${cluster.s3.bucket} at ${cluster.s3.endpoint}`);
  for (const member of cluster.instances) console.log(`cluster:   ${member.name} at ${member.origin}`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log('cluster: stopping (each instance finishes its requests first)');
      cluster.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error) => {
  console.error(`cluster: ${error.message}`);
  process.exit(1);
});
