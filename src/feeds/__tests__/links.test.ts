import { documentLinks } from '../links';

const SITE = 'https://spis.example.org';
const article = { pluralName: 'news-articles', documentId: 'abc123', locale: 'sr-Cyrl', slug: 'radionica-u-celincu' };

describe('documentLinks', () => {
  it('points at the content API when no template is set', () => {
    const links = documentLinks(SITE);
    expect(links.pageUrl(article)).toBe(`${SITE}/api/news-articles/abc123?locale=sr-Cyrl`);
    expect(links.apiUrl(article)).toBe(links.pageUrl(article));
  });

  it('fills every placeholder of a template, URL-encoded', () => {
    const links = documentLinks(SITE, 'https://partner.ba/{locale}/{type}/{slug}?id={documentId}');
    expect(links.pageUrl(article)).toBe('https://partner.ba/sr-Cyrl/news-articles/radionica-u-celincu?id=abc123');
    expect(links.pageUrl({ ...article, slug: 'a b/č' })).toBe('https://partner.ba/sr-Cyrl/news-articles/a%20b%2F%C4%8D?id=abc123');
    expect(links.apiUrl(article)).toBe(`${SITE}/api/news-articles/abc123?locale=sr-Cyrl`);
  });

  it('uses the documentId for {slug} when the type has no slug', () => {
    const links = documentLinks(SITE, 'https://partner.ba/{locale}/{type}/{slug}');
    expect(links.pageUrl({ pluralName: 'contacts', documentId: 'c9', locale: 'bs' })).toBe('https://partner.ba/bs/contacts/c9');
  });
});
