/**
 * Indexes for the reads partner sites make most (Strapi creates only the primary keys, foreign
 * keys and `(document_id, locale, published_at)`): a page of one locale's published versions in
 * date order, and a document by its slug. The page index ends with `id` so the list's count
 * (`count(id)` of one locale's published rows) reads the index alone. Created at start-up when
 * missing, on PostgreSQL and SQLite alike; docs/performance.md has their measured effect.
 */
import type { Core } from '@strapi/strapi';

/** Content type → the column lists to index (database column names). */
export const READ_INDEXES: Record<string, string[][]> = {
  'api::news-article.news-article': [['locale', 'published_at', 'publication_date', 'id'], ['slug', 'locale']],
  'api::workshop.workshop': [['locale', 'published_at', 'start_date', 'id'], ['slug', 'locale']],
  'api::municipality.municipality': [['slug', 'locale']],
  'api::programme.programme': [['slug', 'locale']],
};

/** Earlier versions' indexes that one above replaces. */
const REPLACED_INDEXES: Record<string, string[][]> = {
  'api::news-article.news-article': [['locale', 'published_at', 'publication_date']],
  'api::workshop.workshop': [['locale', 'published_at', 'start_date']],
};

export const readIndexName = (table: string, columns: string[]) => `${table}_${columns.join('_')}_idx`;

export async function ensureReadIndexes(strapi: Core.Strapi): Promise<void> {
  for (const [uid, indexes] of Object.entries(READ_INDEXES)) {
    const { tableName } = strapi.db.metadata.get(uid);
    for (const columns of REPLACED_INDEXES[uid] ?? []) await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [readIndexName(tableName, columns)]);
    for (const columns of indexes) {
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`, [readIndexName(tableName, columns), tableName, ...columns]);
    }
  }
}
