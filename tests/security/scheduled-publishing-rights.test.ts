/**
 * A scheduled publish is a publish: only someone who may publish can schedule, the scheduler's
 * rights are checked again when the time comes, and the audit log names them. The attacks of
 * issue 16: an Author or a Translator setting "Publish at" in the past, an Author editing a
 * version an Editor scheduled, an Author cloning a scheduled article; and schedules whose
 * scheduler was demoted, blocked or deleted before the time came.
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, createAdminUser } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { deleteNewsCreatedSince } from '../helpers/cleanup';

jest.setTimeout(120_000);

const NEWS = 'api::news-article.news-article';
const ENTRY = 'plugin::audit-log.entry';

let strapi: Core.Strapi;
const fileStarted = new Date();
const roleIds: Record<string, number> = {};
let editor: Staff;
let author: Staff;

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (condition: () => Promise<boolean>, seconds: number) => {
  for (const started = Date.now(); Date.now() - started < seconds * 1000; await sleep(250)) if (await condition()) return true;
  return false;
};

type Staff = { jwt: string; email: string; id: number };
/** A new staff member, logged in (sign-ins are rate-limited: the tests share where they can). */
async function staff(roleCode: string): Promise<Staff> {
  const credentials = await createAdminUser(strapi, [roleIds[roleCode]]);
  const login = await api().post('/admin/login').send(credentials);
  expect(login.status).toBe(200);
  return { jwt: login.body.data.token, email: credentials.email, id: login.body.data.user.id };
}
const cm = (who: Staff, method: 'post' | 'put', path = '') => contentManagerRequest(who.jwt, method, NEWS, path);

async function draft(who: Staff, data: Record<string, unknown> = {}): Promise<string> {
  const response = await cm(who, 'post', '?locale=bs').send({ title: `Zakazano ${Math.random().toString(36).slice(2)}`, publicationDate: '2026-11-28', ...data });
  expect(response.status).toBe(201);
  return response.body.data.documentId;
}
const isPublic = async (documentId: string, locale = 'bs') => (await api().get(`/api/news-articles/${documentId}`).query({ locale })).status === 200;
const draftRow = (documentId: string, locale = 'bs') => strapi.db.query(NEWS).findOne({ where: { documentId, locale, publishedAt: null } });
const auditOf = (documentId: string) => strapi.db.query(ENTRY).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  process.env.SCHEDULED_PUBLISH_RULE = '* * * * * *';
  strapi = await setupStrapi();
  for (const code of ['strapi-editor', 'strapi-author', 'spis-translator-hr']) roleIds[code] = (await strapi.service('admin::role').findOne({ code })).id;
  editor = await staff('strapi-editor');
  author = await staff('strapi-author');
});

afterAll(async () => {
  delete process.env.SCHEDULED_PUBLISH_RULE;
  await deleteNewsCreatedSince(strapi, fileStarted);
  await teardownStrapi();
});

it('refuses "Publish at" from an Author or a Translator, however they send it, and nothing goes out', async () => {
  const translator = await staff('spis-translator-hr');
  const past = inSeconds(-60);

  const created = await cm(author, 'post', '?locale=bs').send({ title: 'Autorica zakazuje', publicationDate: '2026-11-28', scheduledPublishAt: past });
  expect(created.status).toBe(403);
  expect(created.body.error.message).toMatch(/Publish at.*right to publish/);

  const own = await draft(author);
  expect((await cm(author, 'put', `/${own}?locale=bs`).send({ scheduledPublishAt: past })).status).toBe(403);

  const others = await draft(editor);
  expect((await cm(translator, 'put', `/${others}?locale=hr`).send({ title: 'Prevedeno', scheduledPublishAt: past })).status).toBe(403);
  expect((await cm(translator, 'put', `/${others}?locale=hr`).send({ title: 'Prevedeno' })).status).toBe(200);

  await sleep(2500);
  expect(await isPublic(own)).toBe(false);
  expect(await isPublic(others, 'hr')).toBe(false);
  expect((await draftRow(own)).scheduledPublishAt).toBeNull();
  expect((await draftRow(others, 'hr')).scheduledPublishAt).toBeNull();
});

