/**
 * The synthetic load-test data: bulk-loaded articles are real published documents to every
 * reader (REST lists and counts, single reads in each locale, search, populated places, the
 * draft version behind each), and `--replace` removes an earlier run. Its options are checked.
 */
import type { Core } from '@strapi/strapi';
import { loadSyntheticNews, parseSyntheticArgs } from '../../src/seed/synthetic';
import { toCyrillic } from '../../src/transliteration';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

const ARTICLES = 120;
let strapi: Core.Strapi;
const total = async (query: string) => (await api().get(`/api/news-articles?${query}`)).body.meta.pagination.total as number;

beforeAll(async () => {
  strapi = await setupStrapi();
});

afterAll(async () => {
  await strapi.db.query('api::news-article.news-article').deleteMany({ where: { slug: { $startsWith: 'synthetic-' } } });
  await teardownStrapi();
});

it('loads published articles in every locale asked for, that the API serves like any other', async () => {
  const before = { bs: await total('locale=bs'), en: await total('locale=en'), hr: await total('locale=hr') };
  const progress: number[] = [];
  const result = await loadSyntheticNews(strapi, { articles: ARTICLES, locales: ['bs', 'en', 'sr-Cyrl'], replace: false }, (done) => progress.push(done));
  expect(result).toEqual({ articles: ARTICLES, rows: ARTICLES * 3 * 2, deleted: 0 });
  expect(progress.at(-1)).toBe(ARTICLES);

  expect(await total('locale=bs')).toBe(before.bs + ARTICLES);
  expect(await total('locale=en')).toBe(before.en + ARTICLES);
  expect(await total('locale=hr')).toBe(before.hr);

  const [bosnian] = (await api().get('/api/news-articles?locale=bs&filters[slug][$eq]=synthetic-7-bs&populate[municipalities][fields][0]=name')).body.data;
  expect(bosnian.title).toMatch(/ u .* \(7\)$/);
  expect(bosnian.title).toMatch(/[čćđšž]/);
  expect(bosnian.municipalities).toHaveLength(2);
  const cyrillic = (await api().get(`/api/news-articles/${bosnian.documentId}?locale=sr-Cyrl`)).body.data;
  expect(cyrillic.title).toMatch(/^[\u0400-\u04FF]/);
  expect(cyrillic.publicationDate).toBe(bosnian.publicationDate);
  expect((await api().get(`/api/news-articles/${bosnian.documentId}?locale=en`)).body.data.title).toMatch(/ in .* \(7\)$/);

  // The search index is written too: a query in Cyrillic finds the Latin text.
  const query = `${toCyrillic(bosnian.title.split(' ')[0].toLowerCase())} 7`;
  const found = (await api().get(`/api/news-articles?locale=bs&q=${encodeURIComponent(query)}`)).body.data as { documentId: string }[];
  expect(found.map((article) => article.documentId)).toContain(bosnian.documentId);

  // Behind each published version is its draft, as the admin panel expects.
  const token = await createApiToken(strapi, 'full-access');
  const draft = await api().get(`/api/news-articles/${bosnian.documentId}?locale=bs&status=draft`).set('Authorization', `Bearer ${token}`);
  expect(draft.body.data.title).toBe(bosnian.title);
  expect(draft.body.data.publishedAt).toBeNull();
});

it('replaces an earlier run with --replace', async () => {
  const bs = await total('locale=bs');
  const result = await loadSyntheticNews(strapi, { articles: 10, locales: ['bs'], replace: true });
  expect(result.deleted).toBeGreaterThanOrEqual(ARTICLES * 3 * 2);
  expect(await total('locale=bs')).toBe(bs - ARTICLES + 10);
  expect(await total('locale=en&filters[slug][$startsWith]=synthetic-')).toBe(0);
});

it('checks its options', () => {
  expect(parseSyntheticArgs(['--articles', '10000', '--locales', 'bs,en'])).toEqual({ articles: 10_000, locales: ['bs', 'en'], replace: false });
  expect(parseSyntheticArgs(['--articles', '5', '--replace']).locales).toEqual(['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en']);
  expect(() => parseSyntheticArgs(['--articles', 'many'])).toThrow(/--articles/);
  expect(() => parseSyntheticArgs(['--articles', '10', '--locales', 'de'])).toThrow(/--locales/);
  expect(() => parseSyntheticArgs(['--articles', '10', '--colour', 'red'])).toThrow();
});
