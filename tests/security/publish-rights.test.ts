/**
 * One rule for who may publish, on every path: scheduling is publishing later. Staff without the
 * publish right cannot set or change "Publish at" (create, update, another locale: 400 at the
 * field), a clone never
 * inherits a schedule, and when the time comes the scheduler publishes only with the rights the
 * person who last saved the version holds at that moment. The audit log names that person.
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, createAdminUser } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { publishDueVersions } from '../../src/scheduled-publishing';

const NEWS = 'api::news-article.news-article';
const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();
const dayAfterTomorrow = () => new Date(Date.now() + 48 * 3600 * 1000);

let strapi: Core.Strapi;
const staff: Record<string, { jwt: string; email: string }> = {};

async function signIn(code: string) {
  const role = await strapi.service('admin::role').findOne({ code });
  const credentials = await createAdminUser(strapi, [role.id]);
  const login = await api().post('/admin/login').send(credentials);
  return { jwt: login.body.data.token as string, email: credentials.email };
}

const cm = (who: string, method: 'get' | 'post' | 'put' | 'delete', path = '') => contentManagerRequest(staff[who].jwt, method, NEWS, path);
const draftRow = async (documentId: string, locale = 'bs') => strapi.db.query(NEWS).findOne({ where: { documentId, locale, publishedAt: null }, select: ['scheduledPublishAt'] });
const isPublished = async (documentId: string, locale = 'bs') => (await strapi.db.query(NEWS).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;

beforeAll(async () => {
  strapi = await setupStrapi();
  for (const code of ['strapi-editor', 'strapi-author', 'spis-translator-hr']) staff[code] = await signIn(code);
});
afterAll(teardownStrapi);

describe('setting "Publish at" needs the right to publish', () => {
  it('refuses an Author creating a scheduled article, and scheduling its own draft later', async () => {
    const created = await cm('strapi-author', 'post', '?locale=bs').send({ title: 'Autorova zakazana vijest', publicationDate: '2026-12-03', scheduledPublishAt: tomorrow() });
    expect(created.status).toBe(400);
    expect(created.body.error.details.errors[0]).toMatchObject({ path: ['scheduledPublishAt'], message: expect.stringMatching(/needs the right to publish/) });
    const draft = await cm('strapi-author', 'post', '?locale=bs').send({ title: 'Autorova vijest', publicationDate: '2026-12-03' });
    expect(draft.status).toBe(201);
    const scheduled = await cm('strapi-author', 'put', `/${draft.body.data.documentId}?locale=bs`).send({ scheduledPublishAt: tomorrow() });
    expect(scheduled.status).toBe(400);
    expect(scheduled.body.error.message).toMatch(/needs the right to publish/);
    expect((await draftRow(draft.body.data.documentId)).scheduledPublishAt).toBeNull();
  });

  it('refuses a Translator (hr) scheduling the hr version', async () => {
    const source = await cm('strapi-editor', 'post', '?locale=bs').send({ title: 'Vijest za prijevod', publicationDate: '2026-12-03' });
    const documentId = source.body.data.documentId;
    const hr = await cm('spis-translator-hr', 'put', `/${documentId}?locale=hr`).send({ title: 'Vijest za prijevod (hr)', publicationDate: '2026-12-03', scheduledPublishAt: tomorrow() });
    expect(hr.status).toBe(400);
    expect(hr.body.error.message).toMatch(/needs the right to publish/);
    const unscheduled = await cm('spis-translator-hr', 'put', `/${documentId}?locale=hr`).send({ title: 'Vijest za prijevod (hr)', publicationDate: '2026-12-03' });
    expect(unscheduled.status).toBe(200);
  });

  it("takes an unchanged schedule in a saved form as no new schedule; an Author may not save an Editor's draft at all", async () => {
    const at = tomorrow();
    const created = await cm('strapi-editor', 'post', '?locale=bs').send({ title: 'Urednikova zakazana vijest', publicationDate: '2026-12-03', scheduledPublishAt: at });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    // The panel sends the whole form, schedule included.
    const edited = await cm('strapi-editor', 'put', `/${documentId}?locale=bs`).send({ lead: 'Uredničin uvod', scheduledPublishAt: at });
    expect(edited.status).toBe(200);
    // Authors edit only their own documents; an Editor's draft is not theirs to save.
    expect((await cm('strapi-author', 'put', `/${documentId}?locale=bs`).send({ lead: 'Autorov uvod', scheduledPublishAt: at })).status).toBe(403);
  });
});

describe('when the time comes', () => {
  it("publishes on the Editor's behalf and the audit log names them", async () => {
    const created = await cm('strapi-editor', 'post', '?locale=bs').send({ title: 'Objava po rasporedu', publicationDate: '2026-12-03', scheduledPublishAt: tomorrow() });
    const documentId = created.body.data.documentId;
    await publishDueVersions(strapi, dayAfterTomorrow());
    expect(await isPublished(documentId)).toBe(true);
    const entries = await strapi.db.query('plugin::audit-log.entry').findMany({ where: { action: 'publish', subjectDocumentId: documentId } });
    expect(entries).toEqual([expect.objectContaining({ actorType: 'schedule', actorName: staff['strapi-editor'].email })]);
  });

  it('refuses when the last person to save the version may not publish (an Author, a version saved by one)', async () => {
    const draft = await cm('strapi-author', 'post', '?locale=bs').send({ title: 'Autorov nacrt', publicationDate: '2026-12-03' });
    const documentId = draft.body.data.documentId;
    // A schedule that reached the row without the check (an import, a restore, an old version of the app).
    await strapi.db.query(NEWS).update({ where: { documentId, locale: 'bs', publishedAt: null }, data: { scheduledPublishAt: tomorrow() } });
    await publishDueVersions(strapi, dayAfterTomorrow());
    expect(await isPublished(documentId)).toBe(false);
    expect(await strapi.db.query('plugin::audit-log.entry').count({ where: { subjectDocumentId: documentId } })).toBe(0);
  });

  it('refuses when the Editor who scheduled has been blocked since', async () => {
    const editor = await signIn('strapi-editor');
    staff.blocked = editor;
    const created = await cm('blocked', 'post', '?locale=bs').send({ title: 'Zakazao blokirani urednik', publicationDate: '2026-12-03', scheduledPublishAt: tomorrow() });
    expect(created.status).toBe(201);
    const user = await strapi.db.query('admin::user').findOne({ where: { email: editor.email } });
    await strapi.db.query('admin::user').update({ where: { id: user.id }, data: { blocked: true } });
    await publishDueVersions(strapi, dayAfterTomorrow());
    expect(await isPublished(created.body.data.documentId)).toBe(false);
  });
});

it('never copies a schedule into a clone', async () => {
  const source = await cm('strapi-editor', 'post', '?locale=bs').send({ title: 'Izvor klona', publicationDate: '2026-12-03', scheduledPublishAt: tomorrow() });
  const clone = await cm('strapi-author', 'post', `/clone/${source.body.data.documentId}?locale=bs`).send({ title: 'Autorov klon' });
  expect(clone.status).toBe(200);
  expect((await draftRow(clone.body.data.documentId)).scheduledPublishAt).toBeNull();
});
