/**
 * A save the server refuses is said in the staff member's language, naming the field by its label,
 * in the toast and under the field; the content API keeps its English messages for developers.
 */
import type { Core } from '@strapi/strapi';
import { contentTexts } from '../../src/content-manager/texts';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';

let strapi: Core.Strapi;
let documentId: string;
let editor: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  editor = await loginAsNewAdmin(strapi, undefined, 'bs');
  const created = await contentManagerRequest(editor, 'post', NEWS, '?locale=bs').send({ title: 'Vijest s datumom', publicationDate: '2026-12-15' });
  expect(created.status).toBe(201);
  documentId = created.body.data.documentId;
});

afterAll(async () => {
  await strapi?.db.query(NEWS).deleteMany({ where: { documentId } });
  await teardownStrapi();
});

it.each(['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'])('says a date it cannot read in %s, by the field’s label, and keeps the stored one', async (language) => {
  const jwt = language === 'bs' ? editor : await loginAsNewAdmin(strapi, undefined, language);
  const texts = contentTexts(language);
  const refused = await contentManagerRequest(jwt, 'put', NEWS, `/${documentId}?locale=bs`).send({ publicationDate: '31.02.2027.' });
  const said = `${texts.types[NEWS].fields.publicationDate.label}: ${texts.refusals.date}`;
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe(said);
  expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: ['publicationDate'], message: said })]);
  if (language === 'sr-Cyrl') expect(said).toMatch(/^Датум објављивања: [\p{Script=Cyrillic}\s;.,\d]+$/u);
  const stored = await strapi.db.query(NEWS).findOne({ where: { documentId, locale: 'bs' }, select: ['publicationDate'] });
  expect(stored.publicationDate).toBe('2026-12-15');
});

it('says a time it cannot read the same way', async () => {
  const refused = await contentManagerRequest(editor, 'post', WORKSHOP, '?locale=bs').send({ title: 'Radionica u Zenici', startDate: '2026-12-18', startTime: '25:70' });
  const texts = contentTexts('bs');
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe(`${texts.types[WORKSHOP].fields.startTime.label}: ${texts.refusals.time}`);
  expect(await strapi.db.query(WORKSHOP).count({ where: { title: 'Radionica u Zenici' } })).toBe(0);
});

it('keeps the content API’s messages for developers', async () => {
  const token = await createApiToken(strapi);
  const refused = await api()
    .put(`/api/news-articles/${documentId}`)
    .query({ locale: 'bs' })
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { publicationDate: '31.02.2027.' } });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe('publicationDate must be a date (YYYY-MM-DD)');
});
