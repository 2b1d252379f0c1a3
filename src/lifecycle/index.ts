/**
 * The process's life as an orchestrator sees it:
 * - `/_health` answers 204 while the process runs: liveness;
 * - `/_ready` answers 200 only when the database answers, no migration is pending and the
 *   server is not shutting down, else 503: readiness. On PostgreSQL the database is asked on a
 *   connection of its own: behind a pool busy with requests the check would time out, and a
 *   proxy would take a busy instance for a dead one (with one instance, an outage);
 * - on SIGTERM or SIGINT the server stops taking connections, lets the requests in flight
 *   finish (up to SHUTDOWN_TIMEOUT_MS), then closes the database and exits. Strapi's own
 *   handler cuts open connections at once; the production entry point (server.js), which owns
 *   the process, removes it before the app starts, and the app then handles the signals. Under
 *   `strapi develop` or a test, where Strapi's handler stays, the app leaves signals to it.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { Client } from 'pg';
import { postgresSsl } from '../database/connection';
import { waitForIdleDatabase } from '../database/idle';
import { env } from '../env';

const PROBE_TIMEOUT_MS = 2_000;
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

let probeClient: Promise<Client> | undefined;

/** Closes the readiness probe's connection (when Strapi stops). */
export async function closeReadinessProbe(): Promise<void> {
  const closing = probeClient;
  probeClient = undefined;
  await closing?.then((opened) => opened.end()).catch(() => undefined);
}

/** `select 1` on the probe's own PostgreSQL connection (opened again after a failure), or through Strapi's pool on SQLite. */
function databasePing(strapi: Core.Strapi): () => Promise<unknown> {
  if (!env.DATABASE_URL) return () => strapi.db.connection.raw('select 1');
  return async () => {
    probeClient ??= (async () => {
      const opened = new Client({ connectionString: env.DATABASE_URL, ssl: postgresSsl(env), connectionTimeoutMillis: PROBE_TIMEOUT_MS });
      opened.on('error', () => (probeClient = undefined));
      await opened.connect();
      return opened;
    })();
    try {
      return await (await probeClient).query('select 1');
    } catch (error) {
      await closeReadinessProbe();
      throw error;
    }
  };
}

export function registerLifecycle(strapi: Core.Strapi): void {
  let draining = false;
  const ping = databasePing(strapi);
  // Once applied, migrations stay applied while the process runs: asked until then only.
  let migrationsDone = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  strapi.server.use(async (ctx: Context, next: Next) => {
    // Liveness, answered here rather than by Strapi's route (which adds a joke header).
    if (ctx.path === '/_health') {
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 204;
      return;
    }
    inFlight += 1;
    if (draining) ctx.set('Connection', 'close');
    try {
      await next();
    } finally {
      inFlight -= 1;
      if (draining && inFlight === 0) drained?.();
    }
  });

  strapi.server.router.get('/_ready', async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    if (draining) {
      ctx.status = 503;
      ctx.body = { status: 'stopping' };
      return;
    }
    try {
      await withTimeout(ping(), PROBE_TIMEOUT_MS);
      const pending = migrationsDone ? false : await withTimeout(strapi.db.migrations.shouldRun(), PROBE_TIMEOUT_MS);
      migrationsDone = !pending;
      ctx.status = pending ? 503 : 200;
      ctx.body = { status: pending ? 'starting' : 'ready', database: 'up', migrations: pending ? 'pending' : 'done' };
    } catch (error) {
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: 'down', reason: (error as Error).message };
    }
  });

  const shutDown = async (signal: string) => {
    if (draining) return;
    draining = true;
    strapi.log.info(`${signal}: finishing ${inFlight} request(s) in flight, then stopping`);
    const server = strapi.server.httpServer;
    server.close();
    server.closeIdleConnections();
    const allDone = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
    await withTimeout(allDone, env.SHUTDOWN_TIMEOUT_MS).catch(() => strapi.log.warn(`${inFlight} request(s) cut off after ${env.SHUTDOWN_TIMEOUT_MS} ms`));
    // Strapi's after-commit events read written entries back in the background: closing the pool
    // under them crashed the process ("aborted", exit 1; seen in the rolling-restart test).
    await waitForIdleDatabase(strapi, env.SHUTDOWN_TIMEOUT_MS);
    await strapi.destroy();
    process.exit(0);
  };
  for (const signal of SIGNALS) {
    if (process.listenerCount(signal) > 0) continue;
    // `on`, not `once`: a repeated signal (Strapi notes they can arrive twice) must not fall
    // through to Node's default, which kills the process mid-drain.
    process.on(signal, () => void shutDown(signal));
  }
}