it('publishes at the time on the scheduler’s word, and the audit log names the scheduler', async () => {
  const documentId = await draft(editor, { scheduledPublishAt: inSeconds(1) });
  expect(await until(() => isPublic(documentId), 15)).toBe(true);
  // The entry is written just after the publish commits.
  expect(await until(async () => (await auditOf(documentId)).length > 0, 5)).toBe(true);
  const [entry] = await auditOf(documentId);
  expect(entry).toMatchObject({ action: 'publish', actorType: 'admin', actorId: String(editor.id), actorName: `scheduled by ${editor.email}` });
});

it('refuses the publish when the time comes if the scheduler was demoted, blocked or deleted: a logged draft', async () => {
  const [demoted, blocked, deleted] = [await staff('strapi-editor'), await staff('strapi-editor'), await staff('strapi-editor')];
  const at = inSeconds(4);
  const documents = {
    demoted: await draft(demoted, { scheduledPublishAt: at }),
    blocked: await draft(blocked, { scheduledPublishAt: at }),
    deleted: await draft(deleted, { scheduledPublishAt: at }),
  };
  // Scheduled before schedulers were recorded: nobody stands behind it.
  const legacy = await draft(demoted);
  await strapi.db.query(NEWS).update({ where: { documentId: legacy, locale: 'bs', publishedAt: null }, data: { scheduledPublishAt: at } });

  await strapi.service('admin::user').updateById(demoted.id, { roles: [roleIds['strapi-author']] });
  await strapi.service('admin::user').updateById(blocked.id, { blocked: true });
  await strapi.service('admin::user').deleteById(deleted.id);

  const all = [...Object.values(documents), legacy];
  const settled = async () => (await Promise.all(all.map(async (id) => (await draftRow(id)).scheduledPublishAt === null))).every(Boolean);
  expect(await until(settled, 20)).toBe(true);
  for (const documentId of all) expect(await isPublic(documentId)).toBe(false);

  const refusals = await Promise.all(all.map(async (id) => (await auditOf(id)).map((entry) => `${entry.action} ${entry.actorType} ${entry.actorName}`)));
  expect(refusals).toEqual([
    [`scheduledPublishRefused admin scheduled by ${demoted.email}`],
    [`scheduledPublishRefused admin scheduled by ${blocked.email}`],
    [`scheduledPublishRefused admin scheduled by user ${deleted.id}`],
    ['scheduledPublishRefused system null'],
  ]);
});

it('keeps a version an Editor scheduled as the Editor approved it: an Author may only unschedule it', async () => {
  const documentId = await draft(author);
  const at = inSeconds(3600);
  expect((await cm(editor, 'put', `/${documentId}?locale=bs`).send({ scheduledPublishAt: at })).status).toBe(200);

  // The panel sends the whole form, "Publish at" included.
  const edit = await cm(author, 'put', `/${documentId}?locale=bs`).send({ title: 'Neodobreno', scheduledPublishAt: at });
  expect(edit.status).toBe(403);
  expect(edit.body.error.message).toMatch(/scheduled for publishing/);
  expect((await draftRow(documentId)).title).not.toBe('Neodobreno');

  expect((await cm(author, 'put', `/${documentId}?locale=bs`).send({ title: 'Neodobreno', scheduledPublishAt: null })).status).toBe(200);
  expect(await draftRow(documentId)).toMatchObject({ title: 'Neodobreno', scheduledPublishAt: null, scheduledBy: null });
  // Another Editor's edit keeps the original scheduler.
  expect((await cm(editor, 'put', `/${documentId}?locale=bs`).send({ scheduledPublishAt: at })).status).toBe(200);
  const other = await staff('strapi-editor');
  expect((await cm(other, 'put', `/${documentId}?locale=bs`).send({ title: 'Odobreno', scheduledPublishAt: at })).status).toBe(200);
  expect((await draftRow(documentId)).scheduledBy).toBe(editor.id);
});

it('does not carry a schedule into a clone, and lets only a publisher schedule one', async () => {
  const documentId = await draft(editor, { scheduledPublishAt: inSeconds(3600) });

  const clone = await cm(author, 'post', `/clone/${documentId}`).send({ title: 'Kopija', slug: `kopija-${Date.now()}` });
  expect(clone.status).toBe(200);
  expect(await draftRow(clone.body.data.documentId)).toMatchObject({ scheduledPublishAt: null, scheduledBy: null });

  const scheduled = await cm(author, 'post', `/clone/${documentId}`).send({ title: 'Kopija 2', slug: `kopija-2-${Date.now()}`, scheduledPublishAt: inSeconds(-60) });
  expect(scheduled.status).toBe(403);
});
