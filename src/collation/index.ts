/**
 * Sorting by text in each reader's alphabet (keys.ts), on every read path: REST, GraphQL, the
 * Content Manager's lists and feeds all sort through the Document Service, where a sort on a
 * text field becomes a sort on its key for the read's language.
 *
 * Each text field people sort by keeps, on every version, a private key per collation: the
 * order of that text for readers of Croatian rules (bs, hr, sr-Latn), of Serbian Cyrillic and
 * of English. Three, not one per version's own language, because a fallback read lists
 * versions of several languages together in the reader's order; a Latin version's Serbian
 * Cyrillic key is that of the Cyrillic a reader of sr-Cyrl is served. Keys are rewritten after
 * every write of a document, made by bulk loads with the rows (sortKeysOf), and filled at
 * start-up where missing or when the rules change.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { isAppContentRead, targetOf, attributesOf } from '../content-api/content-types';
import { columnOf, rederiveAfterWrites, writeDerivedColumns } from '../database/derived-columns';
import { DEFAULT_LOCALE } from '../locales';
import { LATIN_SOURCES_FOR_CYRILLIC } from '../locales/fallback';
import { toCyrillic } from '../transliteration';
import { collationOf, COLLATIONS, sortKey, type Collation } from './keys';
import { rewriteSort } from './sort';

/**
 * The text fields each type is sorted by in the reader's alphabet: its naming field (content as
 * data: add one here and its keys follow). Others sort as the database compares them; each key
 * is read with every row, so only the fields lists are ordered by have them.
 */
export const SORTABLE_TEXT: Partial<Record<UID.ContentType, string[]>> = {
  'api::news-article.news-article': ['title'],
  'api::workshop.workshop': ['title', 'city'],
  'api::municipality.municipality': ['name'],
  'api::programme.programme': ['name'],
  'api::contact.contact': ['name', 'organisation'],
  'api::page.page': ['title'],
  'api::menu-item.menu-item': ['label'],
  'api::resource.resource': ['title'],
  'api::result.result': ['title'],
  'api::indicator.indicator': ['title'],
};

const SUFFIX: Record<Collation, string> = { hr: 'Hr', 'sr-Cyrl': 'SrCyrl', en: 'En' };
/** The attribute holding `field`'s key in `collation`: `titleSortKeyHr`. */
export const keyAttribute = (field: string, collation: Collation) => `${field}SortKey${SUFFIX[collation]}`;

const sortableFields = (uid: string): string[] => SORTABLE_TEXT[uid as UID.ContentType] ?? [];
const keyAttributes = (uid: string) => sortableFields(uid).flatMap((field) => COLLATIONS.map((collation) => keyAttribute(field, collation)));

/** The text a reader of `collation` is served for a version in `locale`. */
const servedText = (collation: Collation, locale: string, text: string) => (collation === 'sr-Cyrl' && LATIN_SOURCES_FOR_CYRILLIC.has(locale) ? toCyrillic(text) : text);

/** The sort keys of one version of a type (for writes that go around the Document Service). */
export function sortKeysOf(uid: string, row: Record<string, unknown>): Record<string, string> {
  const locale = String(row.locale ?? DEFAULT_LOCALE);
  return Object.fromEntries(
    sortableFields(uid).flatMap((field) => {
      const text = typeof row[field] === 'string' ? (row[field] as string) : '';
      return COLLATIONS.map((collation) => [keyAttribute(field, collation), sortKey(collation, servedText(collation, locale, text))]);
    })
  );
}

/** The key attributes on each sortable type: private, not writable (no input takes them), out of the Content Manager's forms. */
function addKeyAttributes(strapi: Core.Strapi): void {
  for (const uid of Object.keys(SORTABLE_TEXT)) {
    strapi.get('content-types').extend(uid, (contentType: { attributes: Record<string, unknown> }) => {
      for (const name of keyAttributes(uid)) {
        contentType.attributes[name] = { type: 'text', private: true, writable: false, configurable: false, visible: false, pluginOptions: { i18n: { localized: true } } };
      }
    });
  }
}

