import path from 'node:path';
import { postgresSsl } from '../src/database/connection';
import { env } from '../src/env';

type SqliteConnection = {
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): void;
};

/**
 * SQLite's LOWER() folds ASCII letters only, and Strapi's case-insensitive filters ($eqi,
 * $containsi, …) compare LOWER(column) with LOWER(value): Cyrillic and č ć đ š ž would never
 * match across case. Each connection gets a Unicode-aware lower() instead, as PostgreSQL has.
 */
const unicodeLower = (connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) => {
  connection.function('lower', { deterministic: true }, (value) => (typeof value === 'string' ? value.toLowerCase() : value));
  done(null, connection);
};

/** PostgreSQL when DATABASE_URL is set (production); otherwise an embedded SQLite file. */
export default () => {
  if (env.DATABASE_URL) {
    return {
      connection: {
        client: 'postgres' as const,
        connection: {
          connectionString: env.DATABASE_URL,
          schema: env.DATABASE_SCHEMA,
          // A ceiling on every statement: a query that would hold a connection for longer is stopped (0: none).
          statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
          ssl: postgresSsl(env),
        },
        pool: { min: env.DATABASE_POOL_MIN, max: env.DATABASE_POOL_MAX },
        acquireConnectionTimeout: env.DATABASE_CONNECTION_TIMEOUT_MS,
      },
    };
  }
  return {
    connection: {
      client: 'sqlite' as const,
      connection: { filename: path.resolve(process.cwd(), env.DATABASE_FILENAME) },
      useNullAsDefault: true,
      pool: { afterCreate: unicodeLower },
      acquireConnectionTimeout: env.DATABASE_CONNECTION_TIMEOUT_MS,
    },
  };
};
