/**
 * GraphQL relation fields load for all parents of a list at once (src/content-api/graphql-batching.ts):
 * a list makes as many SQL queries for one parent as for fifty, one and two relation levels deep;
 * and for random queries over the types, their relations, the relations' arguments, locales
 * and fallback, the answer is the one Strapi's own per-parent resolvers give (the GraphQL
 * plugin's `batchRelations: false`). The cache is off, so every request reaches the database.
 */
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import { loadSyntheticNews } from '../../src/seed/synthetic';
import { graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let queries = 0;
const countQuery = () => void (queries += 1);

beforeAll(async () => {
  process.env.CACHE_ENABLED = 'false';
  strapi = await setupStrapi();
  // Fifty news and more in two locales, each linked to places (which have phases).
  await loadSyntheticNews(strapi, { articles: 60, locales: ['bs', 'en'], replace: true });
  strapi.db.connection.on('query', countQuery);
});

afterAll(async () => {
  strapi.db.connection.off('query', countQuery);
  await strapi.db.query('api::news-article.news-article').deleteMany({ where: { slug: { $startsWith: 'synthetic-' } } });
  delete process.env.CACHE_ENABLED;
  await teardownStrapi();
});

/** The answer to a query and the SQL queries it took. */
async function measure(query: string) {
  queries = 0;
  const response = await graphql(query);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return { queries, body: response.body };
}

/** How many entries an answer holds below its root entries. */
const linkedEntries = (value: unknown, depth = 0): number => {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + linkedEntries(item, depth), 0);
  if (!value || typeof value !== 'object') return 0;
  // An entry has its (text) unique field; a connection only `nodes`.
  const own = depth >= 1 && Object.values(value).some((field) => typeof field === 'string') ? 1 : 0;
  return own + Object.values(value).reduce((sum: number, item) => sum + linkedEntries(item, depth + 1), 0);
};

describe('one query per relation and level, whatever the number of parents', () => {
  const list = (size: number, selection: string) =>
    `{ newsArticles(locale: "bs", sort: "slug:asc", filters: { slug: { startsWith: "synthetic-" } }, pagination: { pageSize: ${size} }) { slug ${selection} } }`;

  it.each([
    ['one level', 'municipalities { name } programme { name }'],
    // Small nested pages: the cost limit prices each nested list as a query per parent.
    ['two levels', 'municipalities_connection(pagination: { limit: 2 }) { nodes { name phases(pagination: { limit: 2 }) { name } } }'],
  ])('%s', async (_, selection) => {
    // Once unmeasured: the process's first such request also loads what Strapi then keeps.
    await measure(list(1, selection));
    const one = await measure(list(1, selection));
    const fifty = await measure(list(50, selection));
    expect(one.body.data.newsArticles).toHaveLength(1);
    expect(fifty.body.data.newsArticles).toHaveLength(50);
    // The links are there: every synthetic article names places.
    expect(fifty.body.data.newsArticles.every((article: Record<string, unknown>) => linkedEntries(article) > 0)).toBe(true);
    expect(fifty.queries).toBe(one.queries);
  });

  it('and with Strapi’s own resolvers, one more query per parent (what the batching saves)', async () => {
    const selection = 'municipalities { name }';
    strapi.config.set('plugin::graphql.batchRelations', false);
    try {
      const one = await measure(list(1, selection));
      const fifty = await measure(list(50, selection));
      expect(fifty.queries - one.queries).toBeGreaterThanOrEqual(49);
    } finally {
      strapi.config.set('plugin::graphql.batchRelations', true);
    }
  });
});

/** The app's types as GraphQL names them: their list query, a unique text field, their relations. */
const TYPES = {
  NewsArticle: { list: 'newsArticles', field: 'slug', links: { municipalities: 'Municipality', workshops: 'Workshop', programme: 'Programme' } },
  Municipality: { list: 'municipalities', field: 'slug', links: { phases: 'Phase', workshops: 'Workshop', newsArticles: 'NewsArticle' } },
  Phase: { list: 'phases', field: 'documentId', links: { programme: 'Programme', municipalities: 'Municipality', workshops: 'Workshop' } },
  Programme: { list: 'programmes', field: 'slug', links: { phases: 'Phase', contacts: 'Contact', newsArticles: 'NewsArticle' } },
  Workshop: { list: 'workshops', field: 'slug', links: { phase: 'Phase', municipalities: 'Municipality', newsArticles: 'NewsArticle' } },
  Contact: { list: 'contacts', field: 'email', links: { programme: 'Programme' } },
} as const;
type TypeName = keyof typeof TYPES;
const TO_ONE = new Set(['programme', 'phase']);
const LOCALES = ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'];

