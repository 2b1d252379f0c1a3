/**
 * Writes a validated seed dataset through the Document Service, as published documents (a
 * version marked `draft` stays a draft), in one transaction: a failure anywhere leaves the
 * database as it was.
 *
 * Idempotent by design: a document version (document × locale) that exists already is left
 * alone, whatever an editor has done to it since, so a second run writes nothing.
 */
import type { Core, UID } from '@strapi/strapi';
import { writeThrough } from '../plugins/content-history/server/recording';
import { firstLocale, fixMixedScriptWords, recordKey, type MixedScriptFix } from './dataset';
import { toBlocks } from './rich-text';
import { SEED_FILES, type RichText, type SeedDataset, type SeedFile, type SeedFileName, type SeedRecord } from './schema';

export type SeedProgress = { file: SeedFileName; done: number; total: number };

export type SeedCounts = { documents: number; created: number; existing: number };

export type SeedReport = { files: Record<SeedFileName, SeedCounts>; fixes: MixedScriptFix[] };

type DocumentRef = {
  documentId: string;
  /** Locales with a version of any status. */
  versions: Set<string>;
  /** Locales with a published version: the ones a published relation can point to. */
  published: Set<string>;
};

type Registry = Map<SeedFileName, Map<string, DocumentRef>>;

async function findDocument(strapi: Core.Strapi, file: SeedFile, record: SeedRecord): Promise<DocumentRef | undefined> {
  const where = { [file.key]: recordKey(file, record), ...(file.keyLocalized ? { locale: firstLocale(record) } : {}) };
  const match = await strapi.db.query(file.uid).findOne({ where, select: ['documentId'] });
  if (!match) return undefined;
  const rows: Array<{ locale: string; publishedAt: string | null }> = await strapi.db
    .query(file.uid)
    .findMany({ where: { documentId: match.documentId }, select: ['locale', 'publishedAt'] });
  return {
    documentId: match.documentId,
    versions: new Set(rows.map((row) => row.locale)),
    published: new Set(rows.filter((row) => row.publishedAt).map((row) => row.locale)),
  };
}

/**
 * The data of one locale version: shared fields, that locale's texts, and relations to the
 * targets that have a version in the same locale (Strapi links localized documents only
 * within one locale), a published one unless this version is a draft.
 */
function versionData(strapi: Core.Strapi, file: SeedFile, record: SeedRecord, locale: string, registry: Registry) {
  const attributes = strapi.contentType(file.uid).attributes as Record<string, { type: string }>;
  const { draft, ...texts } = record.localizations[locale];
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries({ ...record.fields, ...texts })) {
    if (value === null || value === undefined) continue;
    data[name] = attributes[name]?.type === 'blocks' ? toBlocks(value as RichText) : value;
  }
  const relations: Record<string, SeedFileName> = file.relations;
  for (const [field, targetName] of Object.entries(relations)) {
    const targets = registry.get(targetName)!;
    const keys = record.relations[field];
    const documentIds = [keys ?? []]
      .flat()
      .map((key) => targets.get(key))
      .filter((ref): ref is DocumentRef => (draft ? ref?.versions : ref?.published)?.has(locale) ?? false)
      .map((ref) => ref.documentId);
    data[field] = Array.isArray(keys) ? documentIds : (documentIds[0] ?? null);
  }
  return data;
}

export async function importDataset(strapi: Core.Strapi, dataset: SeedDataset, { onProgress }: { onProgress?: (progress: SeedProgress) => void } = {}): Promise<SeedReport> {
  const { dataset: fixed, fixes } = fixMixedScriptWords(dataset);
  const files = {} as Record<SeedFileName, SeedCounts>;
  const registry: Registry = new Map();
  /** The documents this run wrote a version of, by type, with the locales it published. */
  const written = new Map<SeedFileName, Map<string, Set<string>>>();

  // One transaction; every version it writes is recorded in history as the import's.
  await writeThrough('import', () =>
    strapi.db.transaction(async () => {
      for (const file of SEED_FILES) {
        const counts: SeedCounts = { documents: fixed[file.name].length, created: 0, existing: 0 };
        const refs = new Map<string, DocumentRef>();
        registry.set(file.name, refs);
        const documents = strapi.documents(file.uid as UID.CollectionType);

        for (const [index, record] of fixed[file.name].entries()) {
          let ref = await findDocument(strapi, file, record);
          for (const locale of Object.keys(record.localizations)) {
            if (ref?.versions.has(locale)) {
              counts.existing += 1;
              continue;
            }
            const data = versionData(strapi, file, record, locale, registry) as never;
            const status = record.localizations[locale].draft ? 'draft' : 'published';
            if (ref) {
              await documents.update({ documentId: ref.documentId, locale, data, status });
            } else {
              const created = await documents.create({ locale, data, status });
              ref = { documentId: created.documentId, versions: new Set(), published: new Set() };
            }
            ref.versions.add(locale);
            if (status === 'published') ref.published.add(locale);
            counts.created += 1;
            // Only what this run published is published again below: an editor's draft of another language stays a draft.
            const writtenOfFile = written.get(file.name) ?? new Map<string, Set<string>>();
            const publishedNow = writtenOfFile.get(ref.documentId) ?? new Set<string>();
            if (status === 'published') publishedNow.add(locale);
            written.set(file.name, writtenOfFile.set(ref.documentId, publishedNow));
          }
          refs.set(recordKey(file, record), ref!);
          onProgress?.({ file: file.name, done: index + 1, total: fixed[file.name].length });
        }
        files[file.name] = counts;
      }
      // Writing each later version copies the shared fields into the drafts written before it,
      // which left them newer than their published copies ("Modified" in the panel, though nothing
      // differs). Publishing each document this run wrote once more makes the two alike.
      for (const file of SEED_FILES) {
        const documents = strapi.documents(file.uid);
        for (const [documentId, published] of written.get(file.name) ?? []) {
          const locales = (await strapi.db.query(file.uid).findMany({ where: { documentId, publishedAt: { $null: true } }, select: ['locale'] })) as Array<{ locale: string }>;
          const all = locales.every(({ locale }) => published.has(locale));
          if (all) await documents.publish({ documentId, locale: '*' });
          else for (const locale of published) await documents.publish({ documentId, locale });
        }
      }
    })
  );

  return { files, fixes };
}
