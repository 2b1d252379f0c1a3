/**
 * "Modified" in the panel means a field editors see differs from the published version. Neither
 * the import nor adding another language version marks a published document modified.
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';

let strapi: Core.Strapi;
let jwt: string;
let startedAt: Date;

/** The status the panel shows for one language version of a document. */
async function panelStatus(documentId: string, locale: string): Promise<string> {
  const response = await contentManagerRequest(jwt, 'get', NEWS, `/${documentId}?locale=${locale}`);
  expect(response.status).toBe(200);
  return response.body.data.status;
}

beforeAll(async () => {
  strapi = await setupStrapi();
  startedAt = new Date();
  jwt = await loginAsNewAdmin(strapi);
});

afterAll(async () => {
  await deleteNewsCreatedSince(strapi, startedAt);
  await teardownStrapi();
});

it('shows the imported SPIS content as published, not modified', async () => {
  const imported: Array<{ documentId: string; locale: string }> = await strapi.db
    .query(NEWS)
    .findMany({ where: { publishedAt: { $notNull: true }, createdAt: { $lt: startedAt } }, select: ['documentId', 'locale'] });
  expect(imported.length).toBeGreaterThan(0);
  const statuses = await Promise.all(imported.map(async ({ documentId, locale }) => `${locale}:${await panelStatus(documentId, locale)}`));
  expect(statuses.filter((status) => !status.endsWith(':published'))).toEqual([]);
});

it('leaves a published version as it was when another language version is created', async () => {
  const place = await strapi.db.query('api::municipality.municipality').findOne({ where: { locale: 'bs', publishedAt: null }, select: ['id'] });
  const programme = await strapi.db.query('api::programme.programme').findOne({ where: { locale: 'bs', publishedAt: null }, select: ['id'] });
  const links = { municipalities: { connect: [{ id: place.id }] }, programme: { connect: [{ id: programme.id }] } };
  const created = await contentManagerRequest(jwt, 'post', NEWS, '?locale=bs').send({ title: 'Objavljena vijest iz Bihaća', publicationDate: '2026-12-01', ...links });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  expect((await contentManagerRequest(jwt, 'post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);
  expect(await panelStatus(documentId, 'bs')).toBe('published');

  const serbian = await contentManagerRequest(jwt, 'put', NEWS, `/${documentId}?locale=sr-Latn`).send({ title: 'Objavljena vijest iz Bihaća (sr)', publicationDate: '2026-12-01' });
  expect(serbian.status).toBe(200);
  expect(await panelStatus(documentId, 'bs')).toBe('published');
  expect(await panelStatus(documentId, 'sr-Latn')).toBe('draft');
});

it('leaves a published version as it was when another language version is edited', async () => {
  const created = await contentManagerRequest(jwt, 'post', NEWS, '?locale=bs').send({ title: 'Vijest iz Čapljine', publicationDate: '2026-12-15' });
  const { documentId } = created.body.data;
  const english = { title: 'News from Čapljina', publicationDate: '2026-12-15' };
  expect((await contentManagerRequest(jwt, 'put', NEWS, `/${documentId}?locale=en`).send(english)).status).toBe(200);
  expect((await contentManagerRequest(jwt, 'post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);

  // As the panel saves a form: every relation field sent, none of them changed.
  const unchangedLinks = { connect: [], disconnect: [] };
  const edit = { ...english, title: 'News from Čapljina (updated)', programme: unchangedLinks, municipalities: unchangedLinks, workshops: unchangedLinks };
  expect((await contentManagerRequest(jwt, 'put', NEWS, `/${documentId}?locale=en`).send(edit)).status).toBe(200);
  expect(await panelStatus(documentId, 'bs')).toBe('published');
});
