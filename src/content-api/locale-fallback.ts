/**
 * Locale fallback for content-API reads (REST and GraphQL both read through the Document
 * Service, so this is the one place). With fallback on (`?fallback=true`, or the config
 * default), a read in locale L:
 * - lists every document that has a version somewhere on L's chain, each in its first such
 *   version, in one database query, so sorting, filtering, paging and counts stay right;
 * - fills each empty localized field from the next version along the chain;
 * - writes Latin-script text into Cyrillic for `sr-Cyrl` readers;
 * - says where each field came from in `localeSources`.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { apiContentTypeUids, attributesOf, contentApiRequest, isAppContentRead, isContentLink, localizedTextFields, versionStatus, type Attribute } from './content-types';
import { addGraphqlQueryArgument, graphqlQueryNames } from './graphql';
import { isLocaleCode, type LocaleCode } from '../locales';
import { chainFor, mergeVersions, type FallbackConfig } from '../locales/fallback';
import { fieldToCyrillic } from '../transliteration/fields';
import { fallbackConfigOf, servedAttribute } from './served-versions';

type Entry = Record<string, unknown> & { documentId: string };
type ReadParams = { locale?: unknown; status?: string; filters?: unknown; documentId?: string; fallback?: unknown };

const FALLBACK_PARAM = 'fallback';

/** What a fallback read asked for. */
type FallbackRead = { requested: LocaleCode; chain: LocaleCode[]; status?: string };

/**
 * Kept, hidden, on each entry a fallback read serves, so GraphQL's relation resolvers (which
 * run later, one per nested field) serve its links the same way.
 */
const FALLBACK_READ = Symbol('fallbackRead');
const markRead = (entry: Entry, read: FallbackRead): Entry => Object.defineProperty(entry, FALLBACK_READ, { value: read, enumerable: false });
const readOf = (entry: unknown): FallbackRead | undefined => (entry && typeof entry === 'object' ? (entry as { [FALLBACK_READ]?: FallbackRead })[FALLBACK_READ] : undefined);

/**
 * Whether this read has fallback on: the `fallback` param the read was given (REST's
 * `?fallback=` as Strapi passes it on, the GraphQL argument, a feed's flag); else, in a
 * content-API request, the URL's `?fallback=` (GraphQL's endpoint takes it too) or the
 * configured default. Other reads (admin, seed, backup) never get it.
 */
function requestedFallback(strapi: Core.Strapi, config: FallbackConfig, param: unknown): boolean {
  if (typeof param === 'boolean') return param;
  if (param === 'true' || param === 'false') return param === 'true';
  const request = contentApiRequest(strapi);
  if (!request) return false;
  const flag = request.query[FALLBACK_PARAM];
  return flag === undefined ? config.enabledByDefault : flag === 'true';
}

/**
 * The fallback read's Document Service middleware (src/document-pipeline.ts places it), with
 * the `fallback` query parameter and GraphQL argument it answers to.
 */
