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
import { apiContentTypeUids, attributesOf, contentApiRequest, isContentLink, versionStatus, type Attribute } from './content-types';
import { addGraphqlQueryArgument, graphqlQueryNames } from './graphql';
import { isLocaleCode, type LocaleCode } from '../locales';
import { chainFor, mergeVersions, parseFallbackConfig, type FallbackConfig } from '../locales/fallback';
import { toCyrillic, transliterateBlocks } from '../transliteration';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const TEXT_TYPES = new Set(['string', 'text', 'richtext']);

type Entry = Record<string, unknown> & { documentId: string };
type ReadParams = { locale?: unknown; status?: string; filters?: unknown; documentId?: string; fallback?: unknown };

const FALLBACK_PARAM = 'fallback';

/**
 * Whether this content-API read has fallback on: the GraphQL `fallback` argument (passed on as
 * a param), else `?fallback=`, else the configured default.
 */
function requestedFallback(strapi: Core.Strapi, config: FallbackConfig, argument: unknown): boolean {
  const request = contentApiRequest(strapi);
  if (!request) return false;
  if (typeof argument === 'boolean') return argument;
  const flag = request.query[FALLBACK_PARAM];
  return flag === undefined ? config.enabledByDefault : flag === 'true';
}

export function registerLocaleFallback(strapi: Core.Strapi): void {
  const config = parseFallbackConfig(strapi.config.get('locales.fallback'));

  strapi.contentAPI.addQueryParams({
    [FALLBACK_PARAM]: { schema: (z) => z.enum(['true', 'false']).optional() },
  });
  extendGraphqlForFallback(strapi);

  /** Text in Cyrillic, field by field, following the schema into components and blocks. */
  const transliterate = (attribute: Attribute, value: unknown): unknown => {
    if (TEXT_TYPES.has(attribute.type) && typeof value === 'string') return toCyrillic(value);
    if (attribute.type === 'blocks' && Array.isArray(value)) return transliterateBlocks(value, toCyrillic);
    if (attribute.type === 'component' && attribute.component && value && typeof value === 'object') {
      const inner = attributesOf(strapi, attribute.component);
      const convert = (item: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(item).map(([name, v]) => [name, inner[name] ? transliterate(inner[name], v) : v]));
      return Array.isArray(value) ? value.map(convert) : convert(value as Record<string, unknown>);
    }
    return value;
  };

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

  const localizedFields = (uid: string) => {
    const attributes = attributesOf(strapi, uid);
    return Object.keys(attributes).filter(
      (name) =>
        attributes[name].pluginOptions?.i18n?.localized &&
        !attributes[name].private &&
        attributes[name].type !== 'relation' &&
        attributes[name].type !== 'media'
    );
  };

  /** Every version on the chain of the given documents, with the components they hold. */
  const versionsOf = async (uid: string, documentIds: string[], chain: LocaleCode[], status: string | undefined, components: string[]) => {
    const rows: Array<Entry & { locale: string }> = await strapi.db.query(uid as UID.Schema).findMany({
      where: { documentId: { $in: documentIds }, locale: { $in: chain }, ...versionStatus(status !== 'draft') },
      populate: Object.fromEntries(components.map((name) => [name, true])),
    });
    return (documentId: string) => new Map<string, Record<string, unknown>>(rows.filter((row) => row.documentId === documentId).map((row) => [row.locale, row]));
  };

  const merge = (uid: string, requested: LocaleCode, chain: LocaleCode[], versions: Map<string, Record<string, unknown>>, fields: string[]) => {
    const attributes = attributesOf(strapi, uid);
    return mergeVersions({ requested, chain, versions, fields, toCyrillic: (field, value) => transliterate(attributes[field], value) });
  };

  /** Fills the entries' empty localized fields from the other versions on the chain. */
  async function fill(
    uid: string,
    requested: LocaleCode,
    chain: LocaleCode[],
    status: string | undefined,
    bases: Map<string, LocaleCode>,
    entries: Entry[]
  ) {
    if (entries.length === 0) return entries;
    const attributes = attributesOf(strapi, uid);
    const fields = localizedFields(uid);
    const components = fields.filter((name) => attributes[name].type === 'component' && name in entries[0]);
    const versions = await versionsOf(uid, entries.map((entry) => entry.documentId), chain, status, components);
    const filled = entries.map((entry) => {
      const mine = versions(entry.documentId);
      // The served version, with the fields and relations the request asked for.
      mine.set(bases.get(entry.documentId) ?? String(entry.locale), entry);
      const merged = merge(uid, requested, chain, mine, fields);
      return merged ? { ...merged.entry, documentId: entry.documentId, localeSources: merged.localeSources } : entry;
    });
    return fillLinked(uid, requested, chain, status, filled);
  }

  /**
   * Populated links come in the locale of the version that holds them; with fallback each is
   * served in the requested locale where it has a version (else along the chain), keeping just
   * the keys Strapi's output sanitizer let through.
   */
  async function fillLinked(uid: string, requested: LocaleCode, chain: LocaleCode[], status: string | undefined, entries: Entry[]) {
    const attributes = attributesOf(strapi, uid);
    for (const [name, attribute] of Object.entries(attributes)) {
      if (!isContentLink(name, attribute) || !attribute.target) continue;
      const linked = entries.flatMap((entry) => [entry[name]].flat()).filter((link): link is Entry => Boolean(link && typeof link === 'object'));
      if (linked.length === 0) continue;
      const target = attribute.target;
      const versions = await versionsOf(target, [...new Set(linked.map((link) => link.documentId))], chain, status, []);
      const resolve = (link: Entry): Entry => {
        const merged = merge(target, requested, chain, versions(link.documentId), localizedFields(target));
        if (!merged) return link;
        const served = Object.fromEntries(Object.keys(link).map((key) => [key, key in merged.entry ? merged.entry[key] : link[key]]));
        const sources = Object.fromEntries(Object.entries(merged.localeSources).filter(([field]) => field in link));
        return { ...served, documentId: link.documentId, localeSources: sources };
      };
      for (const entry of entries) {
        const value = entry[name];
        if (Array.isArray(value)) entry[name] = value.map((link) => resolve(link as Entry));
        else if (value && typeof value === 'object') entry[name] = resolve(value as Entry);
      }
    }
    return entries;
  }

  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !context.uid.startsWith('api::')) return next();
    type Result = Awaited<ReturnType<typeof next>>;
    const params = context.params as ReadParams;
    const { fallback } = params;
    delete params.fallback;
    if (!isLocaleCode(params.locale) || !requestedFallback(strapi, config, fallback)) return next();

    const requested = params.locale;
    const chain = chainFor(config, requested);
    const { uid } = context;

    if (context.action === 'findOne') {
      const bases = await baseLocales(uid, chain, params.status, [String(params.documentId)]);
      const base = bases.get(String(params.documentId));
      if (!base) return next();
      params.locale = base;
      const entry = (await next()) as Entry | null;
      return (entry ? (await fill(uid, requested, chain, params.status, bases, [entry]))[0] : entry) as Result;
    }

    const bases = await baseLocales(uid, chain, params.status);
    const byLocale = chain
      .map((locale) => ({ locale, documentId: { $in: [...bases].filter(([, base]) => base === locale).map(([id]) => id) } }))
      .filter((clause) => clause.documentId.$in.length > 0);
    const inBaseVersion = { $or: byLocale.length > 0 ? byLocale : [{ documentId: { $null: true } }] };
    params.locale = '*';
    params.filters = params.filters ? { $and: [params.filters, inBaseVersion] } : inBaseVersion;

    const result = await next();
    if (context.action === 'count') return result;
    if (context.action === 'findFirst') {
      return (result ? (await fill(uid, requested, chain, params.status, bases, [result as Entry]))[0] : result) as Result;
    }
    return (await fill(uid, requested, chain, params.status, bases, result as Entry[])) as Result;
  };
  strapi.documents.use(middleware);
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
