/**
 * One instance starts at a time: when several start together on one PostgreSQL database, each
 * waits for a session advisory lock before Strapi loads, so the schema sync, locales, roles, the
 * first admin, the content import and the indexes are done once, by the first; the others find
 * them done and start serving. The lock belongs to its own connection: an instance that dies
 * while holding it frees it. SQLite is one process's file: nothing to wait for.
 */
import { Client } from 'pg';
import { env } from '../env';
import { postgresSsl } from './connection';

/** The lock's key: any number the app uses for nothing else. */
const START_UP_LOCK_KEY = 51_702_008;

/** Waits for the lock; resolves with the function that gives it back. */
export async function holdStartUpLock(): Promise<() => Promise<void>> {
  if (!env.DATABASE_URL) return async () => {};
  const client = new Client({ connectionString: env.DATABASE_URL, ssl: postgresSsl(env) });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [START_UP_LOCK_KEY]);
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [START_UP_LOCK_KEY]);
    await client.end();
  };
}
