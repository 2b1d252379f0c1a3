/**
 * Which version of each document a fallback read serves, kept on the rows: every version carries
 * a private flag per reader locale (`servedForHr`: "readers of hr get this version"), true on the
 * document's first version of the same status along that reader's chain. A fallback list is then
 * a plain filtered read, and its count reads one partial index, so neither grows with the
 * documents it does not return (a correlated subquery counted 100k articles in ~1 s; the index, ~25 ms).
 *
 * The flags follow the set of a document's versions, so they are re-derived after every write of
 * a document (create, update, delete, publish, unpublish, discard, clone), written by bulk loads
 * with their rows (servedFlagsOf), rewritten after a restore, and all rewritten at start-up when
 * the fallback chains change.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { LOCALE_CODES, type LocaleCode } from '../locales';
import { parseFallbackConfig, servingLocales, type FallbackConfig } from '../locales/fallback';
import { columnOf, rederiveAfterWrites, writeDerivedColumns } from '../database/derived-columns';
import { apiContentTypeUids } from './content-types';

/** The flag attribute for readers of `locale`: `servedForSrCyrl`. */
export const servedAttribute = (locale: LocaleCode) =>
  `servedFor${locale
    .split('-')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')}`;

const FLAGS = LOCALE_CODES.map(servedAttribute);

export const fallbackConfigOf = (strapi: Core.Strapi): FallbackConfig => parseFallbackConfig(strapi.config.get('locales.fallback'));

/** The flags of a version in `locale` of a document whose versions (of that status) are in `documentLocales`. */
export function servedFlagsOf(config: FallbackConfig, documentLocales: Iterable<string>, locale: string): Record<string, boolean> {
  const serving = servingLocales(config, documentLocales);
  return Object.fromEntries(LOCALE_CODES.map((reader) => [servedAttribute(reader), serving[reader] === locale]));
}

/** The flag attributes on each app type: private, not writable, out of the Content Manager's forms. */
export function registerServedFlags(strapi: Core.Strapi): void {
  for (const uid of apiContentTypeUids(strapi)) {
    strapi.get('content-types').extend(uid, (contentType: { attributes: Record<string, unknown> }) => {
      for (const name of FLAGS) {
        contentType.attributes[name] = { type: 'boolean', private: true, writable: false, configurable: false, visible: false, pluginOptions: { i18n: { localized: true } } };
      }
    });
  }
}

/** Lists in pieces a statement's bind parameters can hold. */
const chunks = <T>(list: T[], size = 500): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, index) => list.slice(index * size, (index + 1) * size));

type VersionRow = Record<string, unknown> & { id: number; documentId: string; locale: string; publishedAt: unknown };

/**
 * Re-derives the flags of the versions of the given documents (all when none are named), writing
 * only the ones that changed, grouped by value so a full pass is a few hundred statements. Flags
 * are derived data, like sort keys: written straight to the table, no `updatedAt` change.
 */
async function reflag(strapi: Core.Strapi, config: FallbackConfig, uid: string, documentIds?: string[]): Promise<void> {
  const select = ['id', 'documentId', 'locale', 'publishedAt', ...FLAGS];
  const query = strapi.db.query(uid as UID.Schema);
  const rows: VersionRow[] = [];
  for (const where of documentIds ? chunks(documentIds).map((ids) => ({ documentId: { $in: ids } })) : [{}]) {
    for (const row of await query.findMany({ where, select })) rows.push(row);
  }
  const groups = new Map<string, VersionRow[]>();
  for (const row of rows) {
    const key = `${row.documentId}\u0000${row.publishedAt === null ? 'draft' : 'published'}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const idsByFlags = new Map<string, number[]>();
  for (const versions of groups.values()) {
    const locales = versions.map((version) => version.locale);
    for (const version of versions) {
      const flags = servedFlagsOf(config, locales, version.locale);
      if (FLAGS.every((name) => version[name] === flags[name])) continue;
      const key = JSON.stringify(flags);
      const ids = idsByFlags.get(key);
      if (ids) ids.push(version.id);
      else idsByFlags.set(key, [version.id]);
    }
  }
  for (const [key, ids] of idsByFlags) {
    for (const some of chunks(ids)) await writeDerivedColumns(strapi, uid, some, JSON.parse(key) as Record<string, boolean>);
  }
}

/** After any write of a document, its versions' flags (src/document-pipeline.ts places it). */
export function servedVersionMaintenance(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const config = fallbackConfigOf(strapi);
  return rederiveAfterWrites(
    (uid) => uid.startsWith('api::'),
    (uid, documentId) => reflag(strapi, config, uid, [documentId]),
    // Which version is served follows the set of a document's versions, which these change.
    ['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']
  );
}

/** Rewrites every version's flags (after writes that go around the Document Service, such as a restore). */
export async function reflagAll(strapi: Core.Strapi): Promise<void> {
  const config = fallbackConfigOf(strapi);
  for (const uid of apiContentTypeUids(strapi)) await reflag(strapi, config, uid);
}

const FLAG_RULES_VERSION = 1;
const FLAG_RULES_KEY = { type: 'app', name: 'fallback', key: 'servedFlagRules' } as const;

/**
 * At start-up: all flags rewritten when the chains changed (or were never applied), else those
 * of versions that lack them; and per app type and reader locale, a partial index of the
 * published versions served, which a fallback list's count reads alone.
 */
export async function ensureServedFlags(strapi: Core.Strapi): Promise<void> {
  const config = fallbackConfigOf(strapi);
  const rules = JSON.stringify({ version: FLAG_RULES_VERSION, chains: config.chains });
  const rewrite = (await strapi.store.get(FLAG_RULES_KEY)) !== rules;
  if (rewrite) strapi.log.info('Locale fallback: marking which version each reader locale is served (the chains are new or changed)');
  for (const uid of apiContentTypeUids(strapi)) {
    if (rewrite) await reflag(strapi, config, uid);
    else {
      const unflagged: Array<{ documentId: string }> = await strapi.db.query(uid).findMany({ where: { [FLAGS[0]]: { $null: true } }, select: ['documentId'] });
      if (unflagged.length > 0) await reflag(strapi, config, uid, [...new Set(unflagged.map((row) => row.documentId))]);
    }
    const { tableName } = strapi.db.metadata.get(uid);
    for (const name of FLAGS) {
      const column = columnOf(strapi, uid, name);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??) WHERE ?? AND published_at IS NOT NULL`, [`${tableName}_${column}_idx`, tableName, 'id', column]);
    }
  }
  if (rewrite) await strapi.store.set({ ...FLAG_RULES_KEY, value: rules });
}
