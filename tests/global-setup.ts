/**
 * Runs once before all test files: compiles the TypeScript app to dist/ (Strapi loads config
 * from there) and empties the test database.
 */
import fs from 'node:fs';
import { compileStrapi } from '@strapi/strapi';
import { Client } from 'pg';
import { assertTestDatabase, sqlitePath, TEST_SQLITE_FILE, usesPostgres } from './helpers/database';

export default async function globalSetup() {
  process.env.DATABASE_FILENAME ??= TEST_SQLITE_FILE;
  if (usesPostgres()) {
    const url = process.env.DATABASE_URL!;
    assertTestDatabase(url);
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await client.end();
  } else {
    fs.rmSync(sqlitePath(process.cwd()), { force: true });
  }
  await compileStrapi();
}
