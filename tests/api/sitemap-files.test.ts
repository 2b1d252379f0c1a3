/**
 * The sitemap in bounded files: with more news than one file holds, /sitemap.xml lists as many
 * news files as it takes, each of at most DOCUMENTS_PER_SITEMAP documents, and together they list
 * every published version of every document once, and nothing else.
 */
import type { Core } from '@strapi/strapi';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { DOCUMENTS_PER_SITEMAP } from '../../src/feeds/sitemap';
import { loadSyntheticNews } from '../../src/seed/synthetic';
import { listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) });

let strapi: Core.Strapi;
let origin: string;
let newsFiles: string[];

const getXml = async (path: string) => {
  const response = await request(origin).get(path);
  expect(response.status).toBe(200);
  expect(XMLValidator.validate(response.text)).toBe(true);
  return parser.parse(response.text);
};

beforeAll(async () => {
  strapi = await setupStrapi();
  origin = await listen(strapi);
  await loadSyntheticNews(strapi, { articles: DOCUMENTS_PER_SITEMAP + 150, locales: ['bs', 'en'], replace: true });
  const { sitemapindex } = await getXml('/sitemap.xml');
  newsFiles = (sitemapindex.sitemap as { loc: string }[]).map((sitemap) => new URL(sitemap.loc).pathname).filter((path) => path.startsWith('/sitemaps/news-articles-'));
}, 120_000);

afterAll(async () => {
  await strapi.db.query(NEWS).deleteMany({ where: { slug: { $startsWith: 'synthetic-' } } });
  await teardownStrapi();
});

it('splits the news into files of at most one thousand documents that list every published version once', async () => {
  const published: Array<{ documentId: string; locale: string }> = await strapi.db
    .query(NEWS)
    .findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'locale'] });
  const documents = new Set(published.map((version) => version.documentId));
  expect(newsFiles).toEqual(Array.from({ length: Math.ceil(documents.size / DOCUMENTS_PER_SITEMAP) }, (_, index) => `/sitemaps/news-articles-${index + 1}.xml`));
  expect(newsFiles.length).toBeGreaterThan(1);

  const listed: string[] = [];
  for (const file of newsFiles) {
    const urls = (await getXml(file)).urlset.url as { loc: string }[];
    const inFile = new Set(urls.map((url) => new URL(url.loc).pathname));
    expect(inFile.size).toBeLessThanOrEqual(DOCUMENTS_PER_SITEMAP);
    listed.push(...urls.map((url) => url.loc));
  }
  const expected = published.map(({ documentId, locale }) => `${origin}/api/news-articles/${documentId}?locale=${locale}`);
  expect(listed.length).toBe(expected.length);
  expect(new Set(listed)).toEqual(new Set(expected));
});

it.each(['/sitemaps/news-articles-99.xml', '/sitemaps/news-articles-0.xml', '/sitemaps/admin-users-1.xml', '/sitemaps/news-articles-1.xml.gz', '/sitemaps/x'])(
  'answers %s with a 404 and a JSON error',
  async (path) => {
    const response = await request(origin).get(path);
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('/sitemap.xml lists the sitemaps there are');
  }
);
