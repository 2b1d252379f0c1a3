/**
 * While the database is unreachable (restart, failover, network), requests fail fast with
 * 503 and Retry-After instead of hanging on the connection pool or answering 500 (or 401: the
 * public role's lookup fails inside authentication, which hides the cause). The outage is
 * noticed from the pool and the query errors themselves; from then on requests are refused at
 * once until a probe (every second) gets an answer again. Recovery needs nothing from an
 * operator: the pool replaces the connections the restart broke.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

const PROBE_INTERVAL_MS = 1_000;
const RETRY_AFTER_S = 5;
/** Node socket errors, PostgreSQL's connection and shutdown classes (08, 57P), pool timeouts. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNREACHABLE_MESSAGES = /Connection terminated|not queryable|Timeout acquiring a connection|connect ECONNREFUSED/i;

/** Whether an error means "no database" rather than a problem with this request. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (
    let current = error as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown } | undefined, depth = 0;
    current && depth < 5;
    current = current.cause as typeof current, depth += 1
  ) {
    if (typeof current.code === 'string' && UNREACHABLE_CODES.has(current.code)) return true;
    if (current.name === 'KnexTimeoutError') return true;
    if (typeof current.message === 'string' && UNREACHABLE_MESSAGES.test(current.message)) return true;
  }
  return false;
}

/** PostgreSQL's query_canceled: here, a statement stopped by DATABASE_STATEMENT_TIMEOUT_MS. */
export const isStatementTimeout = (error: unknown): boolean => (error as { code?: unknown } | undefined)?.code === '57014';

type Pool = { on: (event: 'createFail', listener: (id: unknown, error: unknown) => void) => void };

export function createDatabaseAvailabilityMiddleware(strapi: Core.Strapi): Core.MiddlewareHandler {
  let down = false;
  let downSince = 0;
  let probing: NodeJS.Timeout | undefined;

  const probe = () => {
    probing = setTimeout(async () => {
      try {
        await strapi.db.connection.raw('select 1');
        down = false;
        probing = undefined;
        strapi.log.info('database reachable again');
      } catch {
        probe();
      }
    }, PROBE_INTERVAL_MS);
    probing.unref();
  };

  const noticeOutage = (error: unknown) => {
    if (down || !isDatabaseUnreachable(error)) return;
    down = true;
    downSince = Date.now();
    strapi.log.error(`database unreachable (${(error as Error).message}); answering 503 until it is back`);
    if (!probing) probe();
  };
  strapi.db.connection.on('query-error', noticeOutage);
  (strapi.db.connection.client as { pool?: Pool }).pool?.on('createFail', (_id, error) => noticeOutage(error));

  /** In Strapi's error format. */
  const refuse = (ctx: Context) => {
    ctx.set('Retry-After', String(RETRY_AFTER_S));
    ctx.status = 503;
    ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; try again shortly' } };
  };

  return async (ctx: Context, next) => {
    // Liveness never depends on the database; readiness answers for itself.
    if (ctx.path === '/_health' || ctx.path === '/_ready') return next();
    if (down) return refuse(ctx);
    const started = Date.now();
    try {
      await next();
    } catch (error) {
      noticeOutage(error);
      // A statement stopped at the database's time limit: the request asked too much, the database is fine.
      if (isStatementTimeout(error)) {
        ctx.status = 503;
        ctx.body = {
          data: null,
          error: { status: 503, name: 'QueryTimeoutError', message: 'The request took too long and was stopped; ask for less (smaller pages, fewer links)' },
        };
        return;
      }
      if (!down) throw error;
    }
    // Whatever this request made of it, the outage began while it ran.
    if (down && downSince >= started) refuse(ctx);
  };
}
