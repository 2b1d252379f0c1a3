/**
 * GraphQL gets the same limits as REST: a page size above the limit is an error, not a silently
 * shortened list, and filters may not nest deeper than config/limits.ts allows.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { apiContentTypeUids } from './content-types';
import { graphqlQueryNames } from './graphql';
import { findFilterProblem, findPaginationProblem, type QueryLimits } from './query';

type Resolver = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

export function registerGraphqlLimits(strapi: Core.Strapi): void {
  const limits = strapi.config.get('limits') as QueryLimits;
  const checkArguments = async (next: Resolver, parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => {
    const pagination = findPaginationProblem(args.pagination, limits.pageSize);
    if (pagination) throw new errors.ValidationError(pagination, { param: 'pagination' });
    const filters = findFilterProblem(args.filters, limits.filterDepth);
    if (filters) throw new errors.ValidationError(filters, { param: 'filters' });
    return next(parent, args, context, info);
  };
  const queries = [...graphqlQueryNames(strapi, apiContentTypeUids(strapi), ['find', 'connection'])];
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      resolversConfig: Object.fromEntries(queries.map((query: string) => [`Query.${query}`, { middlewares: [checkArguments] }])),
    }));
}
