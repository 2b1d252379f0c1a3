/**
 * Scheduled publishing with two instances on one PostgreSQL database, as docker-compose scales
 * them: the test's Strapi and a production server (`npm start`), both running the publishing
 * task every second (on SQLite, the test's Strapi alone). Drafts an editor schedules in the admin panel are published at their time, each exactly
 * once (one audit-log entry per version, whichever instance did it), and not before; a later time
 * or none leaves a draft; a draft that cannot be published keeps its time and is tried again.
 * The time never appears in the public API.
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { usesPostgres } from '../helpers/database';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(120_000);

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
const EVERY_SECOND = '* * * * * *';

let strapi: Core.Strapi;
let other: ServerProcess | undefined;
let jwt: string;
const created: Array<[typeof NEWS | typeof WORKSHOP, string]> = [];

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const until = async (condition: () => Promise<boolean>, seconds: number) => {
  for (const started = Date.now(); Date.now() - started < seconds * 1000; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if (await condition()) return true;
  }
  return false;
};

/** A draft saved in the admin panel, as an Editor does it. */
async function draft(uid: typeof NEWS | typeof WORKSHOP, data: Record<string, unknown>): Promise<string> {
  const response = await contentManagerRequest(jwt, 'post', uid, '?locale=bs').send(data);
  expect(response.status).toBe(201);
  created.push([uid, response.body.data.documentId]);
  return response.body.data.documentId;
}

const publicNews = (documentId: string) => api().get(`/api/news-articles/${documentId}`).query({ locale: 'bs' });

beforeAll(async () => {
  process.env.SCHEDULED_PUBLISH_RULE = EVERY_SECOND;
  strapi = await setupStrapi();
  // Several instances share PostgreSQL (as deployed); SQLite allows one writing process, so there
  // the test's Strapi runs the task alone.
  if (usesPostgres()) other = await startProductionServer({ DATABASE_URL: process.env.DATABASE_URL!, SCHEDULED_PUBLISH_RULE: EVERY_SECOND });
  // After the other instance's start: a connection opened before would have gone idle and closed.
  jwt = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
});

afterAll(async () => {
  if (other?.child.exitCode === null) other.child.kill('SIGKILL');
  for (const [uid, documentId] of created) await strapi.documents(uid).delete({ documentId, locale: '*' });
  delete process.env.SCHEDULED_PUBLISH_RULE;
  await teardownStrapi();
});

it('publishes each scheduled version at its time, exactly once (two instances on PostgreSQL)', async () => {
  const at = inSeconds(4);
  const due: string[] = [];
  for (const n of [1, 2, 3, 4]) due.push(await draft(NEWS, { title: `Zakazana vijest ${n}: Žepče`, publicationDate: '2026-11-28', scheduledPublishAt: at }));
  const workshop = await draft(WORKSHOP, { title: 'Zakazana radionica u Čelincu', timeZone: 'Europe/Sarajevo', startDate: '2026-12-02', scheduledPublishAt: at });
  const later = await draft(NEWS, { title: 'Vijest za sutra', publicationDate: '2026-11-29', scheduledPublishAt: inSeconds(24 * 3600) });
  const unscheduled = await draft(NEWS, { title: 'Vijest bez vremena', publicationDate: '2026-11-29' });

  // Not before its time.
  expect((await publicNews(due[0])).status).toBe(404);

  // One run publishes the due news articles, then the due workshops: wait for all of them.
  const publicWorkshop = () => api().get(`/api/workshops/${workshop}`).query({ locale: 'bs' });
  const allOut = await until(async () => {
    for (const documentId of due) if ((await publicNews(documentId)).status !== 200) return false;
    return (await publicWorkshop()).status === 200;
  }, 20);
  expect(allOut).toBe(true);
  expect((await publicWorkshop()).body.data.title).toBe('Zakazana radionica u Čelincu');
  const published = await publicNews(due[0]);
  expect(published.body.data).not.toHaveProperty('scheduledPublishAt');

  // Both instances keep running the task; still one publish per version.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const entries: Array<{ subjectDocumentId: string }> = await strapi.db
    .query('plugin::audit-log.entry')
    .findMany({ where: { action: 'publish', subjectDocumentId: { $in: [...due, workshop] } } });
  expect(entries.map((entry) => entry.subjectDocumentId).sort()).toEqual([...due, workshop].sort());
  const drafts = await strapi.db.query(NEWS).findMany({ where: { documentId: { $in: due }, publishedAt: null }, select: ['scheduledPublishAt'] });
  expect(drafts.map((row: { scheduledPublishAt: unknown }) => row.scheduledPublishAt)).toEqual([null, null, null, null]);

  for (const documentId of [later, unscheduled]) expect((await publicNews(documentId)).status).toBe(404);
});

it('keeps the time of a draft that cannot be published yet, and tries again', async () => {
  // No publication date: a draft may lack it, a published article may not.
  const at = inSeconds(2);
  const incomplete = await draft(NEWS, { title: 'Nepotpuna zakazana vijest', scheduledPublishAt: at });
  // Past its time the task (each second, on each instance) claims it, fails to publish it and
  // gives its time back; a read may fall between a claim and the give-back, so wait for the time.
  await until(async () => Date.now() > Date.parse(at) + 2000, 10);
  expect((await publicNews(incomplete)).status).toBe(404);
  const scheduledTime = async () => {
    const [row] = await strapi.db.query(NEWS).findMany({ where: { documentId: incomplete, publishedAt: null }, select: ['scheduledPublishAt'] });
    return row.scheduledPublishAt ? new Date(row.scheduledPublishAt).toISOString() : null;
  };
  expect(await until(async () => (await scheduledTime()) === at, 5)).toBe(true);

  // Completed by the editor: published on the next run.
  expect((await contentManagerRequest(jwt, 'put', NEWS, `/${incomplete}?locale=bs`).send({ publicationDate: '2026-11-30' })).status).toBe(200);
  expect(await until(async () => (await publicNews(incomplete)).status === 200, 10)).toBe(true);
});
