/**
 * The GraphQL endpoint's body, read here rather than by Apollo (Strapi's body middleware skips
 * `/graphql`, so Apollo's parser would apply its own 1 MB limit): the same size limit as REST
 * (413 beyond), then documents that would crash validation (fragment cycles) are refused with
 * a 400 in GraphQL's error shape. Single and batched requests, POST and GET.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { koaBody } from 'koa-body';
import { contentApiPaths } from '../content-api/content-types';
import { findDocumentProblem } from '../content-api/graphql-document';

/** Reads a GraphQL POST body once, within the REST body limit (the response cache reads it first). */
export function graphqlBodyReader(strapi: Core.Strapi): (ctx: Context) => Promise<void> {
  const limit = `${(strapi.config.get('limits') as { bodyKb: number }).bodyKb}kb`;
  const readBody = koaBody({ jsonLimit: limit, formLimit: limit, textLimit: limit });
  return async (ctx) => {
    if (ctx.method === 'POST' && ctx.request.body === undefined) await readBody(ctx, async () => {});
  };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const { graphqlPath } = contentApiPaths(strapi);
  const readBody = graphqlBodyReader(strapi);
  return async (ctx, next) => {
    if (ctx.path.toLowerCase() !== graphqlPath) return next();
    await readBody(ctx);
    const operations = ctx.method === 'GET' ? [ctx.query] : [ctx.request.body].flat();
    const problem = operations.map((operation) => findDocumentProblem((operation as { query?: unknown } | null)?.query)).find(Boolean);
    if (!problem) return next();
    ctx.status = 400;
    ctx.body = { errors: [{ message: problem, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
  };
};
