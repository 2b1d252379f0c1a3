/**
 * One database transaction for each REST read of the app's content. Strapi 5's Document Service
 * opens a transaction per call, so a list and its count were two (BEGIN … COMMIT each), and on
 * PostgreSQL every statement is a round trip: a list of 25 articles took 7 statements, now 5,
 * 20–30 % more uncached lists per second (docs/performance.md). Nested calls join the request's
 * transaction, so everything the read does sees one connection (src/search included).
 */
import type { Core } from '@strapi/strapi';
import { apiTypeOfPath } from '../content-api/content-types';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  // Only the types' own routes: a request that reads nothing would pay for BEGIN and COMMIT.
  const apiTypeOf = apiTypeOfPath(strapi);
  const readsContent = (method: string, path: string) => (method === 'GET' || method === 'HEAD') && apiTypeOf(path) !== undefined;
  return (ctx, next) => (readsContent(ctx.method, ctx.path) ? strapi.db.transaction(() => next()) : next());
};
