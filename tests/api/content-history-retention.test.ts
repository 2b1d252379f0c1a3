/**
 * How long history and the feed are kept, with small limits: past HISTORY_KEEP_VERSIONS or
 * HISTORY_KEEP_DAYS a version goes, but the newest of each language version and status (its
 * current state, or its removal) always stays, however old; past CHANGES_KEEP_DAYS feed changes
 * go, and a cursor from before them answers 410 while `since=now` and later cursors still work.
 *
 * Pruning works on whole tables, so this file runs on a database of its own (empty, no import),
 * where every row is one it made; nothing another test file reads is pruned.
 */
import type { Core } from '@strapi/strapi';
import { restoreTarget } from '../helpers/backup';
import { CHANGE, VERSION, versionsOf, type Version } from '../helpers/history';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { pruneHistory } from '../../src/plugins/content-history/server/retention';

const DAY = 86_400_000;
const NEWS = 'api::news-article.news-article';
const database = restoreTarget('history_retention');
/** The settings this file changes, to put back after it. */
const SETTINGS = ['DATABASE_URL', 'DATABASE_FILENAME', 'SEED_ON_EMPTY_DATABASE', 'HISTORY_KEEP_VERSIONS', 'HISTORY_KEEP_DAYS', 'CHANGES_KEEP_DAYS'];
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));

let strapi: Core.Strapi;
let token: string;

const write = (method: 'post' | 'put', path: string, query: Record<string, string>, data: Record<string, unknown>) =>
  api()[method](`/api/news-articles${path}`).set('Authorization', `Bearer ${token}`).query(query).send({ data });

/**
 * A news article in bs saved `saves` times as a draft, then published `publishes` times with a
 * change each (each publish also saves the draft): saves + publishes draft versions, publishes
 * published ones.
 */
async function articleWithHistory(title: string, saves: number, publishes: number): Promise<string> {
  const created = await write('post', '', { locale: 'bs', status: 'draft' }, { title, publicationDate: '2026-12-18', lead: 'Uvod 0' });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId;
  for (let n = 1; n < saves; n++) expect((await write('put', `/${documentId}`, { locale: 'bs', status: 'draft' }, { lead: `Uvod ${n}` })).status).toBe(200);
  for (let n = 0; n < publishes; n++) expect((await write('put', `/${documentId}`, { locale: 'bs', status: 'published' }, { dateline: `Objava ${n}` })).status).toBe(200);
  return documentId;
}

/** Makes these versions (or feed changes) look `days` old. */
const age = (uid: typeof VERSION | typeof CHANGE, ids: number[], days: number) =>
  strapi.db.query(uid).updateMany({ where: { id: { $in: ids } }, data: { at: new Date(Date.now() - days * DAY) } });

const ofStatus = (versions: Version[], status: string, locale = 'bs') => versions.filter((version) => version.status === status && version.locale === locale);
const ids = (versions: Version[]) => versions.map((version) => version.id);

const changes = (query: Record<string, string>) => api().get('/api/changes').query(query);

beforeAll(async () => {
  await database.recreate();
  Object.assign(process.env, database.env, { SEED_ON_EMPTY_DATABASE: 'false', HISTORY_KEEP_VERSIONS: '3', HISTORY_KEEP_DAYS: '30', CHANGES_KEEP_DAYS: '60' });
  strapi = await setupStrapi();
  token = (await strapi.service('admin::api-token').create({ name: `history-retention-${Date.now()}`, type: 'full-access', lifespan: null })).accessKey;
});

afterAll(async () => {
  await teardownStrapi();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await database.drop();
});