export function localeFallback(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const config = fallbackConfigOf(strapi);

  strapi.contentAPI.addQueryParams({
    [FALLBACK_PARAM]: { schema: (z) => z.enum(['true', 'false']).optional() },
  });
  extendGraphqlForFallback(strapi);

  const componentSchemas = (componentUid: string) => attributesOf(strapi, componentUid);
  const transliterate = (attribute: Attribute, value: unknown) => fieldToCyrillic(attribute, value, componentSchemas);

  /** documentId → the first locale on the chain that has a version of it. */
  async function baseLocales(uid: string, chain: LocaleCode[], status: string | undefined, documentIds?: string[]) {
    const rows: Array<{ documentId: string; locale: LocaleCode }> = await strapi.db.query(uid as UID.Schema).findMany({
      where: { locale: { $in: chain }, ...versionStatus(status !== 'draft'), ...(documentIds ? { documentId: { $in: documentIds } } : {}) },
      select: ['documentId', 'locale'],
    });
    const base = new Map<string, LocaleCode>();
    for (const locale of chain) {
      for (const row of rows) if (row.locale === locale && !base.has(row.documentId)) base.set(row.documentId, locale);
    }
    return base;
  }

  /** Every version on the chain of the given documents, with the components they hold. */
  const versionsOf = async (uid: string, documentIds: string[], chain: LocaleCode[], status: string | undefined, components: string[]) => {
    const rows: Array<Entry & { locale: string }> = await strapi.db.query(uid as UID.Schema).findMany({
      where: { documentId: { $in: documentIds }, locale: { $in: chain }, ...versionStatus(status !== 'draft') },
      populate: Object.fromEntries(components.map((name) => [name, true])),
    });
    return (documentId: string) => new Map<string, Record<string, unknown>>(rows.filter((row) => row.documentId === documentId).map((row) => [row.locale, row]));
  };

  const merge = (uid: string, read: FallbackRead, versions: Map<string, Record<string, unknown>>, fields: string[]) => {
    const attributes = attributesOf(strapi, uid);
    const { requested, chain } = read;
    return mergeVersions({ requested, chain, versions, fields, toCyrillic: (field, value) => transliterate(attributes[field], value) });
  };

  /** Fills the entries' empty localized fields from the other versions on the chain. */
  async function fill(uid: string, read: FallbackRead, bases: Map<string, LocaleCode>, entries: Entry[]) {
    if (entries.length === 0) return entries;
    const attributes = attributesOf(strapi, uid);
    const fields = localizedTextFields(strapi, uid);
    const components = fields.filter((name) => attributes[name].type === 'component' && name in entries[0]);
    const versions = await versionsOf(
      uid,
      entries.map((entry) => entry.documentId),
      read.chain,
      read.status,
      components
    );
    const filled = entries.map((entry) => {
      const mine = versions(entry.documentId);
      // The served version, with the fields and relations the request asked for.
      mine.set(bases.get(entry.documentId) ?? String(entry.locale), entry);
      const merged = merge(uid, read, mine, fields);
      return markRead(merged ? { ...merged.entry, documentId: entry.documentId, localeSources: merged.localeSources } : entry, read);
    });
    return fillLinked(uid, read, filled);
  }

  /**
   * Linked entries as loaded from the version that links them, served instead in the requested
   * locale where they have a version (else along the chain), keeping just the keys they came
   * with (what Strapi's output sanitizer let through).
   */
  async function inRequestedLocale(target: string, read: FallbackRead, links: Entry[]): Promise<Entry[]> {
    if (links.length === 0) return links;
    const versions = await versionsOf(target, [...new Set(links.map((link) => link.documentId))], read.chain, read.status, []);
    return links.map((link) => {
      const merged = merge(target, read, versions(link.documentId), localizedTextFields(strapi, target));
      if (!merged) return link;
      const served = Object.fromEntries(Object.keys(link).map((key) => [key, key in merged.entry ? merged.entry[key] : link[key]]));
      const sources = Object.fromEntries(Object.entries(merged.localeSources).filter(([field]) => field in link));
      return markRead({ ...served, documentId: link.documentId, localeSources: sources }, read);
    });
  }

  /** REST populate: each populated link in the requested locale. */
  async function fillLinked(uid: string, read: FallbackRead, entries: Entry[]) {
    for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
      if (!isContentLink(name, attribute) || !attribute.target) continue;
      const linked = entries.flatMap((entry) => [entry[name]].flat()).filter((link): link is Entry => Boolean(link && typeof link === 'object'));
      const served = new Map(linked.map((link, index) => [link, index]));
      const resolved = await inRequestedLocale(attribute.target, read, linked);
      const resolve = (link: unknown) => (served.has(link as Entry) ? resolved[served.get(link as Entry) as number] : link);
      for (const entry of entries) {
        if (name in entry) entry[name] = Array.isArray(entry[name]) ? (entry[name] as unknown[]).map(resolve) : resolve(entry[name]);
      }
    }
    return entries;
  }

  // GraphQL loads relations after the Document Service read, from the version that links them.
  addGraphqlLinkMiddleware(strapi, inRequestedLocale);

  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!isAppContentRead(context)) return next();
    type Result = Awaited<ReturnType<typeof next>>;
    const params = context.params as ReadParams;
    const { fallback } = params;
    delete params.fallback;
    if (!isLocaleCode(params.locale) || !requestedFallback(strapi, config, fallback)) return next();

    const requested = params.locale;
    const read: FallbackRead = { requested, chain: chainFor(config, requested), status: params.status };
    const { chain } = read;
    const { uid } = context;

    if (context.action === 'findOne') {
      const bases = await baseLocales(uid, chain, params.status, [String(params.documentId)]);
      const base = bases.get(String(params.documentId));
      if (!base) return next();
      params.locale = base;
      const entry = (await next()) as Entry | null;
      return (entry ? (await fill(uid, read, bases, [entry]))[0] : entry) as Result;
    }

    // Each document in its first version on the chain, as flagged on the rows (served-versions.ts):
    // the page and the count are plain filtered reads, nothing here grows with the number of documents.
    params.locale = '*';
    const inBaseVersion = { [servedAttribute(requested)]: true };
    params.filters = params.filters ? { $and: [params.filters, inBaseVersion] } : inBaseVersion;

    const result = await next();
    if (context.action === 'count') return result;
    // The versions served are the documents' first on the chain: their own locale, when the read selected it.
    const entries = [result].flat().filter(Boolean) as Entry[];
    const bases = entries.every((entry) => isLocaleCode(entry.locale))
      ? new Map(entries.map((entry) => [entry.documentId, entry.locale as LocaleCode]))
      : await baseLocales(
          uid,
          chain,
          params.status,
          entries.map((entry) => entry.documentId)
        );
    if (context.action === 'findFirst') {
      return (result ? (await fill(uid, read, bases, [result as Entry]))[0] : result) as Result;
    }
    return (await fill(uid, read, bases, result as Entry[])) as Result;
  };
  return middleware;
}

