/**
 * What a GraphQL query costs: the rows it may read, plus QUERY_COST for every database query
 * it makes. Each field with a `pagination` argument reads up to its page size (the default when
 * not given) of its children, and is priced as one query per entry of its parent (what Strapi's
 * resolver makes, and what graphql-batching.ts still falls back to when the links fan out past
 * one capped read: an upper bound, kept as the limit's guarantee), so nested lists multiply both —
 * `municipalities { phases { municipalities { phases … } } }` costs 25^4 rows however shallow.
 * Aliases count as the fields they copy. Pure; graphql-limits.ts refuses a query over the limit
 * before any of its resolvers runs.
 */
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { getNamedType, isCompositeType, Kind, type GraphQLResolveInfo } from 'graphql';

/** One database query, priced in rows (a nested list's query costs about as much as reading 50 more rows). */
export const QUERY_COST = 50;

type Pagination = { pageSize?: unknown; limit?: unknown } | undefined;

/** Fields that name one entry: a list filtered by one of them to one value reads one row. */
const UNIQUE_FIELDS = ['documentId', 'id', 'slug'];
const namesOneEntry = (filters: unknown): boolean =>
  typeof filters === 'object' &&
  filters !== null &&
  UNIQUE_FIELDS.some((field) => {
    const condition = (filters as Record<string, unknown>)[field];
    return typeof condition === 'object' && condition !== null && typeof (condition as { eq?: unknown }).eq === 'string';
  });

export const rowEstimator =
  (defaultPageSize: number): ComplexityEstimator =>
  ({ field, args, childComplexity }) => {
    if (!isCompositeType(getNamedType(field.type))) return 0;
    if (!field.args.some((arg) => arg.name === 'pagination')) return 1 + childComplexity;
    const pagination = args.pagination as Pagination;
    const requested = Number(pagination?.pageSize ?? pagination?.limit ?? defaultPageSize);
    const rows = namesOneEntry(args.filters) ? 1 : Number.isFinite(requested) && requested > 0 ? requested : defaultPageSize;
    return rows * (1 + childComplexity) + QUERY_COST;
  };

/**
 * The cost of the operation being executed (its fragments and variables included). A field the
 * schema prices itself (a `complexity` in its extensions: the change feed's page) costs that;
 * every other what `estimator` says.
 */
export function operationCost(info: GraphQLResolveInfo, estimator: ComplexityEstimator): number {
  return getComplexity({
    estimators: [fieldExtensionsEstimator(), estimator],
    schema: info.schema,
    query: { kind: Kind.DOCUMENT, definitions: [info.operation, ...Object.values(info.fragments)] },
    variables: info.variableValues,
    operationName: info.operation.name?.value,
  });
}
