import path from 'node:path';
import { env } from '../src/env';

/** PostgreSQL when DATABASE_URL is set (production); otherwise an embedded SQLite file. */
export default () => {
  if (env.DATABASE_URL) {
    return {
      connection: {
        client: 'postgres' as const,
        connection: {
          connectionString: env.DATABASE_URL,
          schema: env.DATABASE_SCHEMA,
          ssl: env.DATABASE_SSL
            ? { rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED, ca: env.DATABASE_SSL_CA }
            : false,
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
      acquireConnectionTimeout: env.DATABASE_CONNECTION_TIMEOUT_MS,
    },
  };
};
