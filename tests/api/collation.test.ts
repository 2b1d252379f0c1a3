/**
 * Text sorts in each reader's alphabet, the same through REST, GraphQL and the Content
 * Manager's list: Croatian rules for bs, hr and sr-Latn (č and ć after c, dž and đ after d, lj
 * after l, nj after n, š after s, ž after z), Serbian Cyrillic for sr-Cyrl (ђ, ј, љ, њ, ћ, џ
 * inside the alphabet), English for en; across pages, in fallback lists, and again after a
 * title changes.
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const PREFIX = 'collation-';
const LATIN = ['Žepče', 'Zenica', 'Šamac', 'Sarajevo', 'Njivice', 'Nova Topola', 'Ljubinje', 'Lukavac', 'Livno', 'Đakovo', 'Džemat', 'Dubrava', 'Ćuprija', 'Čapljina', 'Cazin'];
const CYRILLIC = ['Шамац', 'Џеп', 'Челинац', 'Ћуприја', 'Тешањ', 'Његош', 'Нови Град', 'Љубиње', 'Лукавац', 'Јајце', 'Исток', 'Ђаково', 'Дубрава', 'Бања Лука'];

/** What readers of each language expect, ascending (CLDR). */
const CROATIAN_ORDER = [
  'Cazin',
  'Čapljina',
  'Ćuprija',
  'Dubrava',
  'Džemat',
  'Đakovo',
  'Livno',
  'Lukavac',
  'Ljubinje',
  'Nova Topola',
  'Njivice',
  'Sarajevo',
  'Šamac',
  'Zenica',
  'Žepče',
];
const ENGLISH_ORDER = [
  'Čapljina',
  'Cazin',
  'Ćuprija',
  'Đakovo',
  'Dubrava',
  'Džemat',
  'Livno',
  'Ljubinje',
  'Lukavac',
  'Njivice',
  'Nova Topola',
  'Šamac',
  'Sarajevo',
  'Zenica',
  'Žepče',
];
const CYRILLIC_ORDER = ['Бања Лука', 'Дубрава', 'Ђаково', 'Исток', 'Јајце', 'Лукавац', 'Љубиње', 'Нови Град', 'Његош', 'Тешањ', 'Ћуприја', 'Челинац', 'Џеп', 'Шамац'];
const EXPECTED: Record<string, string[]> = { bs: CROATIAN_ORDER, hr: CROATIAN_ORDER, 'sr-Latn': CROATIAN_ORDER, en: ENGLISH_ORDER, 'sr-Cyrl': CYRILLIC_ORDER };

let strapi: Core.Strapi;
let editorJwt: string;
const documentIds: string[] = [];

const restTitles = async (locale: string, direction: 'asc' | 'desc', extra: Record<string, unknown> = {}) => {
  const response = await api()
    .get('/api/news-articles')
    .query({ locale, sort: `title:${direction}`, filters: { slug: { $startsWith: PREFIX } }, pagination: { pageSize: 100 }, fields: ['title'], ...extra });
  expect(response.status).toBe(200);
  return (response.body.data as { title: string }[]).map((entry) => entry.title);
};

beforeAll(async () => {
  strapi = await setupStrapi();
  editorJwt = await loginAsNewAdmin(strapi);
  for (const [index, title] of LATIN.entries()) {
    const created = await strapi.documents(NEWS).create({ locale: 'bs', data: { title, slug: `${PREFIX}${index}`, publicationDate: '2026-12-01' }, status: 'published' });
    documentIds.push(created.documentId);
    for (const locale of ['hr', 'sr-Latn', 'en'] as const) {
      await strapi
        .documents(NEWS)
        .update({ documentId: created.documentId, locale, data: { title, slug: `${PREFIX}${index}-${locale.toLowerCase()}`, publicationDate: '2026-12-01' }, status: 'published' });
    }
  }
  for (const [index, title] of CYRILLIC.entries()) {
    await strapi
      .documents(NEWS)
      .update({ documentId: documentIds[index], locale: 'sr-Cyrl', data: { title, slug: `${PREFIX}${index}-sr-cyrl`, publicationDate: '2026-12-01' }, status: 'published' });
  }
});

afterAll(async () => {
  for (const documentId of documentIds) await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

describe.each(Object.keys(EXPECTED))('%s', (locale) => {
  it('REST: ascending and descending', async () => {
    expect(await restTitles(locale, 'asc')).toEqual(EXPECTED[locale]);
    expect(await restTitles(locale, 'desc')).toEqual([...EXPECTED[locale]].reverse());
  });

  it('REST: page after page in the same order', async () => {
    const pages: string[] = [];
    for (let page = 1; page <= 4; page += 1) pages.push(...(await restTitles(locale, 'asc', { pagination: { page, pageSize: 4 } })));
    expect(pages).toEqual(EXPECTED[locale]);
  });

  it('GraphQL', async () => {
    const response = await graphql(
      'query ($locale: I18NLocaleCode) { newsArticles(locale: $locale, sort: ["title:asc"], filters: { slug: { startsWith: "collation-" } }, pagination: { pageSize: 100 }) { title } }',
      { locale }
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.newsArticles.map((entry: { title: string }) => entry.title)).toEqual(EXPECTED[locale]);
  });

  it('the Content Manager list', async () => {
    // As the panel asks for a filtered list.
    const response = await contentManagerRequest(editorJwt, 'get', NEWS, `?page=1&pageSize=100&sort=title:ASC&locale=${locale}&filters[$and][0][slug][$startsWith]=${PREFIX}`);
    expect(response.status).toBe(200);
    expect(response.body.results.map((entry: { title: string }) => entry.title)).toEqual(EXPECTED[locale]);
  });
});

it('a fallback list sorts in the reader’s alphabet, transliterated versions included', async () => {
  const missing = documentIds[CYRILLIC.length];
  // The last Latin title has no Cyrillic version: a sr-Cyrl reader gets it transliterated (Цазин), in its Cyrillic place.
  expect(LATIN[CYRILLIC.length]).toBe('Cazin');
  const titles = await restTitles('sr-Cyrl', 'asc', { fallback: 'true' });
  expect(titles).toEqual([...CYRILLIC_ORDER.slice(0, 11), 'Цазин', ...CYRILLIC_ORDER.slice(11)]);
  expect(missing).toBeDefined();
});

it('keeps the order after a title changes', async () => {
  await strapi.documents(NEWS).update({ documentId: documentIds[LATIN.indexOf('Cazin')], locale: 'bs', data: { title: 'Ždrelo' }, status: 'published' });
  // Ž, then d before e: Ždrelo, Žepče.
  expect(await restTitles('bs', 'asc')).toEqual([...CROATIAN_ORDER.filter((title) => title !== 'Cazin'), 'Ždrelo'].sort(new Intl.Collator('hr').compare));
  expect((await restTitles('bs', 'asc')).slice(-2)).toEqual(['Ždrelo', 'Žepče']);
});

it('refuses sorting or filtering by a key itself', async () => {
  for (const query of [{ sort: 'titleSortKeyHr' }, { filters: { titleSortKeyHr: { $gt: '' } } }]) {
    const response = await api()
      .get('/api/news-articles')
      .query({ locale: 'bs', ...query });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/titleSortKeyHr/);
  }
});
