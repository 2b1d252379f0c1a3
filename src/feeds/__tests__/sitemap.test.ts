import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { documentLinks } from '../links';
import { renderSitemap } from '../sitemap';

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
