/**
 * Which database the tests use: PostgreSQL when DATABASE_URL is set (CI), else a SQLite file
 * of its own under .tmp/. Either is wiped by the global setup, so every run starts empty.
 */
import path from 'node:path';

export const TEST_SQLITE_FILE = '.tmp/test.db';

export const usesPostgres = () => Boolean(process.env.DATABASE_URL);

/** Refuses to wipe a PostgreSQL database whose name does not say it is for tests. */
export function assertTestDatabase(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to run the tests against database "${name}": its name must contain "test"`);
  }
  return name;
}

export const sqlitePath = (root: string) => path.join(root, TEST_SQLITE_FILE);

/** The settings that point a second server process (`npm start`) at the tests' database. */
export const testDatabaseSettings = (): Record<string, string> =>
  usesPostgres() ? { DATABASE_URL: process.env.DATABASE_URL! } : { DATABASE_FILENAME: path.resolve(TEST_SQLITE_FILE) };
