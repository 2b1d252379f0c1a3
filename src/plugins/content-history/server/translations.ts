/**
 * Translation freshness kept in the database (freshness.ts decides, this reads and writes): the
 * records of a document follow each of its writes in the write's transaction, an editor's
 * "still correct" confirms fields, and readers (the content API's `meta.translation`, the
 * panel, the coverage view) read the records.
 */
import type { Core, UID } from '@strapi/strapi';
import { attributesOf, localizedTextFields } from '../../../content-api/content-types';
import { DEFAULT_LOCALE } from '../../../locales';
import { cyrillicSources, parseFallbackConfig } from '../../../locales/fallback';
import { fieldToCyrillic, type FieldSchema } from '../../../transliteration/fields';
import { confirmedRecords, nextRecords, type FieldRecord, type FreshnessRules } from './freshness';
import type { DocumentState } from './snapshot';

export const TRANSLATION = 'plugin::content-history.translation-field';

export type StoredRecord = FieldRecord & { id: number; contentType: string; subjectDocumentId: string; since: string | Date };

const rules = new Map<string, FreshnessRules>();

/** What decides freshness for a type: its translated fields, the base language, Cyrillic's sources. */
export function rulesFor(strapi: Core.Strapi, uid: string): FreshnessRules {
  let found = rules.get(uid);
  if (!found) {
    const attributes = attributesOf(strapi, uid) as Record<string, FieldSchema>;
    const components = (component: string) => attributesOf(strapi, component) as Record<string, FieldSchema>;
    found = {
      // A uid is made from the title, so it follows it rather than being translated.
      fields: localizedTextFields(strapi, uid).filter((name) => attributes[name].type !== 'uid'),
      baseLocale: DEFAULT_LOCALE,
      cyrillicSources: cyrillicSources(parseFallbackConfig(strapi.config.get('locales.fallback'))),
      toCyrillic: (field, value) => fieldToCyrillic(attributes[field], value, components),
    };
    rules.set(uid, found);
  }
  return found;
}

const isLocalized = (strapi: Core.Strapi, uid: string) =>
  (strapi.getModel(uid as UID.Schema)?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;

/** A document's versions' locales in the order they were made. */
const localesInOrder = (state: DocumentState): string[] =>
  [...state.entries()]
    .map(([locale, versions]) => ({ locale, first: Math.min(...[versions.draft?.rowId, versions.published?.rowId].filter((id): id is number => id !== undefined)) }))
    .sort((a, b) => a.first - b.first)
    .map(({ locale }) => locale);

/** A JSON column holds the value wrapped: a bare string is not a JSON document to PostgreSQL. */
type Wrapped = { value: unknown } | null;

export async function readRecords(strapi: Core.Strapi, uid: string, documentIds: string[]): Promise<StoredRecord[]> {
  if (documentIds.length === 0) return [];
  const rows = (await strapi.db.query(TRANSLATION).findMany({ where: { contentType: uid, subjectDocumentId: { $in: documentIds } } })) as Array<
    StoredRecord & { sourceValue: Wrapped }
  >;
  return rows.map((row) => ({ ...row, sourceValue: row.sourceValue?.value ?? null }));
}

const comparable = (records: FieldRecord[]) =>
  JSON.stringify(
    records.map(({ locale, field, sourceLocale, sourceValue, state, since }) => [locale, field, sourceLocale, sourceValue ?? null, state, new Date(since).toISOString()]).sort()
  );

/** Replaces a document's records with `next` (in the caller's transaction), when they differ. */
async function writeRecords(strapi: Core.Strapi, uid: string, documentId: string, stored: StoredRecord[], next: FieldRecord[]): Promise<void> {
  if (comparable(stored) === comparable(next)) return;
  const query = strapi.db.query(TRANSLATION);
  await query.deleteMany({ where: { contentType: uid, subjectDocumentId: documentId } });
  for (const record of next) {
    await query.create({ data: { ...record, sourceValue: { value: record.sourceValue ?? null }, contentType: uid, subjectDocumentId: documentId, since: new Date(record.since) } });
  }
}

/** After a write of a localized document: its records follow (recording.ts calls this in the write's transaction). */
export async function followWrite(strapi: Core.Strapi, uid: string, documentId: string, before: DocumentState, after: DocumentState, now: Date): Promise<void> {
  if (!isLocalized(strapi, uid)) return;
  const stored = await readRecords(strapi, uid, [documentId]);
  const next = nextRecords(before, after, stored, rulesFor(strapi, uid), now.toISOString(), localesInOrder(after));
  await writeRecords(strapi, uid, documentId, stored, next);
}

/** An editor's "still correct" for `fields` of a language version (all its translated fields when none named), or a new source for all of them. */
export async function confirmFields(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  state: DocumentState,
  { locale, fields, sourceLocale }: { locale: string; fields?: string[]; sourceLocale?: string }
): Promise<FieldRecord[]> {
  const stored = await readRecords(strapi, uid, [documentId]);
  // Naming a new source restarts every field from it.
  const named = sourceLocale ? rulesFor(strapi, uid).fields : (fields ?? rulesFor(strapi, uid).fields);
  const confirmed = confirmedRecords(state, stored, locale, named, rulesFor(strapi, uid), new Date().toISOString(), sourceLocale);
  const kept = stored.filter((record) => !(record.locale === locale && named.includes(record.field)));
  await writeRecords(strapi, uid, documentId, stored, [...kept, ...confirmed]);
  return confirmed;
}

/** The translation state of one language version, as readers get it. */
export type TranslationMeta = { locale: string; sourceLocale: string | null; fields: Record<string, { state: string; since: string }> };

/** The state of one language version, from records read for its document (and maybe others). */
export function versionMeta(records: StoredRecord[], documentId: string, locale: string): TranslationMeta {
  const own = records.filter((record) => record.subjectDocumentId === documentId && record.locale === locale);
  return {
    locale,
    sourceLocale: own[0]?.sourceLocale ?? null,
    fields: Object.fromEntries(own.map((record) => [record.field, { state: record.state, since: new Date(record.since).toISOString() }])),
  };
}

/** Per documentId, the state of the version served in `locale` (a version served in another locale is marked `fallback`). */
export async function translationMeta(
  strapi: Core.Strapi,
  uid: string,
  entries: Array<{ documentId: string; locale: string }>,
  requestedLocale: string | undefined
): Promise<Record<string, TranslationMeta & { fallback?: { requested: string } }>> {
  const records = await readRecords(
    strapi,
    uid,
    entries.map((entry) => entry.documentId)
  );
  const meta: Record<string, TranslationMeta & { fallback?: { requested: string } }> = {};
  for (const { documentId, locale } of entries) {
    meta[documentId] = {
      ...versionMeta(records, documentId, locale),
      ...(requestedLocale && requestedLocale !== locale ? { fallback: { requested: requestedLocale } } : {}),
    };
  }
  return meta;
}
