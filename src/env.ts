/**
 * The one place that reads process.env. Every config file imports `env` from here, so a wrong
 * value stops start-up with a message naming the variable, before Strapi touches the database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LINK_TEMPLATE_PLACEHOLDERS } from './feeds/links';
import { staffPasswordProblem } from './permissions/staff-password';

export const SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Values copied from templates and tutorials; a production secret must be none of these. */
const PLACEHOLDER_PATTERN = /tobemodified|changeme|change[-_ ]?me|placeholder|example|replace[-_ ]?me|your[-_]|secret$|^(x+|test|dev|default|password|admin)$/i;
const MIN_SECRET_LENGTH = 16;

const booleanFlag = (fallback: boolean) => z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] }).default(fallback);

const integer = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL');

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
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'must be a plain schema name')
      .default('public'),
    DATABASE_SSL: booleanFlag(false),
    DATABASE_SSL_REJECT_UNAUTHORIZED: booleanFlag(true),
    DATABASE_SSL_CA: z.string().optional(),
    DATABASE_POOL_MIN: integer(2, 0, 100),
    DATABASE_POOL_MAX: integer(10, 1, 100),
    /** How long a request may wait for a database connection (then 503): short, so an outage fails fast. */
    DATABASE_CONNECTION_TIMEOUT_MS: integer(5_000, 500, 600_000),
    /** PostgreSQL stops any statement running longer; 0: no limit (the commands under database/ run without one). */
    DATABASE_STATEMENT_TIMEOUT_MS: integer(3_000, 0, 3_600_000),

    /** Redis for the shared response cache (docker-compose provides it). */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .optional(),

    /**
     * Where feed and sitemap entries link to, when partner pages show the documents, e.g.
     * `https://www.example.ba/{locale}/{type}/{slug}` (src/feeds/links.ts); unset: the content API.
     */
    FEED_LINK_TEMPLATE: z
      .string()
      .regex(/^https?:\/\/[^/\s{}]+(\/\S*)?$/, 'must be an http(s) URL with placeholders in its path or query')
      .refine((template) => [...template.matchAll(/\{(\w*)\}/g)].every(([, name]) => (LINK_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)), {
        message: `may use only the placeholders ${LINK_TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(' ')}`,
      })
      .refine((template) => template.includes('{locale}') && /\{(documentId|slug)\}/.test(template), {
        message: 'must contain {locale} and {slug} or {documentId}, so each language version has its own address',
      })
      .optional(),

    /** The response cache of public reads (src/cache): on by default, in memory or in Redis (REDIS_URL). */
    CACHE_ENABLED: booleanFlag(true),
    CACHE_MAX_MB: integer(64, 1, 16_384),
    /** What responses tell browsers and CDNs (Cache-Control); the server's own cache is never stale. */
    CACHE_MAX_AGE_SECONDS: integer(0, 0, 31_536_000),
    CACHE_STALE_WHILE_REVALIDATE_SECONDS: integer(60, 0, 31_536_000),

    /** Origins allowed to call the API from a browser, comma-separated (`*`: any; never in production). */
    CORS_ORIGINS: z.string().optional(),

    /** Request limits (config/limits.ts); beyond them a request answers 4xx. */
    LIMIT_BODY_KB: integer(512, 1, 100_000),
    LIMIT_PAGE_SIZE: integer(100, 1, 1_000),
    LIMIT_FILTER_DEPTH: integer(6, 1, 50),
    LIMIT_QUERY_PARAMS: integer(100, 1, 1_000),
    LIMIT_GRAPHQL_DEPTH: integer(10, 1, 50),
    LIMIT_GRAPHQL_AMOUNT: integer(100, 1, 1_000),
    LIMIT_QUERY_COST: integer(10_000, 10, 1_000_000),
    LIMIT_POPULATE_ROWS: integer(100_000, 10, 10_000_000),

    /** Requests per minute: per client IP without a token, per API token, per IP on sign-in endpoints. */
    RATE_LIMIT_PUBLIC_PER_MINUTE: integer(600, 1, 1_000_000),
    RATE_LIMIT_TOKEN_PER_MINUTE: integer(3_000, 1, 1_000_000),
    RATE_LIMIT_AUTH_PER_MINUTE: integer(10, 1, 1_000_000),
    /** Behind a reverse proxy: take the client IP from X-Forwarded-For (for rate limits and logs). */
    TRUST_PROXY: booleanFlag(false),

    /** On SIGTERM, how long requests in flight may take to finish before the process exits. */
    SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 120_000),

    /** Webhooks (src/plugins/webhooks): the waits before each retry, comma-separated (empty: no retries). */
    WEBHOOK_RETRY_DELAYS_MS: z
      .string()
      .default('10000,60000,300000,1800000,7200000')
      .transform((list) =>
        list
          .split(',')
          .filter((delay) => delay.trim() !== '')
          .map(Number)
      )
      .pipe(z.array(z.number().int().min(0).max(86_400_000)).max(20)),
    /** How long a partner's endpoint may take to answer one delivery attempt. */
    WEBHOOK_TIMEOUT_MS: integer(10_000, 100, 120_000),
    /** How often an instance looks for deliveries due for a retry. */
    WEBHOOK_POLL_INTERVAL_MS: integer(5_000, 10, 3_600_000),
    /** Hosts webhooks may call although they are not public (comma-separated names or addresses). */
    WEBHOOK_ALLOWED_HOSTS: z.string().optional(),

    /** When scheduled versions are published (cron syntax, seconds optional): each minute by default. */
    SCHEDULED_PUBLISH_RULE: z
      .string()
      .regex(/^\S+( \S+){4,5}$/, 'must be a cron rule of 5 or 6 fields, e.g. "* * * * *"')
      .default('* * * * *'),
    /** How long an instance holds a due version it claimed; if it dies meanwhile, another takes the version over after this. */
    SCHEDULED_PUBLISH_LEASE_MS: integer(120_000, 1_000, 3_600_000),
    /** Content history (src/plugins/content-history): the newest versions kept per language version and status (0: no limit by count). */
    HISTORY_KEEP_VERSIONS: integer(200, 0, 100_000),
    /** Days a version is kept (0: no limit by age); the current draft and published states are always kept. */
    HISTORY_KEEP_DAYS: integer(730, 0, 36_500),
    /** Days the feed of published changes (/api/changes) reaches back; an older cursor answers 410. */
    CHANGES_KEEP_DAYS: integer(90, 1, 36_500),
    /** This instance's name in the audit log and the logs (default: host name and process id). */
    INSTANCE_NAME: z.string().min(1).max(64).optional(),

    /** Largest file editors may upload to the Media Library (413 beyond). */
    UPLOAD_MAX_MB: integer(20, 1, 1024),
    /** Where the Media Library keeps files: this server's disk (public/uploads), or an S3-compatible bucket (S3_*, src/media-storage). */
    UPLOAD_PROVIDER: z.enum(['local', 's3']).default('local'),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** An S3-compatible server's URL (MinIO, Ceph, a cloud's object storage); unset: AWS. */
    S3_ENDPOINT: z.url().optional(),
    /** `<endpoint>/<bucket>/<key>` addresses instead of `<bucket>.<endpoint host>` (most self-hosted servers). */
    S3_FORCE_PATH_STYLE: booleanFlag(false),
    /** Unset both to use the credentials the host provides (an instance role). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Where readers fetch the files (a CDN in front of the bucket); unset: the bucket's own URL. */
    S3_PUBLIC_URL: z.url().optional(),
    /** A folder in the bucket for this site's files. */
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'must be a folder name such as spis/media')
      .optional(),

    /** Load the SPIS content when the database is empty at start-up. */
    SEED_ON_EMPTY_DATABASE: booleanFlag(true),

    /** The first super admin, created at start-up while there is no admin user at all (src/permissions/first-admin.ts). */
    ADMIN_EMAIL: z.email().optional(),
    /** Held to the staff password rule (src/permissions/staff-password.ts). */
    ADMIN_PASSWORD: z.string().optional(),

    APP_KEYS: z.string().optional(),
    API_TOKEN_SALT: z.string().optional(),
    ADMIN_JWT_SECRET: z.string().optional(),
    TRANSFER_TOKEN_SALT: z.string().optional(),
    JWT_SECRET: z.string().optional(),
    ENCRYPTION_KEY: z.string().optional(),
  })
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither',
  })
  .superRefine((e, ctx) => {
    const problem = e.ADMIN_PASSWORD === undefined ? undefined : staffPasswordProblem(e.ADMIN_PASSWORD, [e.ADMIN_EMAIL]);
    if (problem) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: problem });
  })
  .refine((e) => e.NODE_ENV !== 'production' || !e.ADMIN_PASSWORD || !PLACEHOLDER_PATTERN.test(e.ADMIN_PASSWORD), {
    path: ['ADMIN_PASSWORD'],
    message: 'is a placeholder; choose a real password',
  })
  // Behind a TLS proxy the app sees plain HTTP; only X-Forwarded-Proto tells it the visitor used
  // HTTPS, and the admin's session cookies are marked Secure only then.
  .refine((e) => e.NODE_ENV !== 'production' || !e.PUBLIC_URL?.startsWith('https://') || e.TRUST_PROXY, {
    path: ['TRUST_PROXY'],
    message: 'must be true when PUBLIC_URL is https:// (TLS ends at a proxy, which says so in X-Forwarded-Proto; without it the admin cookies would not be Secure)',
  })
  .refine((e) => e.UPLOAD_PROVIDER !== 's3' || e.S3_BUCKET, { path: ['S3_BUCKET'], message: 'is required when UPLOAD_PROVIDER is s3' })
  .refine((e) => Boolean(e.S3_ACCESS_KEY_ID) === Boolean(e.S3_SECRET_ACCESS_KEY), {
    path: ['S3_SECRET_ACCESS_KEY'],
    message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the credentials the host provides',
  })
  .refine((e) => e.DATABASE_POOL_MIN <= e.DATABASE_POOL_MAX, {
    path: ['DATABASE_POOL_MIN'],
    message: 'must not exceed DATABASE_POOL_MAX',
  })
  .refine((e) => e.NODE_ENV !== 'production' || !e.CORS_ORIGINS?.split(',').some((origin) => origin.trim() === '*'), {
    path: ['CORS_ORIGINS'],
    message: 'must list the allowed origins in production, not *',
  })
  .refine((e) => !e.CORS_ORIGINS || e.CORS_ORIGINS.split(',').every((origin) => /^(\*|https?:\/\/[^/\s]+)$/.test(origin.trim())), {
    path: ['CORS_ORIGINS'],
    message: 'must be origins like https://partner.example.org, separated by commas',
  });

