/**
 * One database transaction for each REST read of the app's content. Strapi 5's Document Service
 * opens a transaction per call, so a list and its count were two (BEGIN … COMMIT each), and on
 * PostgreSQL every statement is a round trip: a list of 25 articles took 7 statements, now 5,
 * 20–30 % more uncached lists per second (docs/performance.md). Nested calls join the request's
 * transaction, so everything the read does sees one connection (src/search included).
 */
import type { Core } from '@strapi/strapi';
import { apiContentTypeUids, contentApiPaths } from '../content-api/content-types';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const { restPrefix } = contentApiPaths(strapi);
  const plurals = new Set<string>(apiContentTypeUids(strapi).map((uid) => strapi.contentTypes[uid].info.pluralName));
  // Only the types' own routes (`/api/<plural>` and `/api/<plural>/<id>`): a request that reads
  // nothing would pay for BEGIN and COMMIT.
  const readsContent = (method: string, path: string) => {
    if ((method !== 'GET' && method !== 'HEAD') || !path.toLowerCase().startsWith(restPrefix)) return false;
    const [plural, ...rest] = path.slice(restPrefix.length).split('/');
    return rest.length <= 1 && plurals.has(plural.toLowerCase());
  };
  return (ctx, next) => (readsContent(ctx.method, ctx.path) ? strapi.db.transaction(() => next()) : next());
};
