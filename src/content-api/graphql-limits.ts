/**
 * GraphQL gets the same limits as REST: a page size above the limit is an error, not a silently
 * shortened list, and filters may not nest deeper than config/limits.ts allows. And a query may
 * not cost more than `queryCost` (graphql-cost.ts), checked on every root field before
 * its resolver runs, so one query cannot hold the server for seconds.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GraphQLResolveInfo } from 'graphql';
import { apiContentTypeUids } from './content-types';
import { operationCost, QUERY_COST, rowEstimator } from './graphql-cost';
import { graphqlQueryNames, useNexusPlugin } from './graphql';
import { findFilterProblem, findPaginationProblem, type QueryLimits } from './query';

type Resolver = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
type FieldConfig = { parentTypeConfig: { name: string } };
type Nexus = {
  plugin: (config: {
    name: string;
    onCreateFieldResolver: (
      config: FieldConfig
    ) => ((root: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo, next: Resolver) => unknown) | undefined;
  }) => unknown;
};

/** Refuses an operation that costs more than `limit`; computed once per execution. */
function registerCostLimit(strapi: Core.Strapi, limit: number): void {
  const estimator = rowEstimator(Number(strapi.plugin('graphql').config('defaultLimit')));
  // Keyed by the execution's variable values: one object per request, shared by its root fields.
  const costs = new WeakMap<object, number>();
  const costOf = (info: GraphQLResolveInfo) => {
    let cost = costs.get(info.variableValues);
    if (cost === undefined) costs.set(info.variableValues, (cost = operationCost(info, estimator)));
    return cost;
  };
  useNexusPlugin(strapi, (nexus: Nexus) =>
    nexus.plugin({
      name: 'SpisQueryCost',
      onCreateFieldResolver(config) {
        if (config.parentTypeConfig.name !== 'Query') return undefined;
        return (root, args, context, info, next) => {
          const cost = costOf(info);
          if (cost > limit) {
            throw new errors.ValidationError(
              `This query costs ${cost} (rows it may read, plus ${QUERY_COST} for each database query); the limit is ${limit}. Ask for smaller pages or fewer nested lists.`,
              { cost, limit }
            );
          }
          return next(root, args, context, info);
        };
      },
    })
  );
}

export function registerGraphqlLimits(strapi: Core.Strapi): void {
  const limits = strapi.config.get('limits') as QueryLimits & { queryCost: number };
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
  registerCostLimit(strapi, limits.queryCost);
}
