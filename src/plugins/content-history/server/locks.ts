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
