/**
 * The one place that reads process.env. Every config file imports `env` from here, so a wrong
 * value stops start-up with a message naming the variable, before Strapi touches the database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Values copied from templates and tutorials; a production secret must be none of these. */
const PLACEHOLDER_PATTERN =
  /tobemodified|changeme|change[-_ ]?me|placeholder|example|replace[-_ ]?me|your[-_]|secret$|^(x+|test|dev|default|password|admin)$/i;
const MIN_SECRET_LENGTH = 16;

const booleanFlag = (fallback: boolean) =>
  z
    .stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] })
    .default(fallback);

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: integer(1337, 1, 65535),
    PUBLIC_URL: z.url().optional(),
    /** Winston level; under test only warnings and errors, to keep test output readable. */
    LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug']).optional(),

    DATABASE_URL: postgresUrl.optional(),
    DATABASE_FILENAME: z.string().min(1).default('.tmp/data.db'),
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a plain schema name').default('public'),
    DATABASE_SSL: booleanFlag(false),
    DATABASE_SSL_REJECT_UNAUTHORIZED: booleanFlag(true),
    DATABASE_SSL_CA: z.string().optional(),
    DATABASE_POOL_MIN: integer(2, 0, 100),
    DATABASE_POOL_MAX: integer(10, 1, 100),
    DATABASE_CONNECTION_TIMEOUT_MS: integer(60_000, 1_000, 600_000),

    /** Redis for the shared response cache (docker-compose provides it). */
    REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional(),

    /** Load the SPIS content when the database is empty at start-up. */
    SEED_ON_EMPTY_DATABASE: booleanFlag(true),

    APP_KEYS: z.string().optional(),
    API_TOKEN_SALT: z.string().optional(),
    ADMIN_JWT_SECRET: z.string().optional(),
    TRANSFER_TOKEN_SALT: z.string().optional(),
    JWT_SECRET: z.string().optional(),
    ENCRYPTION_KEY: z.string().optional(),
  })
  .refine((e) => e.DATABASE_POOL_MIN <= e.DATABASE_POOL_MAX, {
    path: ['DATABASE_POOL_MIN'],
    message: 'must not exceed DATABASE_POOL_MAX',
  });

type ParsedEnv = z.infer<typeof envSchema>;

/** Every variable the app reads (the names docker-compose.yml may pass). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type Env = Omit<ParsedEnv, SecretName | 'LOG_LEVEL'> & {
  LOG_LEVEL: NonNullable<ParsedEnv['LOG_LEVEL']>;
} & {
  [K in Exclude<SecretName, 'APP_KEYS'>]: string;
} & { APP_KEYS: string[] };

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment, the app will not start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

const isPlaceholder = (value: string) =>
  value.trim().length < MIN_SECRET_LENGTH || PLACEHOLDER_PATTERN.test(value.trim());

const secretValues = (name: SecretName, value: string) =>
  name === 'APP_KEYS' ? value.split(',').map((key) => key.trim()) : [value];

/** Problems with the secrets; in production a missing or placeholder secret is one. */
const secretProblems = (parsed: ParsedEnv): string[] =>
  SECRET_NAMES.flatMap((name) => {
    const value = parsed[name];
    if (value === undefined || value.trim() === '') return [`${name}: is required in production`];
    return secretValues(name, value).some(isPlaceholder)
      ? [`${name}: is a placeholder or shorter than ${MIN_SECRET_LENGTH} characters; generate a real secret (openssl rand -base64 32)`]
      : [];
  });

/**
 * Validates raw environment variables. Pure: it never generates secrets, so callers decide
 * what a missing secret means (an error in production, a generated one in development).
 */
export function parseEnv(raw: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    );
  }
  const parsed = result.data;
  const missing = SECRET_NAMES.filter((name) => !parsed[name]?.trim());
  if (parsed.NODE_ENV === 'production') {
    const problems = secretProblems(parsed);
    if (problems.length > 0) throw new EnvError(problems);
  } else if (missing.length > 0) {
    throw new EnvError(missing.map((name) => `${name}: is not set (development secrets are generated into .env)`));
  }
  return {
    ...parsed,
    LOG_LEVEL: parsed.LOG_LEVEL ?? (parsed.NODE_ENV === 'test' ? 'warn' : 'http'),
    APP_KEYS: secretValues('APP_KEYS', parsed.APP_KEYS as string),
  } as Env;
}

const generateSecret = (name: SecretName) =>
  name === 'APP_KEYS'
    ? Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(',')
    : randomBytes(32).toString('base64');

/**
 * Outside production, fills in missing secrets: written once to `.env` (git-ignored) in
 * development so sessions and tokens survive restarts; kept in memory only under test.
 */
export function ensureDevelopmentSecrets(raw: NodeJS.ProcessEnv, envFile: string): void {
  if ((raw.NODE_ENV ?? 'development') === 'production') return;
  const missing = SECRET_NAMES.filter((name) => !raw[name]?.trim());
  if (missing.length === 0) return;
  const generated = missing.map((name) => [name, generateSecret(name)] as const);
  for (const [name, value] of generated) raw[name] = value;
  if (raw.NODE_ENV === 'test') return;
  const lines = generated.map(([name, value]) => `${name}=${value}`).join('\n');
  const prefix = fs.existsSync(envFile) && !fs.readFileSync(envFile, 'utf8').endsWith('\n') ? '\n' : '';
  fs.appendFileSync(envFile, `${prefix}# generated for development on ${new Date().toISOString()}\n${lines}\n`);
}

ensureDevelopmentSecrets(process.env, path.join(process.cwd(), '.env'));

export const env: Env = parseEnv(process.env);
