/**
 * Slugs come from the title, ASCII-folded, unique per type and locale, and stay put when a
 * published title is edited.
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;
const created: Array<[string, string]> = [];

const write = async (method: 'post' | 'put', path: string, locale: string, data: Record<string, unknown>) => {
  const response = await api()[method](`/api/${path}`).set('Authorization', `Bearer ${token}`).query({ locale }).send({ data });
  expect(response.status).toBeLessThan(300);
  if (method === 'post') created.push([path, response.body.data.documentId]);
  return response.body.data;
};

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await createApiToken(strapi);
});

afterAll(async () => {
  const uids: Record<string, 'api::news-article.news-article' | 'api::municipality.municipality'> = {
    'news-articles': 'api::news-article.news-article',
    municipalities: 'api::municipality.municipality',
  };
  for (const [path, documentId] of created) await strapi.documents(uids[path]).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

it('makes an ASCII slug from a Cyrillic title, numbered when taken, per locale', async () => {
  const first = await write('post', 'news-articles', 'sr-Cyrl', { title: 'Ђурђевдан у Челинцу', publicationDate: '2013-05-06' });
  expect(first.slug).toBe('djurdjevdan-u-celincu');

  const second = await write('post', 'news-articles', 'sr-Cyrl', { title: 'Ђурђевдан у Челинцу', publicationDate: '2014-05-06' });
  expect(second.slug).toBe('djurdjevdan-u-celincu-2');

  const latin = await write('put', `news-articles/${first.documentId}`, 'bs', { title: 'Đurđevdan u Čelincu' });
  expect(latin.slug).toBe('djurdjevdan-u-celincu'); // another locale: free again
});

it('keeps the slug when a published title is edited', async () => {
  const article = await write('post', 'news-articles', 'bs', { title: 'Radionica u Gackom', publicationDate: '2013-03-01' });
  expect(article.publishedAt).not.toBeNull();
  const edited = await write('put', `news-articles/${article.documentId}`, 'bs', { title: 'Radionica u Gacku, ispravljen naslov' });
  expect(edited.slug).toBe('radionica-u-gackom');
});

it('keeps a slug the editor chose', async () => {
  const article = await write('post', 'news-articles', 'bs', { title: 'Bilo koji naslov', slug: 'moj-slug', publicationDate: '2013-03-02' });
  expect(article.slug).toBe('moj-slug');
});

it('makes the slug from the title when a new version comes with the slug field’s empty-title proposal', async () => {
  const article = await write('post', 'news-articles', 'bs', { title: 'Škola u Žepču', slug: 'news-article-1', publicationDate: '2013-03-03' });
  expect(article.slug).toBe('skola-u-zepcu');
  const english = await write('put', `news-articles/${article.documentId}`, 'en', { title: 'A school in Žepče', slug: 'news-article' });
  expect(english.slug).toBe('a-school-in-zepce');
  // On an existing version a slug the editor writes is taken as written, even that one.
  const edited = await write('put', `news-articles/${article.documentId}`, 'en', { slug: 'news-article' });
  expect(edited.slug).toBe('news-article');
});

it('numbers a shared (non-localized) slug across the whole type', async () => {
  const place = await write('post', 'municipalities', 'bs', { name: 'Čelinac', entity: 'RS' });
  expect(place.slug).toBe('celinac-2');
});