type ParsedEnv = z.infer<typeof envSchema>;

/** Every variable the app reads (the names docker-compose.yml may pass). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type Env = Omit<ParsedEnv, SecretName | 'LOG_LEVEL' | 'CORS_ORIGINS'> & {
  LOG_LEVEL: NonNullable<ParsedEnv['LOG_LEVEL']>;
  /** `*` for any origin; else the allowlist (in production, at least PUBLIC_URL's origin). */
  CORS_ORIGINS: '*' | string[];
} & {
  [K in Exclude<SecretName, 'APP_KEYS'>]: string;
} & { APP_KEYS: string[] };

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment, the app will not start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

const isPlaceholder = (value: string) => value.trim().length < MIN_SECRET_LENGTH || PLACEHOLDER_PATTERN.test(value.trim());

const secretValues = (name: SecretName, value: string) => (name === 'APP_KEYS' ? value.split(',').map((key) => key.trim()) : [value]);

/** Problems with the secrets; in production a missing or placeholder secret is one. */
const secretProblems = (parsed: ParsedEnv): string[] =>
  SECRET_NAMES.flatMap((name) => {
    const value = parsed[name];
    if (value === undefined || value.trim() === '') return [`${name}: is required in production`];
    return secretValues(name, value).some(isPlaceholder)
      ? [`${name}: is a placeholder or shorter than ${MIN_SECRET_LENGTH} characters; generate a real secret (openssl rand -base64 32)`]
      : [];
  });

