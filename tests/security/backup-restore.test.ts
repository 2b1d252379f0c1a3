/**
 * Backup and restore, as an operator runs them: `npm run backup` against the live test
 * database, the media files lost, `npm run restore` into a new empty database. The two
 * databases are then compared table by table, row by row, with the drivers directly (not
 * with the backup's own code): nothing lost or changed but the secrets, which are not in the
 * backup at all. A production server started on the restored database serves the same content
 * and media; old passwords and API tokens do not work there until staff set new ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { asAdmin, createAdminUser } from '../helpers/admin';
import { openReader, restoreTarget, runCommand as run, runFailingCommand, testDatabase, type Row } from '../helpers/backup';
import { REAL_SECRETS, STRAPI_BIN, startProductionServer, type ServerProcess } from '../helpers/server-process';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { waitForIdleDatabase } from '../../src/database/idle';

jest.setTimeout(180_000);

const NEWS = 'api::news-article.news-article';
const IMAGE = fs.readFileSync('favicon.png');
/**
 * Credentials and Strapi's schema records: never in a backup (see src/backup/scope.ts). The
 * restored app makes its own (Strapi creates default API tokens on an empty database); none
 * of the original's may be among them.
 */
const CREDENTIAL_TABLES = /^(strapi_api_token|strapi_transfer_token|strapi_sessions$|admin_permissions_api_token_lnk$)/;
const CREDENTIAL_KEYS: Record<string, string> = { strapi_api_tokens: 'access_key', strapi_transfer_tokens: 'access_key', strapi_sessions: 'session_id' };
const BOOKKEEPING_TABLES = ['strapi_database_schema', 'strapi_migrations', 'strapi_migrations_internal'];
const STORE_TABLE = 'strapi_core_store_settings';
const FEED_EPOCH = 'plugin_content-history_feedEpoch';
const SECRET_COLUMNS: Record<string, string[]> = {
  admin_users: ['password', 'reset_password_token', 'reset_password_token_expires_at', 'registration_token'],
  up_users: ['password', 'reset_password_token', 'confirmation_token'],
  webhooks_webhooks: ['secret'],
};
const SIGNING_SECRET = 'partner-signing-secret-0123456789abcdef';

const source = testDatabase();
const restored = restoreTarget('restored');
const restoredEnv = restored.env;

/** Webhook headers as an object (a jsonb object, or text the driver left unparsed). */
const headersOf = (row: Row) => (typeof row.headers === 'string' ? JSON.parse(row.headers) : row.headers) as Record<string, string>;

/** Runs a restore that is expected to fail: its exit status and output (status 0 if it did not fail). */
const restoreExpectingFailure = (directory: string) => runFailingCommand(['database/backup.js', 'restore', directory], restoredEnv);

