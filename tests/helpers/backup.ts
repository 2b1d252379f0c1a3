/**
 * Backup and restore as an operator runs them (`npm run backup` / `npm run restore`), and the
 * databases a restore goes into: a second PostgreSQL database beside the test database (its name
 * plus a suffix), or a second SQLite file; read back with the drivers only, not the backup's code.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { TEST_SQLITE_FILE, usesPostgres } from './database';

/** Runs an npm script's command as an operator would; its output, or a thrown error with it. */
export const runCommand = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });

/** Runs a command that is expected to fail: its exit status and output (status 0 if it did not fail). */
export const runFailingCommand = (args: string[], env: Record<string, string> = {}): { status: number; stdout: string } => {
  try {
    return { status: 0, stdout: runCommand(args, env) };
  } catch (error) {
    return error as { status: number; stdout: string };
  }
};

/**
 * The same, without blocking this process: for a command that talks to a server running in the
 * test's own process (s3rver), which must go on answering meanwhile.
 */
export async function runCommandAsync(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failure.code !== 'number') throw error;
    return { status: failure.code, stdout: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

export type Row = Record<string, unknown>;
/** better-sqlite3 ships no types; the two calls used here. */
type SqliteDatabase = { prepare(sql: string): { all(): unknown[] }; close(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const openSqlite = (file: string): SqliteDatabase => new (require('better-sqlite3'))(file, { readonly: true });
export type Reader = { tables(): Promise<string[]>; rows(table: string): Promise<Row[]>; close(): Promise<void> };
export type DatabaseLocation = { url?: string; file?: string };

/** Reads a database with its driver only: PostgreSQL by URL, SQLite by file. */
export async function openReader(target: DatabaseLocation): Promise<Reader> {
  if (target.url) {
    const client = new Client({ connectionString: target.url });
    await client.connect();
    return {
      tables: async () => (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows.map((row) => row.table_name),
      rows: async (table) => (await client.query(`SELECT * FROM "${table}" ORDER BY id`)).rows,
      close: () => client.end(),
    };
  }
  const db = openSqlite(target.file!);
  return {
    tables: async () =>
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`).all() as { name: string }[]).map((row) => row.name),
    rows: async (table) => db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Row[],
    close: async () => db.close(),
  };
}

/** The test database itself. */
export const testDatabase = (): DatabaseLocation => (usesPostgres() ? { url: process.env.DATABASE_URL } : { file: path.resolve(TEST_SQLITE_FILE) });

export type RestoreTarget = DatabaseLocation & {
  /** The settings that point a command or server process at it. */
  env: Record<string, string>;
  /** Makes it new and empty. */
  recreate(): Promise<void>;
  /** Removes it. */
  drop(): Promise<void>;
};

/** A database to restore into, beside the test database: `<test database>_<suffix>`, or `.tmp/test-<suffix>.db`. */
export function restoreTarget(suffix: string): RestoreTarget {
  if (!usesPostgres()) {
    const file = path.resolve(`.tmp/test-${suffix}.db`);
    const drop = async () => fs.rmSync(file, { force: true });
    return { file, env: { DATABASE_FILENAME: file }, recreate: drop, drop };
  }
  const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_${suffix}`;
  const url = Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
  const admin = async (statements: string[]) => {
    const client = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const drop = () => admin([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  return {
    url,
    env: { DATABASE_URL: url },
    recreate: () => admin([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`]),
    drop,
  };
}