describe('versions', () => {
  it('by count: the newest keepVersions of each language version and status stay', async () => {
    const documentId = await articleWithHistory('Vijest s mnogo verzija', 7, 2);
    expect((await write('put', `/${documentId}`, { locale: 'hr', status: 'draft' }, { title: 'Vijest (hr)', lead: 'Uvod (hr)' })).status).toBe(200);
    const before = await versionsOf(strapi, documentId);
    expect([ofStatus(before, 'draft').length, ofStatus(before, 'published').length, ofStatus(before, 'draft', 'hr').length]).toEqual([9, 2, 1]);

    const pruned = await pruneHistory(strapi, { keepVersions: 3, keepDays: 0, changesKeepDays: 36_500 });
    expect(pruned).toEqual({ versions: 6, changes: 0 });
    const after = await versionsOf(strapi, documentId);
    expect(ids(ofStatus(after, 'draft'))).toEqual(ids(ofStatus(before, 'draft')).slice(-3));
    expect(ids(ofStatus(after, 'published'))).toEqual(ids(ofStatus(before, 'published')));
    expect(ids(ofStatus(after, 'draft', 'hr'))).toEqual(ids(ofStatus(before, 'draft', 'hr')));
  });

  it('by age: older versions go, and the newest of each stays however old, a removal too', async () => {
    const documentId = await articleWithHistory('Stara vijest', 4, 2);
    expect((await write('put', `/${documentId}`, { locale: 'en', status: 'draft' }, { title: 'Old news', lead: 'Lead' })).status).toBe(200);
    expect((await api().delete(`/api/news-articles/${documentId}`).set('Authorization', `Bearer ${token}`).query({ locale: 'en' })).status).toBe(204);
    const before = await versionsOf(strapi, documentId);
    const [drafts, published, english] = [ofStatus(before, 'draft'), ofStatus(before, 'published'), ofStatus(before, 'draft', 'en')];
    expect(english.map((version) => version.values === null)).toEqual([false, true]);
    // Two old drafts and two young ones; every published and English version old.
    await age(VERSION, [...ids(drafts.slice(0, 2)), ...ids(published), ...ids(english)], 100);

    const pruned = await pruneHistory(strapi, { keepVersions: 0, keepDays: 30, changesKeepDays: 36_500 });
    expect(pruned.versions).toBe(4);
    const after = await versionsOf(strapi, documentId);
    expect(ids(ofStatus(after, 'draft'))).toEqual(ids(drafts.slice(2)));
    expect(ids(ofStatus(after, 'published'))).toEqual(ids(published.slice(-1)));
    expect(ofStatus(after, 'draft', 'en')).toEqual([expect.objectContaining({ id: english[1].id, values: null, action: 'delete' })]);
  });

  it('by either limit, whichever a version passes first; with both at 0, none', async () => {
    const documentId = await articleWithHistory('Vijest s obje granice', 5, 0);
    const drafts = ofStatus(await versionsOf(strapi, documentId), 'draft');
    await age(VERSION, [drafts[3].id], 100); // the second newest: within the count, past the age
    expect(await pruneHistory(strapi, { keepVersions: 0, keepDays: 0, changesKeepDays: 36_500 })).toEqual({ versions: 0, changes: 0 });
    await pruneHistory(strapi, { keepVersions: 4, keepDays: 30, changesKeepDays: 36_500 });
    expect(ids(ofStatus(await versionsOf(strapi, documentId), 'draft'))).toEqual([drafts[1].id, drafts[2].id, drafts[4].id]);
  });

  it('answers 404 for a pruned version in the history panel, and shows the oldest kept one against nothing', async () => {
    const documentId = await articleWithHistory('Vijest za panel', 3, 0);
    const drafts = ofStatus(await versionsOf(strapi, documentId), 'draft');
    await pruneHistory(strapi, { keepVersions: 2, keepDays: 0, changesKeepDays: 36_500 });
    const superAdmin = await strapi.service('admin::user').create({
      email: `istorija-${Date.now()}@spis.test`,
      firstname: 'Istorija',
      lastname: 'Šehić',
      password: 'Urednica-2026!',
      isActive: true,
      roles: [(await strapi.service('admin::role').getSuperAdmin()).id],
    });
    const login = await api().post('/admin/login').send({ email: superAdmin.email, password: 'Urednica-2026!' });
    const panel = (path: string) => api().get(`/content-history${path}`).set('Authorization', `Bearer ${login.body.data.token}`);
    expect((await panel(`/versions/${drafts[0].id}`)).status).toBe(404);
    const oldest = await panel(`/versions/${drafts[1].id}`);
    expect(oldest.status).toBe(200);
    expect(oldest.body.data.compareTo).toBeNull();
    const listed = await panel(`/documents/${NEWS}/${documentId}/versions?locale=bs`);
    expect(listed.body.results.map((version: { id: number }) => version.id)).toEqual([drafts[2].id, drafts[1].id]);
  });
});