let strapi: Core.Strapi;
let staff: { email: string; password: string };
let partnerToken: string;
let uploadedFile: { url: string; id: number; formats?: Record<string, { url: string }> | null };
/** The media file as Strapi stored it (it optimizes images on upload). */
let storedImage: Buffer;
let draftArticle: string;
let coverArticle: string;
let webhookId: string;
let signedWebhookId: string;
const siteUser = { username: `citateljka${Date.now()}`, email: `citateljka-${Date.now()}@spis.test`, password: 'Čitateljka-2026!' };
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-backup-'));
let backupOutput: string;
let restoreOutput: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  // State beyond the seed, made the way staff, partners and readers make it.
  staff = await createAdminUser(strapi);
  const login = await api().post('/admin/login').send(staff);
  const jwt: string = login.body.data.token;
  const fullAccess = await createApiToken(strapi, 'full-access');
  partnerToken = await createApiToken(strapi, 'read-only');

  const upload = await asAdmin(jwt, 'post', '/upload').attach('files', IMAGE, { filename: 'radionica-čelinac.png', contentType: 'image/png' });
  expect(upload.status).toBe(201);
  uploadedFile = upload.body[0];
  storedImage = (await api().get(uploadedFile.url).buffer(true)).body;
  expect(storedImage.length).toBeGreaterThan(0);

  const write = (method: 'post' | 'put', url: string, query: Record<string, string>, data: Row) =>
    api()[method](url).set('Authorization', `Bearer ${fullAccess}`).query(query).send({ data });
  const draft = await write('post', '/api/news-articles', { locale: 'bs', status: 'draft' }, { title: 'Nacrt: rezervna kopija u Šamcu', publicationDate: '2026-11-23' });
  expect(draft.status).toBe(201);
  draftArticle = draft.body.data.documentId;
  const article = await write(
    'post',
    '/api/news-articles',
    { locale: 'bs' },
    { title: 'Radionica u Čelincu', publicationDate: '2026-11-20', cover: uploadedFile.id, coverAlt: 'Djeca na radionici u Čelincu' }
  );
  expect(article.status).toBe(201);
  coverArticle = article.body.data.documentId;
  expect((await write('put', `/api/news-articles/${coverArticle}`, { locale: 'bs', status: 'draft' }, { title: 'Radionica u Čelincu (neobjavljena izmjena)' })).status).toBe(200);

  const webhook = await asAdmin(jwt, 'post', '/admin/webhooks').send({
    name: 'Partner site rebuild',
    url: 'https://partner.example.org/rebuild',
    headers: { Authorization: 'Bearer partner-webhook-secret' },
    events: ['entry.publish'],
  });
  expect(webhook.status).toBe(201);
  webhookId = webhook.body.data.id;
  // Kept, never called: nothing here may reach the internet.
  const disabled = await asAdmin(jwt, 'put', `/admin/webhooks/${webhookId}`).send({ ...webhook.body.data, id: undefined, isEnabled: false });
  expect(disabled.status).toBe(200);
  const signed = await asAdmin(jwt, 'post', '/content-manager/collection-types/plugin::webhooks.webhook').send({
    name: 'Partner site (signed)',
    url: 'https://partner.example.org/spis-hook',
    secret: SIGNING_SECRET,
    events: ['entry.publish'],
    enabled: false,
  });
  expect(signed.status).toBe(201);
  signedWebhookId = signed.body.data.documentId;
  // Public sign-up is closed; a site user is added by staff in the content manager.
  const roles = (await asAdmin(jwt, 'get', '/users-permissions/roles')).body.roles as { id: number; type: string }[];
  const authenticated = roles.find((role) => role.type === 'authenticated')!;
  const user = await asAdmin(jwt, 'post', '/content-manager/collection-types/plugin::users-permissions.user').send({ ...siteUser, confirmed: true, role: authenticated.id });
  expect(user.status).toBe(201);
  await waitForIdleDatabase(strapi);

  backupOutput = run(['database/backup.js', 'create', backupDir]);
  // The disaster: this test's media files are gone with the old machine (the image and its
  // resized formats; other files in a developer's public/uploads are left alone).
  const lost = [uploadedFile.url, ...Object.values(uploadedFile.formats ?? {}).map((format) => format.url)];
  for (const url of lost) fs.rmSync(path.join('public', url));
  expect(fs.existsSync(path.join('public', uploadedFile.url))).toBe(false);

  await restored.recreate();
  restoreOutput = run(['database/backup.js', 'restore', backupDir], restoredEnv);
});

afterAll(async () => {
  await strapi.documents(NEWS).delete({ documentId: draftArticle, locale: '*' });
  await strapi.documents(NEWS).delete({ documentId: coverArticle, locale: '*' });
  if (webhookId) await strapi.get('webhookStore').deleteWebhook(webhookId);
  if (signedWebhookId) await strapi.db.query('plugin::webhooks.webhook').delete({ where: { documentId: signedWebhookId } });
  await teardownStrapi();
});

it('says what it wrote and what it left out', () => {
  expect(backupOutput).toMatch(/backup: \d+ tables, \d+ rows, \d+ media files in /);
  expect(backupOutput).toContain('strapi_api_tokens');
  expect(backupOutput).not.toContain('warning');
  expect(restoreOutput).toMatch(/restore: \d+ tables, \d+ rows, \d+ media files from /);
  expect(restoreOutput).toContain('admin:reset-user-password');
});

it('keeps no secret: no password hash, token, webhook header value or signing secret is in the backup files', () => {
  const everything = fs
    .readdirSync(path.join(backupDir, 'tables'))
    .map((file) => fs.readFileSync(path.join(backupDir, 'tables', file), 'utf8'))
    .join('\n');
  expect(everything).not.toMatch(/\$2[aby]\$/); // bcrypt hashes
  expect(everything).not.toContain('partner-webhook-secret');
  expect(everything).not.toContain(SIGNING_SECRET);
  expect(everything).toContain('Partner site (signed)');
  expect(everything).not.toContain(partnerToken);
  expect(everything).toContain('Nacrt: rezervna kopija u Šamcu');
});

