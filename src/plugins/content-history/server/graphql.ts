/**
 * The change feed and translation freshness over GraphQL, as REST serves them:
 * - `Query.contentChanges(since, types, locale, pageSize)`: a page of `GET /api/changes` (the
 *   same entries and cursors), public as it is; its arguments checked as its query parameters
 *   are (feed-api.ts: BAD_USER_INPUT naming the argument), and a cursor it cannot follow an
 *   error coded STRAPI_GONE_ERROR that says what to do, as the 410 does.
 * - `translation` on each type with translated fields: what `meta.translation` says of the
 *   language version (translations.ts), from the freshness records only, never a draft's
 *   content. Per request and type, the entries of a response read their records at once.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GraphQLResolveInfo } from 'graphql';
import { apiContentTypeUids } from '../../../content-api/content-types';
import { QUERY_COST } from '../../../content-api/graphql-cost';
import { createBatcher } from '../../../content-api/relation-batches';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, readChanges } from './change-feed';
import { changesArgumentsRequest } from './feed-api';
import { readRecords, rulesFor, versionMeta } from './translations';

/** A cursor the feed cannot follow (REST answers it 410 Gone); GraphQL's code: STRAPI_GONE_ERROR. */
export class GoneError extends errors.ApplicationError<'GoneError', string, { param: string }> {
  constructor(message: string, details: { param: string }) {
    super(message, details);
    this.name = 'GoneError';
  }
}

type Resolve = (parent: Record<string, unknown>, args: Record<string, unknown>, context: object, info: GraphQLResolveInfo) => unknown;
type FieldConfig = {
  type: unknown;
  description: string;
  args?: Record<string, unknown>;
  resolve?: Resolve;
  extensions?: { complexity: (options: { args: Record<string, unknown> }) => number };
};
type Definition = { field: (name: string, config: FieldConfig) => void };
type Nexus = {
  objectType: (config: { name: string; description: string; definition: (t: Definition) => void }) => unknown;
  extendType: (config: { type: string; definition: (t: Definition) => void }) => unknown;
  arg: (config: { type: unknown; description: string }) => unknown;
  nonNull: (type: unknown) => unknown;
  list: (type: unknown) => unknown;
};

type Version = { documentId: string; locale: string };
type TranslationState = { locale: string; sourceLocale: string | null; fields: Array<{ field: string; state: string; since: string }> };

