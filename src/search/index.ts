/**
 * Search with `?q=` on programmes, municipalities, workshops, news articles, pages and
 * resources: case-, diacritic- and script-blind, by word prefix, every word required.
 *
 * Each version of a searchable document keeps its texts folded into a private `searchIndex`
 * attribute, rewritten on every write by a Document Service middleware. On PostgreSQL a GIN
 * index over `to_tsvector('simple', search_index)` answers the query and `ts_rank` orders the
 * results; on SQLite a LIKE on the same column finds the same documents. Folding happens in
 * TypeScript (src/search/normalize.ts) because neither database turns Cyrillic into Latin.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { attributesOf, tableOf } from '../content-api/content-types';
import { rederiveAfterWrites, writeDerivedColumns } from '../database/derived-columns';
import { addGraphqlQueryArgument, graphqlQueryNames } from '../content-api/graphql';
import { buildSearchIndex, searchTerms } from './normalize';

export const SEARCHABLE = [
  'api::programme.programme',
  'api::municipality.municipality',
  'api::workshop.workshop',
  'api::news-article.news-article',
  'api::page.page',
  'api::resource.resource',
] as const satisfies readonly UID.ContentType[];

const SEARCH_PARAM = 'q';
const INDEX_FIELD = 'searchIndex';
export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks', 'uid']);

type Row = Record<string, unknown>;

const isSearchable = (uid: string): uid is (typeof SEARCHABLE)[number] => (SEARCHABLE as readonly string[]).includes(uid);

const textFields = (strapi: Core.Strapi, uid: string) => {
  const attributes = attributesOf(strapi, uid);
  return Object.keys(attributes).filter((name) => name !== INDEX_FIELD && name !== 'locale' && TEXT_TYPES.has(attributes[name].type));
};

type Connection = Core.Strapi['db']['connection'];

/** The ids and rank of the document versions matching `terms`, per locale. */
async function findMatches(strapi: Core.Strapi, uid: string, terms: string[], status: string | undefined): Promise<Array<{ document_id: string; locale: string; rank: number }>> {
  // Inside the request's transaction (src/middlewares/read-transaction.ts), on its connection:
  // another would wait for a pool that the transactions of as many requests may hold.
  const run = (knex: Connection) => matchingVersions(strapi, knex, uid, terms, status).select('document_id', 'locale', matchRank(strapi, knex, terms));
  return strapi.db.inTransaction() ? strapi.db.transaction(({ trx }) => run(trx)) : run(strapi.db.connection);
}

/** Terms as a prefix tsquery; they are folded to [a-z0-9] only, so they are safe inside one. */
const tsquery = (terms: string[]) => terms.map((term) => `${term}:*`).join(' & ');
const TSVECTOR = "to_tsvector('simple', coalesce(search_index, ''))";

/** The versions (of that status) matching every term: a query to select from, or to embed as a subquery. */
function matchingVersions(strapi: Core.Strapi, knex: Connection, uid: string, terms: string[], status: string | undefined) {
  const query = knex(tableOf(strapi, uid)).whereRaw(status === 'draft' ? 'published_at IS NULL' : 'published_at IS NOT NULL');
  if (strapi.db.dialect.client === 'postgres') return query.whereRaw(`${TSVECTOR} @@ to_tsquery('simple', ?)`, [tsquery(terms)]);
  for (const term of terms) query.where('search_index', 'like', `% ${term}%`);
  return query;
}

/** How well a version matches: PostgreSQL's ts_rank; SQLite has none, so all rank alike. */
const matchRank = (strapi: Core.Strapi, knex: Connection, terms: string[]) =>
  strapi.db.dialect.client === 'postgres' ? knex.raw(`ts_rank(${TSVECTOR}, to_tsquery('simple', ?)) AS rank`, [tsquery(terms)]) : knex.raw('1 AS rank');

/**
 * The documents of a searchable type whose versions (of that status) match `text` the way `?q=`
 * does; undefined when `text` has no word to look for. The Content Manager's relation pickers use
 * it (src/middlewares/relation-pickers.ts).
 */
export async function matchingDocumentIds(strapi: Core.Strapi, uid: string, text: string, status: 'draft' | 'published'): Promise<string[] | undefined> {
  const terms = searchTerms(text.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_WORDS);
  if (!isSearchable(uid) || terms.length === 0) return undefined;
  return [...new Set((await findMatches(strapi, uid, terms, status)).map((match) => match.document_id))];
}

/** The search index of one row of a searchable type (for bulk loads that bypass the Document Service). */
export const searchIndexOf = (strapi: Core.Strapi, uid: string, row: Row): string => buildSearchIndex(textFields(strapi, uid).map((field) => row[field]));

/** Recomputes the index of the matching rows; writes only the ones that changed. */
async function reindex(strapi: Core.Strapi, uid: (typeof SEARCHABLE)[number], where: Record<string, unknown> = {}) {
  const fields = textFields(strapi, uid);
  const rows: Row[] = await strapi.db.query(uid).findMany({ where, select: ['id', INDEX_FIELD, ...fields] });
  for (const row of rows) {
    const index = searchIndexOf(strapi, uid, row);
    if (row[INDEX_FIELD] !== index) await writeDerivedColumns(strapi, uid, row.id as number, { [INDEX_FIELD]: index });
  }
}

