import { env } from '../src/env';

export default () => ({
  rest: {
    prefix: '/api',
    defaultLimit: 25,
    maxLimit: env.LIMIT_PAGE_SIZE,
    withCount: true,
    // Unknown query parameters answer 400 instead of being silently ignored.
    strictParams: true,
  },
  // The Document Service refuses unknown parameters, bad status, locale and pagination too,
  // whoever calls it (REST, GraphQL, the admin, our own code).
  documents: { strictParams: true },
});
