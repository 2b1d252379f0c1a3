/**
 * Three instances started together on one empty PostgreSQL database (as a cluster or a rolling
 * deploy starts them): all get ready, and what start-up sets up is there once: the schema, the
 * five locales, the admin roles, the first super admin and the SPIS content.
 */
import { Client } from 'pg';
import { usesPostgres } from '../helpers/database';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';

jest.setTimeout(300_000);

const INSTANCES = 3;
const ADMIN = { ADMIN_EMAIL: 'koordinatorica@spis.example.org', ADMIN_PASSWORD: 'Sarajevo-Tešanj-Žepče-2008!' };
let servers: ServerProcess[] = [];
let database: string | undefined;

const adminClient = () => new Client({ connectionString: Object.assign(new URL(process.env.DATABASE_URL!), { pathname: '/postgres' }).toString() });

afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await Promise.all(servers.map((server) => server.exited()));
  if (database) {
    const client = adminClient();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}"`);
    await client.end();
  }
});

it(
  usesPostgres()
    ? `starts ${INSTANCES} instances together on an empty database, setting it up once`
    : 'needs PostgreSQL for several instances (this run uses SQLite: the start-up lock has nothing to wait for)',
  async () => {
    if (!usesPostgres()) {
      const { holdStartUpLock } = await import('../../src/database/start-up-lock');
      const release = await holdStartUpLock();
      return expect(release()).resolves.toBeUndefined();
    }
    database = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_concurrent`;
    const client = adminClient();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}"`);
    await client.query(`CREATE DATABASE "${database}"`);
    await client.end();
    const url = Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${database}` }).toString();

    const started = await Promise.allSettled(Array.from({ length: INSTANCES }, () => startProductionServer({ DATABASE_URL: url, SEED_ON_EMPTY_DATABASE: 'true', ...ADMIN })));
    servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason).slice(0, 2000) : 'ready'))).toEqual(Array(INSTANCES).fill('ready'));

    const db = new Client({ connectionString: url });
    await db.connect();
    const count = async (sql: string) => Number((await db.query(sql)).rows[0].count);
    try {
      expect(await count(`SELECT count(*) FROM admin_users`)).toBe(1);
      expect(await count(`SELECT count(*) FROM i18n_locale`)).toBe(5);
      expect(await count(`SELECT count(*) - count(DISTINCT code) AS count FROM admin_roles`)).toBe(0);
      expect(await count(`SELECT count(*) FROM programmes WHERE slug = 'spis' AND locale = 'bs' AND published_at IS NOT NULL`)).toBe(1);
      expect(await count(`SELECT count(*) FROM municipalities WHERE locale = 'bs' AND published_at IS NOT NULL`)).toBe(21);
    } finally {
      await db.end();
    }
    // Each serves the same content.
    for (const server of servers) {
      const response = await fetch(`${server.origin}/api/municipalities?locale=bs&pagination[pageSize]=1`);
      expect(((await response.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total).toBe(21);
    }
  }
);