/** Any origin outside production unless listed; in production only the listed ones and our own. */
const corsOrigins = (parsed: ParsedEnv): Env['CORS_ORIGINS'] => {
  const listed =
    parsed.CORS_ORIGINS?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean) ?? [];
  if (listed.includes('*') || (listed.length === 0 && parsed.NODE_ENV !== 'production')) return '*';
  const own = parsed.PUBLIC_URL ? [new URL(parsed.PUBLIC_URL).origin] : [];
  return [...new Set([...own, ...listed])];
};

/**
 * Validates raw environment variables. Pure: it never generates secrets, so callers decide
 * what a missing secret means (an error in production, a generated one in development).
 */
export function parseEnv(raw: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
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
    LOG_LEVEL: parsed.LOG_LEVEL ?? DEFAULT_LOG_LEVEL[parsed.NODE_ENV],
    CORS_ORIGINS: corsOrigins(parsed),
    APP_KEYS: secretValues('APP_KEYS', parsed.APP_KEYS as string),
  } as Env;
}

/**
 * Request lines in development only: in production the reverse proxy in front logs every
 * request (with the client's address, which this server sees only through it), and a second
 * log of them here would cost every request (README, docs/performance.md).
 */
const DEFAULT_LOG_LEVEL = { development: 'http', test: 'warn', production: 'info' } as const;

const generateSecret = (name: SecretName) =>
  name === 'APP_KEYS' ? Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(',') : randomBytes(32).toString('base64');

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

/** The server's public origin, as partners reach it: PUBLIC_URL, else the request's own origin. */
export const publicOrigin = (requestOrigin: string) => (env.PUBLIC_URL ?? requestOrigin).replace(/\/+$/, '');
