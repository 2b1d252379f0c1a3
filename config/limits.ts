import { env } from '../src/env';

/**
 * Request limits of the content API, each set from the environment (README, Configuration).
 * A request beyond one answers 4xx with a JSON error naming the limit.
 */
export default {
  /** JSON and form bodies, in kilobytes (413 beyond). */
  bodyKb: env.LIMIT_BODY_KB,
  /** Entries per page, REST and GraphQL (400 beyond). */
  pageSize: env.LIMIT_PAGE_SIZE,
  /** Nesting of `filters` ($and/$or/relations count as levels). */
  filterDepth: env.LIMIT_FILTER_DEPTH,
  /** Query-string parameters of one request. */
  queryParams: env.LIMIT_QUERY_PARAMS,
  /** GraphQL query depth, and entries of a nested list. */
  graphqlDepth: env.LIMIT_GRAPHQL_DEPTH,
  graphqlAmount: env.LIMIT_GRAPHQL_AMOUNT,
  /** What one GraphQL query may cost: rows plus database queries (graphql-cost.ts). */
  queryCost: env.LIMIT_QUERY_COST,
  /** Rows one REST read may bring with its populate (src/content-api/populate.ts): Strapi loads them in a few queries. */
  populateRows: env.LIMIT_POPULATE_ROWS,
  /** Requests per minute (429 with Retry-After beyond); shared through Redis when REDIS_URL is set. */
  rate: {
    publicPerMinute: env.RATE_LIMIT_PUBLIC_PER_MINUTE,
    tokenPerMinute: env.RATE_LIMIT_TOKEN_PER_MINUTE,
    authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
  },
  redisUrl: env.REDIS_URL,
};