describe('the feed', () => {
  it('answers 410 for a cursor from before the pruned changes; later cursors and since=now still work', async () => {
    const before: string = (await changes({ since: 'now' })).body.meta.cursor;
    const documentId = await articleWithHistory('Vijest za feed', 1, 1);
    const first = await changes({ since: before });
    expect(first.body.data.map((change: { documentId: string; change: string }) => [change.documentId, change.change])).toEqual([[documentId, 'published']]);
    const atFirst: string = first.body.meta.cursor;
    expect((await write('put', `/${documentId}`, { locale: 'bs', status: 'published' }, { lead: 'Novi uvod' })).status).toBe(200);

    const old = (await strapi.db.query(CHANGE).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } })) as Array<{ id: number }>;
    expect(old).toHaveLength(2);
    await age(CHANGE, [old[0].id], 100);
    const pruned = await pruneHistory(strapi, { keepVersions: 0, keepDays: 0, changesKeepDays: 60 });
    expect(pruned.changes).toBeGreaterThanOrEqual(1);
    expect(await strapi.db.query(CHANGE).count({ where: { id: { $lte: old[0].id } } })).toBe(0);

    for (const query of [{ since: before }, {}] as Array<Record<string, string>>) {
      const gone = await changes(query);
      expect([JSON.stringify(query), gone.status]).toEqual([JSON.stringify(query), 410]);
      expect(gone.body.error).toMatchObject({ status: 410, name: 'GoneError', message: expect.stringMatching(/CHANGES_KEEP_DAYS.*since=now/) });
    }
    // A cursor at the last pruned change missed nothing: it goes on.
    const after = await changes({ since: atFirst });
    expect(after.status).toBe(200);
    expect(after.body.data.map((change: { documentId: string; change: string }) => [change.documentId, change.change])).toEqual([[documentId, 'updated']]);
    // since=now starts a reader afresh, and it sees what comes next.
    const now = await changes({ since: 'now' });
    expect([now.status, now.body.data]).toEqual([200, []]);
    expect((await write('put', `/${documentId}`, { locale: 'bs', status: 'published' }, { lead: 'Još noviji uvod' })).status).toBe(200);
    const next = await changes({ since: now.body.meta.cursor });
    expect(next.body.data.map((change: { change: string }) => change.change)).toEqual(['updated']);
  });
});

describe('the configured retention', () => {
  it('is what the daily task runs, with HISTORY_KEEP_VERSIONS, HISTORY_KEEP_DAYS and CHANGES_KEEP_DAYS', async () => {
    expect(strapi.config.get('plugin::content-history')).toMatchObject({ keepVersions: 3, keepDays: 30, changesKeepDays: 60 });
    const documentId = await articleWithHistory('Vijest za dnevni zadatak', 6, 0);
    const drafts = ofStatus(await versionsOf(strapi, documentId), 'draft');
    const task = strapi.config.get<{ contentHistoryRetention: { task: (args: { strapi: Core.Strapi }) => Promise<{ versions: number; changes: number }> } }>('server.cron.tasks');
    expect((await task.contentHistoryRetention.task({ strapi })).versions).toBeGreaterThanOrEqual(3);
    expect(ids(ofStatus(await versionsOf(strapi, documentId), 'draft'))).toEqual(ids(drafts.slice(-3)));
  });
});
