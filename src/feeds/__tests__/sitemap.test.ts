import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { documentLinks } from '../links';
import { DOCUMENTS_PER_SITEMAP, parseSitemapFileName, renderSitemap, renderSitemapIndex, sitemapFiles } from '../sitemap';

const SITE = 'https://spis.example.org';

describe('renderSitemap', () => {
  it('lists each language version with all its alternates and the Bosnian one as x-default', () => {
    const xml = renderSitemap(documentLinks(SITE), [
      {
        pluralName: 'municipalities',
        documentId: 'm1',
        versions: [
          { locale: 'bs', updatedAt: '2026-11-20T10:00:00.000Z' },
          { locale: 'sr-Cyrl', updatedAt: '2026-11-21T10:00:00.000Z' },
        ],
      },
      { pluralName: 'news-articles', documentId: 'n1', versions: [{ locale: 'en', updatedAt: '2026-11-22T10:00:00.000Z' }] },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { urlset } = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'xhtml:link'].includes(name) }).parse(xml);
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const [bosnian, cyrillic, english] = urlset.url;
    expect(bosnian.loc).toBe(`${SITE}/api/municipalities/m1?locale=bs`);
    expect(cyrillic.lastmod).toBe('2026-11-21T10:00:00.000Z');
    const alternates = (url: { 'xhtml:link': Record<string, string>[] }) => url['xhtml:link'].map((link) => [link['@_hreflang'], link['@_href']]);
    expect(alternates(cyrillic)).toEqual([
      ['bs', `${SITE}/api/municipalities/m1?locale=bs`],
      ['sr-Cyrl', `${SITE}/api/municipalities/m1?locale=sr-Cyrl`],
      ['x-default', `${SITE}/api/municipalities/m1?locale=bs`],
    ]);
    expect(alternates(english)).toEqual([['en', `${SITE}/api/news-articles/n1?locale=en`]]);
  });
});

describe('the sitemap index', () => {
  it('lists one file per started thousand documents of each type', () => {
    expect(
      sitemapFiles(`${SITE}/sitemaps`, [
        { pluralName: 'news-articles', documents: DOCUMENTS_PER_SITEMAP + 1 },
        { pluralName: 'phases', documents: 1 },
      ])
    ).toEqual([`${SITE}/sitemaps/news-articles-1.xml`, `${SITE}/sitemaps/news-articles-2.xml`, `${SITE}/sitemaps/phases-1.xml`]);
  });

  it('renders a sitemapindex of those files', () => {
    const xml = renderSitemapIndex([`${SITE}/sitemaps/phases-1.xml`, `${SITE}/sitemaps/news-articles-1.xml`]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { sitemapindex } = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'sitemap' }).parse(xml);
    expect(sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(sitemapindex.sitemap).toEqual([{ loc: `${SITE}/sitemaps/phases-1.xml` }, { loc: `${SITE}/sitemaps/news-articles-1.xml` }]);
  });

  it.each([
    ['news-articles-1.xml', { pluralName: 'news-articles', page: 1 }],
    ['phases-12.xml', { pluralName: 'phases', page: 12 }],
    ['news-articles-0.xml', undefined],
    ['news-articles-01.xml', undefined],
    ['news-articles.xml', undefined],
    ['../news-articles-1.xml', undefined],
    ['news-articles-1.xml.gz', undefined],
    ['news-articles-99999999999.xml', undefined],
  ])('reads the file name %s', (file, expected) => {
    expect(parseSitemapFileName(file)).toEqual(expected);
  });
});

it('writes links with characters XML escapes exactly as they are', () => {
  const links = documentLinks(SITE, 'https://www.example.ba/page?slug={slug}&lang={locale}');
  const xml = renderSitemap(links, [
    { pluralName: 'news-articles', documentId: 'n1', versions: [{ locale: 'bs', slug: `o'brien-&amp;-<š>`, updatedAt: '2026-11-22T10:00:00.000Z' }] },
  ]);
  expect(XMLValidator.validate(xml)).toBe(true);
  const { urlset } = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'xhtml:link'].includes(name) }).parse(xml);
  const expected = `https://www.example.ba/page?slug=${encodeURIComponent(`o'brien-&amp;-<š>`)}&lang=bs`;
  expect(urlset.url[0].loc).toBe(expected);
  expect(urlset.url[0]['xhtml:link'][0]['@_href']).toBe(expected);
});