type FieldDefinition = {
  field: (name: string, config: { type: string; description: string; resolve: (parent: { localeSources?: unknown }) => unknown }) => void;
};
type Nexus = { extendType: (config: { type: string; definition: (t: FieldDefinition) => void }) => unknown };

/**
 * GraphQL clients can pass a `fallback` argument to every query, and ask each type for
 * `localeSources` (null when fallback is off).
 */
function extendGraphqlForFallback(strapi: Core.Strapi): void {
  const uids = apiContentTypeUids(strapi);
  addGraphqlQueryArgument(strapi, {
    name: FALLBACK_PARAM,
    type: 'Boolean',
    description: 'Fill what is missing in the locale from its fallback chain',
    queries: graphqlQueryNames(strapi, uids, ['find', 'findOne', 'connection']),
  });
  const { naming } = strapi.plugin('graphql').service('utils');
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: uids.map((uid) =>
        nexus.extendType({
          type: naming.getTypeName(strapi.contentType(uid)),
          definition(t) {
            t.field('localeSources', {
              type: 'JSON',
              description: 'Where each localized field came from when fallback is on: { field: { locale, transliterated? } }',
              resolve: (parent) => parent.localeSources ?? null,
            });
          },
        })
      ),
    }));
}

type LinkResolver = (target: string, read: FallbackRead, links: Entry[]) => Promise<Entry[]>;
type ResolverMiddleware = (next: (...args: unknown[]) => Promise<unknown>, parent: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * Each relation field of each type (`municipalities`, `municipalities_connection`, `programme`)
 * serves what it loaded in the requested locale when its parent came from a fallback read.
 */
function addGraphqlLinkMiddleware(strapi: Core.Strapi, resolveLinks: LinkResolver): void {
  const { naming } = strapi.plugin('graphql').service('utils');
  const resolversConfig: Record<string, { middlewares: ResolverMiddleware[] }> = {};
  for (const uid of apiContentTypeUids(strapi)) {
    const typeName = naming.getTypeName(strapi.contentType(uid));
    for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
      if (!isContentLink(name, attribute) || !attribute.target) continue;
      const target = attribute.target;
      const middleware: ResolverMiddleware = async (next, parent, ...rest) => {
        const result = await next(parent, ...rest);
        const read = readOf(parent);
        if (!read || !result) return result;
        if (Array.isArray(result)) return resolveLinks(target, read, result as Entry[]);
        const connection = result as { nodes?: Entry[] };
        if (Array.isArray(connection.nodes)) return { ...connection, nodes: await resolveLinks(target, read, connection.nodes) };
        return (await resolveLinks(target, read, [result as Entry]))[0];
      };
      resolversConfig[`${typeName}.${name}`] = { middlewares: [middleware] };
      if (/Many$/.test(attribute.relation ?? '')) resolversConfig[`${typeName}.${name}_connection`] = { middlewares: [middleware] };
    }
  }
  strapi.plugin('graphql').service('extension').use({ resolversConfig });
}
