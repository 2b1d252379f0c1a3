/**
 * The server survives its database going away: a real PostgreSQL (a throwaway cluster of the
 * machine's own PostgreSQL binaries) is stopped under the running server and started again.
 * During the outage requests that need the database get 503 with Retry-After, quickly, never a
 * 500 or a hang, while responses already in the cache are still served; the process stays up;
 * once the database is back it serves again by itself.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProductionServer, type ServerProcess } from '../helpers/server-process';

jest.setTimeout(180_000);

const POOL_TIMEOUT_MS = 2_000;

const BIN = fs.existsSync('/usr/lib/postgresql') ? path.join('/usr/lib/postgresql', fs.readdirSync('/usr/lib/postgresql').sort().at(-1) as string, 'bin') : '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-outage-'));
let port: number;
let server: ServerProcess;

/** pg_ctl as the postgres user (PostgreSQL refuses to run as root). */
const pg = (tool: string, ...args: string[]) => {
  const command = path.join(BIN, tool);
  const asPostgres = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(asPostgres[0] as string, asPostgres[1] as string[], { stdio: 'pipe' });
};
const startDatabase = () =>
  pg('pg_ctl', '-D', path.join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', path.join(dir, 'log'), '-w', 'start');
const stopDatabase = () => pg('pg_ctl', '-D', path.join(dir, 'data'), '-m', 'fast', '-w', 'stop');

const timed = async (url: string) => {
  const started = performance.now();
  const response = await fetch(url);
  return {
    status: response.status,
    ms: performance.now() - started,
    retryAfter: response.headers.get('retry-after'),
    cache: response.headers.get('x-cache'),
    body: (await response.json().catch(() => null)) as { error?: unknown } | null,
  };
};

beforeAll(async () => {
  if (!BIN) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
  port = await freePort();
  if (process.getuid?.() === 0) fs.chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  pg('initdb', '-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync');
  startDatabase();
  server = await startProductionServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`, DATABASE_CONNECTION_TIMEOUT_MS: String(POOL_TIMEOUT_MS) });
});

afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  try {
    stopDatabase();
  } catch {
    // already stopped
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

it('answers 503 quickly while PostgreSQL is down, and recovers by itself when it is back', async () => {
  const api = `${server.origin}/api/municipalities`;
  expect((await timed(api)).status).toBe(200);
  // Cached before the outage: a response made while anything changed is not stored (by design),
  // so on a loaded machine the first one may not be; ask until a hit, a few times at most.
  let primed = await timed(api);
  for (let tries = 1; primed.cache !== 'HIT' && tries < 5; tries += 1) primed = await timed(api);
  expect(primed).toMatchObject({ status: 200, cache: 'HIT' });

  stopDatabase();
  // What is cached needs no database: it stays readable.
  expect(await timed(api)).toMatchObject({ status: 200, cache: 'HIT' });
  const during = [];
  // Pages not asked for before must be read from the database.
  for (let i = 0; i < 10; i += 1) during.push(await timed(`${api}?pagination[page]=${i + 2}`));
  for (const response of during) {
    expect(response.status).toBe(503);
    expect(response.retryAfter).toBe('5');
    expect(response.body?.error).toMatchObject({ status: 503, name: 'ServiceUnavailableError' });
  }
  // The first request waits for the pool (DATABASE_CONNECTION_TIMEOUT_MS); the rest are refused
  // without waiting for it (bounds in pool timeouts, not speed: the machine may be loaded).
  expect(during[0].ms).toBeLessThan(2 * POOL_TIMEOUT_MS);
  expect(Math.max(...during.slice(1).map((response) => response.ms))).toBeLessThan(POOL_TIMEOUT_MS);
  // Stale-if-error: once the outage is known, the cached page is still answered from the cache.
  expect(await timed(api)).toMatchObject({ status: 200, cache: 'HIT' });
  expect((await timed(`${server.origin}/_health`)).status).toBe(204);
  expect((await timed(`${server.origin}/_ready`)).status).toBe(503);

  startDatabase();
  let recovered = 0;
  for (let waited = 0; waited < 20_000 && recovered !== 200; waited += 250) {
    recovered = (await timed(`${api}?pagination[page]=2`)).status;
    expect([200, 503]).toContain(recovered);
    if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(recovered).toBe(200);
  expect((await timed(`${server.origin}/_ready`)).status).toBe(200);
  expect(server.child.exitCode).toBeNull();
});