/** What readChanges reads: its page (one row more, to tell whether there are more), and four queries. */
const feedCost = ({ args }: { args: Record<string, unknown> }) => {
  // An out-of-range page size is refused by the resolver, naming the argument; priced here as the largest.
  const rows = Math.min(Math.max(Number(args.pageSize ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE) + 1;
  return rows + 4 * QUERY_COST;
};

const string = (nexus: Nexus) => nexus.nonNull('String');

function feedTypes(strapi: Core.Strapi, nexus: Nexus): unknown[] {
  const change = nexus.objectType({
    name: 'ContentChange',
    description: 'One language version whose published state changed (GET /api/changes)',
    definition(t) {
      t.field('cursor', { type: string(nexus), description: 'The feed from just after this change' });
      t.field('contentType', { type: string(nexus), description: 'The type, e.g. api::news-article.news-article' });
      t.field('documentId', { type: string(nexus), description: 'The document to read again in this locale' });
      t.field('locale', { type: 'String', description: 'The language version (null for a type without languages)' });
      t.field('change', { type: string(nexus), description: 'published, updated, unpublished or deleted' });
      t.field('at', { type: string(nexus), description: 'When it was committed (ISO 8601)' });
    },
  });
  const page = nexus.objectType({
    name: 'ContentChangesPage',
    description: 'A page of the change feed',
    definition(t) {
      t.field('data', { type: nexus.nonNull(nexus.list(nexus.nonNull('ContentChange'))), description: 'The changes, in commit order' });
      t.field('cursor', { type: string(nexus), description: 'Send as since next time' });
      t.field('hasMore', { type: nexus.nonNull('Boolean'), description: 'Ask again at once' });
    },
  });
  const query = nexus.extendType({
    type: 'Query',
    definition(t) {
      t.field('contentChanges', {
        type: nexus.nonNull('ContentChangesPage'),
        description: 'What changed in the published content since a cursor, as GET /api/changes',
        args: {
          since: nexus.arg({ type: 'String', description: 'A cursor this feed gave, or "now" for the current one; none: from the oldest change kept' }),
          types: nexus.arg({ type: nexus.list(nexus.nonNull('String')), description: 'Only these types, by plural name (news-articles, workshops…)' }),
          locale: nexus.arg({ type: 'String', description: 'Only this language version' }),
          pageSize: nexus.arg({ type: 'Int', description: `Changes per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }),
        },
        extensions: { complexity: feedCost },
        async resolve(_parent, args) {
          const page = await readChanges(strapi, changesArgumentsRequest(strapi, args));
          if ('gone' in page) throw new GoneError(page.gone, { param: 'since' });
          return { data: page.data, ...page.meta };
        },
      });
    },
  });
  return [change, page, query];
}

function translationTypes(nexus: Nexus): unknown[] {
  return [
    nexus.objectType({
      name: 'TranslationFieldState',
      description: 'How a translated field stands against its source',
      definition(t) {
        t.field('field', { type: string(nexus), description: 'The field' });
        t.field('state', { type: string(nexus), description: 'fresh, stale (the source changed after it was written) or missing (the source has text it lacks)' });
        t.field('since', { type: string(nexus), description: 'Since when (ISO 8601)' });
      },
    }),
    nexus.objectType({
      name: 'TranslationState',
      description: 'Whether the translation of this language version is up to date (REST: meta.translation)',
      definition(t) {
        t.field('locale', { type: string(nexus), description: 'The language version' });
        t.field('sourceLocale', { type: 'String', description: 'What it is translated from (null: an original)' });
        t.field('fields', { type: nexus.nonNull(nexus.list(nexus.nonNull('TranslationFieldState'))), description: 'Its translated fields; none for an original' });
      },
    }),
  ];
}

export function registerContentHistoryGraphql(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  const { naming } = graphql.service('utils');

  /** The versions of one type: their records in one read, each version's state from them. */
  const loaderFor = (uid: string) => {
    const order = rulesFor(strapi, uid).fields;
    return createBatcher<Version, TranslationState>(
      async (versions) => {
        const records = await readRecords(strapi, uid, [...new Set(versions.map((version) => version.documentId))]);
        return versions.map(({ documentId, locale }) => {
          const meta = versionMeta(records, documentId, locale);
          const fields = Object.entries(meta.fields)
            .map(([field, { state, since }]) => ({ field, state, since }))
            .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
          return { locale: meta.locale, sourceLocale: meta.sourceLocale, fields };
        });
      },
      ({ documentId, locale }) => `${documentId}\u0000${locale}`
    );
  };

  /**
   * Per request (its GraphQL context) and type: one loader. A mutation's answers each read
   * their own, after the write they follow (a later write in it may change the states).
   */
  const loaders = new WeakMap<object, Map<string, ReturnType<typeof loaderFor>>>();
  const loaderOf = (context: object, uid: string) => {
    const mine = loaders.get(context) ?? new Map<string, ReturnType<typeof loaderFor>>();
    loaders.set(context, mine);
    if (!mine.has(uid)) mine.set(uid, loaderFor(uid));
    return mine.get(uid) as ReturnType<typeof loaderFor>;
  };

  extension.use(({ nexus }: { nexus: Nexus }) => {
    const translated = apiContentTypeUids(strapi).filter((uid) => !extension.shadowCRUD(uid).isDisabled() && rulesFor(strapi, uid).fields.length > 0);
    const translationFields = translated.map((uid) =>
      nexus.extendType({
        type: naming.getTypeName(strapi.contentType(uid)),
        definition(t) {
          t.field('translation', {
            type: 'TranslationState',
            description: 'Whether this version’s translated fields are up to date with their source',
            resolve(parent, _args, context, info) {
              if (typeof parent.documentId !== 'string' || typeof parent.locale !== 'string') return null;
              const load = info.operation.operation === 'query' ? loaderOf(context, uid) : loaderFor(uid);
              return load({ documentId: parent.documentId, locale: parent.locale });
            },
          });
        },
      })
    );
    return {
      types: [...feedTypes(strapi, nexus), ...(translated.length > 0 ? [...translationTypes(nexus), ...translationFields] : [])],
      // Public, as GET /api/changes is (its route has auth: false).
      resolversConfig: { 'Query.contentChanges': { auth: false } },
    };
  });
}
