/**
 * One document, many languages: links and shared fields mean the same in every locale version.
 * Linking in bs links in hr too; a new locale version starts with the links and shared fields
 * of the others; a target missing in a locale is simply not linked there.
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;
let articleId: string;
const placeIds: Record<string, string> = {};
let teslicWorkshop: string;

const write = async (locale: string, data: Record<string, unknown>) => {
  const response = await api().put(`/api/news-articles/${articleId}`).set('Authorization', `Bearer ${token}`).query({ locale }).send({ data });
  expect(response.status).toBe(200);
  return response.body.data;
};

/** What a partner site sees: the published version with its links. */
const published = async (locale: string) => {
  const response = await api().get(`/api/news-articles/${articleId}`).query({ locale, 'populate[municipalities][fields][0]': 'slug', 'populate[workshops][fields][0]': 'slug' });
  expect(response.status).toBe(200);
  return {
    places: response.body.data.municipalities.map((m: { slug: string }) => m.slug).sort(),
    workshops: response.body.data.workshops.map((w: { slug: string }) => w.slug),
    data: response.body.data,
  };
};

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await createApiToken(strapi);
  for (const slug of ['gacko', 'bileca', 'derventa']) {
    const [place] = (await api().get('/api/municipalities').query({ locale: 'bs', 'filters[slug][$eq]': slug })).body.data;
    placeIds[slug] = place.documentId;
  }
  [{ documentId: teslicWorkshop }] = (await api().get('/api/workshops').query({ locale: 'bs', 'filters[slug][$eq]': 'pripremna-radionica-teslic-2012' })).body.data;
  const created = await api()
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs' })
    .send({ data: { title: 'Vijest o Gacku', publicationDate: '2013-04-01', municipalities: [placeIds.gacko], workshops: [teslicWorkshop] } });
  expect(created.status).toBe(201);
  articleId = created.body.data.documentId;
});

afterAll(async () => {
  await strapi.documents('api::news-article.news-article').delete({ documentId: articleId, locale: '*' });
  await teardownStrapi();
});

it('starts a new locale version with the shared fields and the links the locale can have', async () => {
  const hr = await write('hr', { title: 'Vijest o Gacku (hr)' });
  expect(hr.publicationDate).toBe('2013-04-01');
  const view = await published('hr');
  expect(view.places).toEqual(['gacko']);
  expect(view.workshops).toEqual([]); // the Teslić workshop has no hr version
  expect(view.data.slug).toBe('vijest-o-gacku-hr');
});

it('links in every locale what is linked in one', async () => {
  await write('bs', { municipalities: [placeIds.gacko, placeIds.bileca] });
  expect((await published('bs')).places).toEqual(['bileca', 'gacko']);
  expect((await published('hr')).places).toEqual(['bileca', 'gacko']);
  expect((await published('bs')).workshops).toEqual(['pripremna-radionica-teslic-2012']);
});

it('unlinks in every locale what is unlinked in one, and keeps what that locale cannot see', async () => {
  await write('hr', { municipalities: [placeIds.bileca, placeIds.derventa] });
  expect((await published('hr')).places).toEqual(['bileca', 'derventa']);
  const bs = await published('bs');
  expect(bs.places).toEqual(['bileca', 'derventa']);
  expect(bs.workshops).toEqual(['pripremna-radionica-teslic-2012']);
});

it('keeps drafts in step too, without publishing them', async () => {
  await api()
    .put(`/api/news-articles/${articleId}`)
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs', status: 'draft' })
    .send({ data: { municipalities: [placeIds.gacko] } });
  const hrDraft = await api()
    .get(`/api/news-articles/${articleId}`)
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'hr', status: 'draft', 'populate[municipalities][fields][0]': 'slug' });
  expect(hrDraft.body.data.municipalities.map((m: { slug: string }) => m.slug)).toEqual(['gacko']);
  expect((await published('hr')).places).toEqual(['bileca', 'derventa']); // published stays until published
});
