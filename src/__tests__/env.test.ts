import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvError, SECRET_NAMES, ensureDevelopmentSecrets, parseEnv } from '../env';

const realSecrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, name === 'APP_KEYS' ? 'k1Qm9vXr2Tz8pL4a,k2Wn7cYt5Hs3dF6b' : `s3cr3t-${name.toLowerCase()}-9fK2xQ7mZ`]));

const problemsOf = (raw: NodeJS.ProcessEnv): string[] => {
  try {
    parseEnv(raw);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseEnv', () => {
  it('applies defaults: SQLite under .tmp, port 1337, pool 2–10', () => {
    const env = parseEnv({ NODE_ENV: 'development', ...realSecrets });
    expect(env).toMatchObject({ PORT: 1337, HOST: '0.0.0.0', DATABASE_FILENAME: '.tmp/data.db', DATABASE_POOL_MIN: 2, DATABASE_POOL_MAX: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_KEYS).toEqual(['k1Qm9vXr2Tz8pL4a', 'k2Wn7cYt5Hs3dF6b']);
  });

  it('reads PostgreSQL, SSL and pool settings', () => {
    const env = parseEnv({
      ...realSecrets,
      DATABASE_URL: 'postgres://spis:pw@db:5432/spis',
      DATABASE_SSL: 'true',
      DATABASE_SSL_REJECT_UNAUTHORIZED: 'false',
      DATABASE_POOL_MIN: '0',
      DATABASE_POOL_MAX: '25',
    });
    expect(env).toMatchObject({ DATABASE_SSL: true, DATABASE_SSL_REJECT_UNAUTHORIZED: false, DATABASE_POOL_MIN: 0, DATABASE_POOL_MAX: 25 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/spis' }, 'DATABASE_URL'],
    [{ DATABASE_SSL: 'maybe' }, 'DATABASE_SSL'],
    [{ DATABASE_POOL_MIN: '20', DATABASE_POOL_MAX: '5' }, 'DATABASE_POOL_MIN'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('names the variable when %j is wrong', (wrong, name) => {
    const problems = problemsOf({ ...realSecrets, ...wrong });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('allows any origin in development unless told otherwise, and checks the list', () => {
    expect(parseEnv({ ...realSecrets }).CORS_ORIGINS).toBe('*');
    expect(parseEnv({ ...realSecrets, CORS_ORIGINS: 'http://localhost:3000' }).CORS_ORIGINS).toEqual(['http://localhost:3000']);
    expect(problemsOf({ ...realSecrets, CORS_ORIGINS: 'partner.ba' })).toEqual(['CORS_ORIGINS: must be origins like https://partner.example.org, separated by commas']);
  });

  it('takes a feed link template with known placeholders that gives each language version its own address', () => {
    const template = 'https://www.partner.ba/{locale}/{type}/{slug}';
    expect(parseEnv({ ...realSecrets, FEED_LINK_TEMPLATE: template }).FEED_LINK_TEMPLATE).toBe(template);
    expect(problemsOf({ ...realSecrets, FEED_LINK_TEMPLATE: 'https://www.partner.ba/{locale}/{lang}/{slug}' })).toEqual([
      'FEED_LINK_TEMPLATE: may use only the placeholders {type} {documentId} {locale} {slug}',
    ]);
    expect(problemsOf({ ...realSecrets, FEED_LINK_TEMPLATE: 'https://www.partner.ba/vijesti/{slug}' })).toEqual([
      'FEED_LINK_TEMPLATE: must contain {locale} and {slug} or {documentId}, so each language version has its own address',
    ]);
    expect(problemsOf({ ...realSecrets, FEED_LINK_TEMPLATE: 'ftp://{locale}/{slug}' })).toHaveLength(1);
  });

  describe('in production', () => {
    it('starts with real secrets', () => {
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets })).toEqual([]);
    });

    it('refuses every missing secret, by name', () => {
      const problems = problemsOf({ NODE_ENV: 'production' });
      expect(problems).toEqual(SECRET_NAMES.map((name) => `${name}: is required in production`));
    });

    it.each(['tobemodified', 'toBeModified1', 'changeme', 'CHANGE_ME_PLEASE_NOW', 'your-secret-here-xyz', 'short'])('refuses the placeholder %s', (placeholder) => {
      const problems = problemsOf({ NODE_ENV: 'production', ...realSecrets, JWT_SECRET: placeholder });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^JWT_SECRET: is a placeholder/);
    });

    it('needs TRUST_PROXY behind HTTPS in production, so the admin cookies can be Secure', () => {
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, PUBLIC_URL: 'https://spis.example.org' })).toEqual([
        'TRUST_PROXY: must be true when PUBLIC_URL is https:// (TLS ends at a proxy, which says so in X-Forwarded-Proto; without it the admin cookies would not be Secure)',
      ]);
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, PUBLIC_URL: 'https://spis.example.org', TRUST_PROXY: 'true' })).toEqual([]);
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, PUBLIC_URL: 'http://intranet.local' })).toEqual([]);
    });

    it('allows only listed origins and its own: never *', () => {
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, CORS_ORIGINS: '*' })).toEqual(['CORS_ORIGINS: must list the allowed origins in production, not *']);
      const env = parseEnv({
        NODE_ENV: 'production',
        ...realSecrets,
        PUBLIC_URL: 'https://spis.example.org/cms',
        TRUST_PROXY: 'true',
        CORS_ORIGINS: 'https://partner.ba, https://unicef.example',
      });
      expect(env.CORS_ORIGINS).toEqual(['https://spis.example.org', 'https://partner.ba', 'https://unicef.example']);
      expect(parseEnv({ NODE_ENV: 'production', ...realSecrets }).CORS_ORIGINS).toEqual([]);
    });

    it('takes a first admin only as a pair, with a password Strapi accepts and no placeholder', () => {
      const admin = { ADMIN_EMAIL: 'komunikacije@spis.example.org', ADMIN_PASSWORD: 'Ljiljan-2026-Sarajevo' };
      expect(parseEnv({ NODE_ENV: 'production', ...realSecrets, ...admin })).toMatchObject(admin);
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, ADMIN_EMAIL: admin.ADMIN_EMAIL })).toEqual([
        'ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither',
      ]);
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, ...admin, ADMIN_EMAIL: 'not-an-address' })).toEqual(['ADMIN_EMAIL: Invalid email address']);
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, ...admin, ADMIN_PASSWORD: 'alllowercase1' })).toEqual(['ADMIN_PASSWORD: must contain an upper-case letter']);
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, ...admin, ADMIN_PASSWORD: 'ChangeMe-Vrbas-2026' })).toEqual([
        'ADMIN_PASSWORD: is a placeholder; choose a real password',
      ]);
      expect(problemsOf({ NODE_ENV: 'development', ...realSecrets, ...admin, ADMIN_PASSWORD: 'ChangeMe-Vrbas-2026' })).toEqual([]);
      // The staff rule: at least 12 characters and hard to guess; the value is never repeated.
      expect(problemsOf({ NODE_ENV: 'development', ...realSecrets, ...admin, ADMIN_PASSWORD: 'Password1' })).toEqual(['ADMIN_PASSWORD: must have at least 12 characters']);
      const [weak] = problemsOf({ NODE_ENV: 'development', ...realSecrets, ...admin, ADMIN_PASSWORD: 'Password1234' });
      expect(weak).toMatch(/^ADMIN_PASSWORD: is too easy to guess/);
      expect(weak).not.toContain('Password1234');
    });

    it('takes a cron rule of five or six fields for scheduled publishing', () => {
      expect(parseEnv({ NODE_ENV: 'production', ...realSecrets }).SCHEDULED_PUBLISH_RULE).toBe('* * * * *');
      expect(parseEnv({ NODE_ENV: 'production', ...realSecrets, SCHEDULED_PUBLISH_RULE: '*/10 * * * * *' }).SCHEDULED_PUBLISH_RULE).toBe('*/10 * * * * *');
      expect(problemsOf({ NODE_ENV: 'production', ...realSecrets, SCHEDULED_PUBLISH_RULE: 'every minute' })).toEqual([
        'SCHEDULED_PUBLISH_RULE: must be a cron rule of 5 or 6 fields, e.g. "* * * * *"',
      ]);
    });

    it('refuses APP_KEYS when any one key is a placeholder', () => {
      const problems = problemsOf({ NODE_ENV: 'production', ...realSecrets, APP_KEYS: 'k1Qm9vXr2Tz8pL4a,toBeModified2' });
      expect(problems[0]).toMatch(/^APP_KEYS: /);
    });
  });
});

