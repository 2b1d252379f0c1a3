import type { Env } from '../env';

/** TLS to PostgreSQL as DATABASE_SSL* say: for Strapi's pool (config/database.ts) and the start-up lock. */
export const postgresSsl = (env: Pick<Env, 'DATABASE_SSL' | 'DATABASE_SSL_REJECT_UNAUTHORIZED' | 'DATABASE_SSL_CA'>) =>
  env.DATABASE_SSL ? { rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED, ca: env.DATABASE_SSL_CA } : false;
