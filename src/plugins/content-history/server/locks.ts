/**
 * The plugin's PostgreSQL advisory locks, held to the end of the caller's transaction. SQLite has
 * one writer at a time, so there they are not needed and nothing is taken.
 */
import type { Core } from '@strapi/strapi';

/** Waits for, then holds until commit, the lock named by `key` (a fixed number, or a text hashed to one). */
export async function lockUntilCommit(strapi: Core.Strapi, key: number | string): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  const sql = typeof key === 'number' ? 'select pg_advisory_xact_lock(?)' : 'select pg_advisory_xact_lock(hashtextextended(?, 0))';
  await strapi.db.transaction(({ trx }) => trx.raw(sql, [key]));
}

/** A document's write lock: writes of one document wait for each other. */
export const lockDocument = (strapi: Core.Strapi, uid: string, documentId: string) => lockUntilCommit(strapi, `${uid}:${documentId}`);

/**
 * Taken, before any document's lock, by every transaction that may lock more than one document
 * (a bulk action, scheduled publishing, the import, a write that moves links of other
 * documents): two of them never each hold a document the other waits for.
 */
export const lockSeveralDocuments = (strapi: Core.Strapi) => lockUntilCommit(strapi, SEVERAL_DOCUMENTS_LOCK);

/** An arbitrary, fixed key (beside the feed's 2026_12_20 and the epoch's 2026_12_21). */
const SEVERAL_DOCUMENTS_LOCK = 2026_12_22;
