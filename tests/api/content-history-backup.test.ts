/**
 * History survives a backup and a restore into a new database (`npm run backup`, `npm run
 * restore`, as an operator runs them): on a production server of the restored database staff see
 * the same versions of a document, compare and restore them, and new versions follow the old
 * ones. The feed starts a new epoch there: a cursor from before the restore answers 410, and
 * `since=now` gives one to follow. (Row-for-row equality of every table, history included, is
 * tests/security/backup-restore.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { contentManagerRequest, createAdminUser } from '../helpers/admin';
import { restoreTarget, runCommandAsync } from '../helpers/backup';
import { versionsOf, type Version } from '../helpers/history';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createBackup } from '../../src/backup';
import { waitForIdleDatabase } from '../../src/database/idle';

jest.setTimeout(120_000);

const NEWS = 'api::news-article.news-article';
const restored = restoreTarget('history_restored');
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-history-backup-'));
const PASSWORD = 'Nova-Lozinka-2026!';
/** `node -e` on the restored database: the restore, then a password (as `strapi admin:reset-user-password` sets it). */
const RESTORE = `
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
(async () => {
  const appDir = process.cwd();
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    await require(path.join(appDir, 'dist', 'src', 'backup')).restoreBackup(strapi, process.argv[1]);
    await strapi.service('admin::user').resetPasswordByEmail(process.argv[2], process.argv[3]);
  } finally {
    await strapi.destroy();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});`;

let strapi: Core.Strapi;
let server: ServerProcess | undefined;
let documentId: string;
let history: Version[];
/** A cursor handed out by the original database, after the document's changes. */
let cursor: string;
let jwt: string;

const onRestored = () => request(server!.origin);

beforeAll(async () => {
  strapi = await setupStrapi();
  const staff = await createAdminUser(strapi);
  const login = await api().post('/admin/login').send(staff);
  const original = login.body.data.token as string;
  const created = await contentManagerRequest(original, 'post', NEWS, '?locale=bs').send({ title: 'Vijest prije obnove', publicationDate: '2026-12-19', lead: 'Prvi uvod.' });
  documentId = created.body.data.documentId;
  expect((await contentManagerRequest(original, 'post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({ locale: 'bs' })).status).toBe(200);
  expect((await contentManagerRequest(original, 'put', NEWS, `/${documentId}?locale=bs`).send({ lead: 'Drugi uvod.' })).status).toBe(200);
  history = await versionsOf(strapi, documentId);
  expect(history.map(({ status, action }) => `${status} ${action}`)).toEqual(['draft create', 'published publish', 'draft update']);
  cursor = (await api().get('/api/changes').query({ since: 'now' })).body.meta.cursor;

  // The backup and the restore of `npm run backup` / `npm run restore` (src/backup), without the
  // commands' compile step (the app is compiled already): the restore in a process loaded on the
  // new database, which also gives the staff member a password there (the backup has none).
  await waitForIdleDatabase(strapi);
  await createBackup(strapi, backupDir);
  await restored.recreate();
  const restoring = await runCommandAsync(['-e', RESTORE, backupDir, staff.email, PASSWORD], { ...restored.env, SEED_ON_EMPTY_DATABASE: 'false', LOG_LEVEL: 'warn' });
  expect(restoring).toEqual({ status: 0, stdout: expect.any(String) });
  server = await startProductionServer(restored.env);
  const restoredLogin = await request(server.origin).post('/admin/login').send({ email: staff.email, password: PASSWORD });
  expect(restoredLogin.status).toBe(200);
  jwt = restoredLogin.body.data.token;
});

afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await server?.exited();
  await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  await teardownStrapi();
  await restored.drop();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

it('keeps every version: the history panel of the restored database lists and compares them as before', async () => {
  const listed = await onRestored().get(`/content-history/documents/${NEWS}/${documentId}/versions?locale=bs`).set('Authorization', `Bearer ${jwt}`);
  expect(listed.status).toBe(200);
  expect(listed.body.results).toEqual(
    [...history]
      .reverse()
      .map((version) => expect.objectContaining({ id: version.id, status: version.status, action: version.action, path: 'panel', changedFields: version.changedFields }))
  );
  const latest = await onRestored().get(`/content-history/versions/${history[2].id}`).set('Authorization', `Bearer ${jwt}`);
  expect(latest.body.data.version.values).toEqual(history[2].values);
  expect(latest.body.data.changes).toEqual([{ field: 'lead', before: 'Prvi uvod.', after: 'Drugi uvod.', words: expect.any(Array) }]);
});

it('restores an old version there; the new version follows the restored ones', async () => {
  const restore = await onRestored()
    .post(`/content-history/versions/${history[0].id}/restore`)
    .set('Authorization', `Bearer ${jwt}`)
    .send({ fields: ['lead'] });
  expect(restore.status).toBe(200);
  expect(restore.body.data.draft.lead).toBe('Prvi uvod.');
  const listed = await onRestored().get(`/content-history/documents/${NEWS}/${documentId}/versions?locale=bs`).set('Authorization', `Bearer ${jwt}`);
  const [newest] = listed.body.results;
  expect(newest).toMatchObject({ action: 'update', status: 'draft', changedFields: ['lead'] });
  expect(newest.id).toBeGreaterThan(Math.max(...history.map((version) => version.id)));
  // The original database is untouched by what happens in the copy.
  expect((await versionsOf(strapi, documentId)).map((version) => version.id)).toEqual(history.map((version) => version.id));
});

it('answers 410 for a cursor of the original feed, and gives a new one with since=now', async () => {
  const gone = await onRestored().get('/api/changes').query({ since: cursor });
  expect(gone.status).toBe(410);
  expect(gone.body.error.message).toMatch(/restored from a backup.*since=now/);
  expect((await api().get('/api/changes').query({ since: cursor })).status).toBe(200);

  const now = await onRestored().get('/api/changes').query({ since: 'now' });
  expect([now.status, now.body.data]).toEqual([200, []]);
  const published = await onRestored()
    .post(`/content-manager/collection-types/${NEWS}/${documentId}/actions/publish?locale=bs`)
    .set('Authorization', `Bearer ${jwt}`)
    .send({ locale: 'bs' });
  expect(published.status).toBe(200);
  const next = await onRestored().get('/api/changes').query({ since: now.body.meta.cursor });
  expect(next.body.data).toEqual([expect.objectContaining({ documentId, locale: 'bs', change: 'updated' })]);
});
