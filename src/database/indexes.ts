/**
 * Indexes for the reads partner sites make most (Strapi creates only the primary keys, foreign
 * keys and `(document_id, locale, published_at)`): a page of published versions in date order,
 * of one locale and (for fallback reads, which take each document's first version along a
 * chain of locales) of all, and a document by its slug. The date indexes hold published rows
 * only and end with `id`, the tie-break Strapi adds to every sort, in the direction Strapi
 * sorts it, so a page is read in index order and stops after its rows, and one locale's count
 * reads the index alone. History and translation freshness are read one document at a time
 * (every write reads its newest versions and records). Created at start-up when missing, on
 * PostgreSQL and SQLite alike; docs/performance.md has their measured effect.
 */
import type { Core } from '@strapi/strapi';

/** An index: its columns (each optionally descending) and, for a partial index, its condition. */
export type ReadIndex = { columns: Array<string | [string, 'desc']>; where?: string };

const PUBLISHED = 'published_at IS NOT NULL';
/** A page of published versions by `date`, newest first (as partner sites read news) and oldest first, per locale and across them. */
const datePages = (date: string): ReadIndex[] => [
  { columns: ['locale', [date, 'desc'], 'id'], where: PUBLISHED },
  { columns: ['locale', date, 'id'], where: PUBLISHED },
  { columns: [[date, 'desc'], 'id'], where: PUBLISHED },
  { columns: [date, 'id'], where: PUBLISHED },
];

/** Content type → its indexes (database column names). */
export const READ_INDEXES: Record<string, ReadIndex[]> = {
  'api::news-article.news-article': [...datePages('publication_date'), { columns: ['slug', 'locale'] }],
  'api::workshop.workshop': [...datePages('start_date'), { columns: ['slug', 'locale'] }],
  'api::municipality.municipality': [{ columns: ['slug', 'locale'] }],
  'api::programme.programme': [{ columns: ['slug', 'locale'] }],
  'api::page.page': [{ columns: ['slug', 'locale'] }],
  'api::resource.resource': [{ columns: ['slug', 'locale'] }],
  'plugin::content-history.version': [{ columns: ['content_type', 'subject_document_id', 'locale', 'status', 'id'] }],
  // A webhook delivery's cursor: the newest change of one language version.
  'plugin::content-history.change': [{ columns: ['content_type', 'subject_document_id', 'locale', 'id'] }],
  'plugin::content-history.translation-field': [{ columns: ['content_type', 'subject_document_id'] }],
};

/** Earlier versions' indexes that those above replace. */
const REPLACED_INDEXES: Record<string, ReadIndex[]> = {
  'api::news-article.news-article': [{ columns: ['locale', 'published_at', 'publication_date'] }, { columns: ['locale', 'published_at', 'publication_date', 'id'] }],
  'api::workshop.workshop': [{ columns: ['locale', 'published_at', 'start_date'] }, { columns: ['locale', 'published_at', 'start_date', 'id'] }],
};

const columnName = (column: ReadIndex['columns'][number]) => (typeof column === 'string' ? column : column[0]);

export const readIndexName = (table: string, { columns, where }: ReadIndex) =>
  `${table}_${columns.map((column) => (typeof column === 'string' ? column : `${column[0]}_${column[1]}`)).join('_')}${where === PUBLISHED ? '_published' : ''}_idx`;

export async function ensureReadIndexes(strapi: Core.Strapi): Promise<void> {
  for (const [uid, indexes] of Object.entries(READ_INDEXES)) {
    const { tableName } = strapi.db.metadata.get(uid);
    for (const index of REPLACED_INDEXES[uid] ?? []) await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [readIndexName(tableName, index)]);
    for (const index of indexes) {
      const columns = index.columns.map((column) => (typeof column === 'string' ? '??' : '?? DESC')).join(', ');
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns})${index.where ? ` WHERE ${index.where}` : ''}`, [
        readIndexName(tableName, index),
        tableName,
        ...index.columns.map(columnName),
      ]);
    }
  }
}