/** The arguments of a to-many relation field: none, a page, a sort, a filter, or several. */
const relationArgs = (type: TypeName): fc.Arbitrary<string> => {
  const { field } = TYPES[type];
  return fc
    .record(
      {
        pagination: fc.oneof(
          fc.record({ limit: fc.integer({ min: 1, max: 3 }), start: fc.integer({ min: 0, max: 2 }) }),
          fc.record({ page: fc.integer({ min: 1, max: 2 }), pageSize: fc.integer({ min: 1, max: 3 }) })
        ),
        sort: fc.constantFrom(`"${field}:asc"`, `"${field}:desc"`, '["publishedAt:desc", "documentId:asc"]'),
        filters: fc.constantFrom(`{ ${field}: { contains: "a" } }`, `{ not: { ${field}: { startsWith: "s" } } }`, '{ documentId: { notNull: true } }'),
      },
      { requiredKeys: [] }
    )
    .map((args) => {
      const parts = Object.entries(args).map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value).replace(/"(\w+)":/g, '$1: ')}`);
      return parts.length > 0 ? `(${parts.join(', ')})` : '';
    });
};

/** A selection on `type`: its unique field, and up to two relations, `depth` levels deep. */
const selection = (type: TypeName, depth: number): fc.Arbitrary<string> => {
  const { field, links } = TYPES[type];
  if (depth === 0) return fc.constant(field);
  const link = fc.constantFrom(...(Object.entries(links) as Array<[string, TypeName]>)).chain(([name, target]) => {
    const inner = selection(target, depth - 1);
    if (TO_ONE.has(name)) return inner.map((nested) => `${name} { ${nested} }`);
    // A to-many relation is asked for as a list or as a connection; nested pages stay small (the cost limit).
    return fc
      .tuple(depth > 1 ? relationArgs(target).filter((args) => args.includes('pagination')) : relationArgs(target), inner, fc.boolean())
      .map(([args, nested, connection]) => (connection ? `${name}_connection${args} { nodes { ${nested} } }` : `${name}${args} { ${nested} }`));
  });
  return fc.array(link, { minLength: 1, maxLength: 2 }).map((fields) => `${field} ${fields.join(' ')}`);
};

const queryArbitrary = fc
  .record({
    type: fc.constantFrom(...(Object.keys(TYPES) as TypeName[])),
    locale: fc.constantFrom(...LOCALES),
    fallback: fc.boolean(),
    pageSize: fc.integer({ min: 1, max: 5 }),
    depth: fc.integer({ min: 1, max: 2 }),
  })
  .chain(({ type, locale, fallback, pageSize, depth }) =>
    selection(type, depth).map(
      (fields) => `{ ${TYPES[type].list}(locale: "${locale}", fallback: ${fallback}, sort: "documentId:asc", pagination: { pageSize: ${pageSize} }) { ${fields} } }`
    )
  );

const RUNS = 60;

it('answers random queries as Strapi’s own per-parent resolvers do', async () => {
  const answer = async (query: string, batchRelations: boolean) => {
    strapi.config.set('plugin::graphql.batchRelations', batchRelations);
    const response = await graphql(query);
    return { status: response.status, body: response.body };
  };
  let answeredWithLinks = 0;
  try {
    await fc.assert(
      fc.asyncProperty(queryArbitrary, async (query) => {
        const batched = await answer(query, true);
        const perParent = await answer(query, false);
        expect(batched).toEqual(perParent);
        if (!batched.body.errors && linkedEntries(Object.values(batched.body.data ?? {})) > 0) answeredWithLinks += 1;
      }),
      { numRuns: RUNS }
    );
  } finally {
    strapi.config.set('plugin::graphql.batchRelations', true);
  }
  // Many generated queries found linked entries (the comparison was not between empty answers).
  expect(answeredWithLinks).toBeGreaterThan(RUNS / 4);
});