it('restores every table row for row: nothing lost or changed but the secrets', async () => {
  const from = await openReader(source);
  const to = await openReader(restored);
  try {
    const tables = await from.tables();
    expect(await to.tables()).toEqual(tables);
    let compared = 0;
    for (const table of tables.filter((name) => !BOOKKEEPING_TABLES.includes(name))) {
      // Strapi's weekly upload-metrics job may stamp its store entry after the snapshot was taken;
      // the feed of changes starts a new epoch on purpose (checked below).
      const [original, copy] = [await from.rows(table), await to.rows(table)].map((rows) => rows.filter((row) => row.key !== 'plugin_upload_metrics' && row.key !== FEED_EPOCH));
      if (CREDENTIAL_TABLES.test(table)) {
        const key = CREDENTIAL_KEYS[table];
        if (key) expect(copy.filter((row) => original.some((known) => known[key] === row[key]))).toEqual([]);
        continue;
      }
      const blanked = original.map((row) => {
        const expected: Row = { ...row };
        for (const column of SECRET_COLUMNS[table] ?? []) expected[column] = null;
        if (table === 'strapi_webhooks') expected.headers = Object.fromEntries(Object.keys(headersOf(row)).map((name) => [name, '']));
        return expected;
      });
      const restoredRows = table === 'strapi_webhooks' ? copy.map((row) => ({ ...row, headers: headersOf(row) })) : copy;
      expect({ table, rows: restoredRows }).toEqual({ table, rows: blanked });
      compared += original.length;
    }
    expect(compared).toBeGreaterThan(1_000);
    const epochOf = async (reader: typeof from) => (await reader.rows(STORE_TABLE)).filter((row) => row.key === FEED_EPOCH).map((row) => row.value);
    const [before, after] = [await epochOf(from), await epochOf(to)];
    expect([before.length, after.length]).toEqual([1, 1]);
    expect(after[0]).not.toBe(before[0]);
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
});

describe('a production server on the restored database', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startProductionServer({ ...restoredEnv, PUBLIC_URL: 'https://spis.example.org', TRUST_PROXY: 'true' });
  }, 120_000);

  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it.each([
    '/api/news-articles?locale=bs&populate=*',
    '/api/municipalities?locale=sr-Cyrl&pagination[pageSize]=100',
    '/api/programmes?locale=en&populate=*',
    '/api/workshops?locale=hr&fallback=true&populate=*',
  ])('serves %s exactly as the original does', async (url) => {
    const original = await api().get(url);
    const copy = await fetch(`${server.origin}${url}`);
    expect(copy.status).toBe(200);
    expect(await copy.json()).toEqual(original.body);
  });

  it('serves the media file again, byte for byte, and keeps the draft a draft', async () => {
    const image = await fetch(`${server.origin}${uploadedFile.url}`);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(storedImage)).toBe(true);
    const article = (await (await fetch(`${server.origin}/api/news-articles/${coverArticle}?locale=bs&populate=cover`)).json()) as {
      data: { title: string; cover: { url: string } };
    };
    expect(article.data.title).toBe('Radionica u Čelincu');
    expect(article.data.cover.url).toBe(uploadedFile.url);
    expect((await fetch(`${server.origin}/api/news-articles/${draftArticle}?locale=bs`)).status).toBe(404);
  });

  it('refuses the old API token and password until a new one is set, then lets staff in with their role, to write', async () => {
    const withToken = await fetch(`${server.origin}/api/news-articles`, { headers: { Authorization: `Bearer ${partnerToken}` } });
    expect(withToken.status).toBe(401);
    // A new connection per call (supertest): a kept-alive one times out while the reset command runs.
    const post = (url: string, body: Row) => request(server.origin).post(url).send(body);
    expect((await post('/admin/login', staff)).status).toBe(400);

    const password = 'Nova-Lozinka-2026!';
    run([STRAPI_BIN, 'admin:reset-user-password', '--email', staff.email, '--password', password], { ...restoredEnv, ...REAL_SECRETS });
    const login = await post('/admin/login', { email: staff.email, password });
    expect(login.status).toBe(200);
    const me = await request(server.origin).get('/admin/users/me').set('Authorization', `Bearer ${login.body.data.token}`);
    expect(me.body.data.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-super-admin']);
    // New rows get new ids after the restored ones (PostgreSQL sequences were moved on).
    const created = await request(server.origin)
      .post(`/content-manager/collection-types/${NEWS}?locale=bs`)
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .send({ title: 'Prvi članak nakon obnove', publicationDate: '2026-11-24' });
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toBe('prvi-clanak-nakon-obnove');
  });
});

it('refuses to restore into a database that already holds content, and changes nothing', async () => {
  const reader = await openReader(restored);
  const before = await reader.rows('news_articles');
  const failure = restoreExpectingFailure(backupDir);
  expect(failure.status).toBe(1);
  expect(failure.stdout).toMatch(/restore: failed, nothing was changed: the database already holds .*api::news-article.*restore only into an empty database/);
  expect(await reader.rows('news_articles')).toEqual(before);
  await reader.close();
});

it('refuses a damaged or tampered backup before touching the database', () => {
  const damaged = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-backup-damaged-'));
  fs.cpSync(backupDir, damaged, { recursive: true });
  fs.appendFileSync(path.join(damaged, 'tables', 'news_articles.jsonl'), '{"id": 999999}\n');
  expect(restoreExpectingFailure(damaged).stdout).toContain('the backup is damaged: tables/news_articles.jsonl missing or changed');

  // A manifest that would make the restore write outside public/uploads/.
  const manifestFile = path.join(damaged, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  manifest.uploads.files.push({ path: '../../escaped.txt', bytes: 1, sha256: 'x' });
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  expect(restoreExpectingFailure(damaged).stdout).toContain('must be a path inside uploads/');
});
