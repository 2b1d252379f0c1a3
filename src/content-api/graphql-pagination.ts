/**
 * GraphQL gets the same pagination rules as REST: a page size above 100 is an error, not a
 * silently shortened list.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { apiContentTypeUids } from './content-types';
import { graphqlQueryNames } from './graphql';
import { findPaginationProblem } from './query';

type Resolver = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

const checkPagination = async (next: Resolver, parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => {
  const problem = findPaginationProblem(args.pagination);
  if (problem) throw new errors.ValidationError(problem, { param: 'pagination' });
  return next(parent, args, context, info);
};

export function registerGraphqlPagination(strapi: Core.Strapi): void {
  const queries = [...graphqlQueryNames(strapi, apiContentTypeUids(strapi), ['find', 'connection'])];
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      resolversConfig: Object.fromEntries(queries.map((query: string) => [`Query.${query}`, { middlewares: [checkPagination] }])),
    }));
}