/** After a write, the document's versions get their search index. */
const maintainIndex = (strapi: Core.Strapi) => rederiveAfterWrites(isSearchable, (uid, documentId) => reindex(strapi, uid as (typeof SEARCHABLE)[number], { documentId }));

/**
 * Narrows content-API reads to the versions matching `?q=` (REST) or the `search` argument
 * (GraphQL, which passes it on as a Document Service param), best matches first.
 */
function applyQuery(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.action !== 'findMany' && context.action !== 'count') return next();
    type Result = Awaited<ReturnType<typeof next>>;
    // REST's `?q=` as Strapi passes it on, or GraphQL's `search` argument.
    const params = context.params as { filters?: unknown; status?: string; sort?: unknown; start?: number; limit?: number; search?: unknown; [SEARCH_PARAM]?: unknown };
    const raw = params[SEARCH_PARAM] ?? params.search;
    delete params.search;
    delete params[SEARCH_PARAM];
    if (typeof raw !== 'string' || !isSearchable(context.uid)) return next();
    if (raw.length > MAX_QUERY_LENGTH) throw new errors.ValidationError(`search must be at most ${MAX_QUERY_LENGTH} characters`, { param: 'search' });

    const terms = searchTerms(raw);
    if (terms.length > MAX_WORDS) throw new errors.ValidationError(`search takes at most ${MAX_WORDS} words`, { param: 'search' });
    // The matching versions as a subquery of the read (and its count): no list of ids comes back.
    const matching =
      terms.length > 0 ? { id: { $in: matchingVersions(strapi, strapi.db.connection, context.uid, terms, params.status).select('id') } } : { documentId: { $null: true } };
    params.filters = params.filters ? { $and: [params.filters, matching] } : matching;
    if (context.action === 'count' || params.sort || terms.length === 0) return next();

    // Without an explicit sort, the best-ranked come first: rank the whole (small) result, then page it.
    const { start = 0, limit } = params;
    delete params.start;
    delete params.limit;
    const matches = await findMatches(strapi, context.uid, terms, params.status);
    // A document ranks as its best-matching version.
    const rank = new Map<string, number>();
    for (const match of matches) rank.set(match.document_id, Math.max(rank.get(match.document_id) ?? 0, Number(match.rank)));
    const entries = (await next()) as Array<Row & { documentId: string }>;
    const ranked = [...entries].sort((a, b) => (rank.get(b.documentId) ?? 0) - (rank.get(a.documentId) ?? 0));
    return ranked.slice(start, limit === undefined ? undefined : start + limit) as Result;
  };
}

/** Keeps each searchable version's index current (src/document-pipeline.ts places it). */
export const searchIndexMaintenance = maintainIndex;

/**
 * The search read's Document Service middleware (src/document-pipeline.ts places it), with the
 * `q` query parameter and GraphQL `search` argument it answers to.
 */
export function searchQuery(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  strapi.contentAPI.addQueryParams({
    [SEARCH_PARAM]: {
      schema: (z) => z.string().max(MAX_QUERY_LENGTH).optional(),
      matchRoute: (route) => route.method === 'GET' && SEARCHABLE.some((uid) => route.handler === `${uid}.find`),
    },
  });
  addGraphqlQueryArgument(strapi, {
    name: 'search',
    type: 'String',
    description: 'Words to find, whatever their case, diacritics or script (Čelinac = celinac = Челинац)',
    queries: graphqlQueryNames(strapi, SEARCHABLE, ['find', 'connection']),
  });
  return applyQuery(strapi);
}

/** Bump when searchKey() changes: the next start then rebuilds every index. */
const INDEX_RULES_VERSION = 1;
const INDEX_RULES_KEY = { type: 'app', name: 'search', key: 'indexRules' } as const;

/**
 * Fills the indexes rows lack (rows written around the Document Service); rebuilds them all
 * only when the rules changed since the last start (a new normalization, another set of text
 * fields), so a start does not reread every text of a large site.
 */
export async function ensureSearchIndexes(strapi: Core.Strapi): Promise<void> {
  const rules = JSON.stringify({ version: INDEX_RULES_VERSION, fields: Object.fromEntries(SEARCHABLE.map((uid) => [uid, textFields(strapi, uid)])) });
  const rebuild = (await strapi.store.get(INDEX_RULES_KEY)) !== rules;
  for (const uid of SEARCHABLE) {
    await reindex(strapi, uid, rebuild ? {} : { [INDEX_FIELD]: { $null: true } });
    if (strapi.db.dialect.client === 'postgres') {
      const { tableName } = strapi.db.metadata.get(uid);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (to_tsvector('simple', coalesce(search_index, '')))`, [
        `${tableName}_search_idx`,
        tableOf(strapi, uid),
      ]);
    }
  }
  if (rebuild) await strapi.store.set({ ...INDEX_RULES_KEY, value: rules });
}