describe('ensureDevelopmentSecrets', () => {
  const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spis-env-')), '.env');

  it('generates the missing secrets once into .env and keeps existing lines', () => {
    const file = tmp();
    fs.writeFileSync(file, 'PORT=1440');
    const raw: NodeJS.ProcessEnv = { NODE_ENV: 'development', JWT_SECRET: 'kept-value-from-the-shell' };
    ensureDevelopmentSecrets(raw, file);

    const written = fs.readFileSync(file, 'utf8');
    expect(written.startsWith('PORT=1440\n')).toBe(true);
    expect(written).not.toMatch(/^JWT_SECRET=/m);
    for (const name of SECRET_NAMES.filter((n) => n !== 'JWT_SECRET')) {
      expect(written).toContain(`${name}=${raw[name]}`);
    }
    expect(raw.APP_KEYS!.split(',')).toHaveLength(4);
    expect(() => parseEnv(raw)).not.toThrow();

    ensureDevelopmentSecrets(raw, file);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
  });

  it('never generates secrets in production', () => {
    const file = tmp();
    const raw: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
    ensureDevelopmentSecrets(raw, file);
    expect(fs.existsSync(file)).toBe(false);
    expect(raw.APP_KEYS).toBeUndefined();
  });

  it('keeps test secrets in memory only', () => {
    const file = tmp();
    const raw: NodeJS.ProcessEnv = { NODE_ENV: 'test' };
    ensureDevelopmentSecrets(raw, file);
    expect(fs.existsSync(file)).toBe(false);
    expect(raw.ENCRYPTION_KEY).toBeDefined();
  });
});
