/**
 * Answers 400 with Strapi's JSON error shape when a REST query's pagination, locale or status
 * is malformed, instead of Strapi's silent clamping. Unknown parameters and malformed
 * filters/sort/fields/populate are rejected by Strapi itself (`api.rest.strictParams`).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findQueryProblem } from '../content-api/query';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api')}/`;
  return async (ctx, next) => {
    if (ctx.path.startsWith(prefix)) {
      const problem = findQueryProblem(ctx.query as Record<string, unknown>);
      if (problem) throw new errors.ValidationError(problem.message, { source: 'query', param: problem.param });
    }
    await next();
  };
};