/** Recomputes the keys of the matching versions; writes only the ones that changed. */
async function rekey(strapi: Core.Strapi, uid: UID.ContentType, where: Record<string, unknown> = {}) {
  const rows: Array<Record<string, unknown> & { id: number }> = await strapi.db
    .query(uid)
    .findMany({ where, select: ['id', 'locale', ...sortableFields(uid), ...keyAttributes(uid)] });
  for (const row of rows) {
    const keys = sortKeysOf(uid, row);
    const changed = Object.fromEntries(Object.entries(keys).filter(([name, key]) => row[name] !== key));
    if (Object.keys(changed).length > 0) await writeDerivedColumns(strapi, uid, row.id, changed);
  }
}

/** After a write, the document's versions get their keys. */
const maintainKeys = (strapi: Core.Strapi) =>
  rederiveAfterWrites(
    (uid) => sortableFields(uid).length > 0,
    (uid, documentId) => rekey(strapi, uid as UID.ContentType, { documentId })
  );

/**
 * The key for a sort path (relation names, then a field) of `uid`, in the reader's collation.
 * Follows relations to their targets, so `municipalities.name` sorts by the places' keys.
 */
function keyFinder(strapi: Core.Strapi, uid: string, collation: Collation) {
  return (path: string[]): string | undefined => {
    let current = uid;
    for (const relation of path.slice(0, -1)) {
      const target = targetOf(attributesOf(strapi, current)[relation] ?? { type: '' });
      if (!target) return undefined;
      current = target;
    }
    const field = path[path.length - 1];
    return sortableFields(current).includes(field) ? keyAttribute(field, collation) : undefined;
  };
}

/** Reads sort text fields by their keys in the read's language (the default locale's when it names none). */
function sortByKeys(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (!isAppContentRead(context) || context.action === 'count') return next();
    const params = context.params as { sort?: unknown; locale?: unknown };
    if (params.sort === undefined) return next();
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : DEFAULT_LOCALE;
    params.sort = rewriteSort(params.sort, keyFinder(strapi, context.uid, collationOf(locale)));
    return next();
  };
}

/** The key attributes, on the content types before the database is set up. */
export const registerSortKeys = addKeyAttributes;
/** Reads sort by keys; writes keep them (src/document-pipeline.ts places both). */
export { sortByKeys as sortByCollation, maintainKeys as sortKeyMaintenance };

/** Bump when sortKeysOf() changes: the next start then rewrites every key. */
const KEY_RULES_VERSION = 2;
const KEY_RULES_KEY = { type: 'app', name: 'collation', key: 'keyRules' } as const;

/** Fills the keys versions lack (rows written around the Document Service); rewrites all when the rules changed. */
export async function ensureSortKeys(strapi: Core.Strapi): Promise<void> {
  const rules = JSON.stringify({ version: KEY_RULES_VERSION, fields: SORTABLE_TEXT, icu: process.versions.icu });
  const rewrite = (await strapi.store.get(KEY_RULES_KEY)) !== rules;
  for (const uid of Object.keys(SORTABLE_TEXT) as UID.ContentType[]) {
    const [first] = sortableFields(uid);
    await rekey(strapi, uid, rewrite ? {} : { [keyAttribute(first, 'hr')]: { $null: true } });
    const { tableName } = strapi.db.metadata.get(uid);
    for (const field of sortableFields(uid).slice(0, 1)) {
      for (const collation of COLLATIONS) {
        const name = columnOf(strapi, uid, keyAttribute(field, collation));
        await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [`${tableName}_${name}_idx`, tableName, 'locale', name, 'id']);
      }
    }
  }
  if (rewrite) await strapi.store.set({ ...KEY_RULES_KEY, value: rules });
}
