/**
 * `sitemap.xml` (sitemaps.org 0.9) with an `hreflang` alternate for every language a document is
 * published in, so search engines and partner crawlers find each version and its translations.
 * Each URL is the document's page (see links.ts); `x-default` is the Bosnian version. Pure.
 */
import { create } from 'xmlbuilder2';
import { DEFAULT_LOCALE } from '../locales';
import type { DocumentLinks } from './links';
import { exactXmlText } from './xml-text';

export type SitemapDocument = {
  /** The type's plural name, as in `/api/<pluralName>`. */
  pluralName: string;
  documentId: string;
  versions: { locale: string; slug?: string | null; updatedAt: string }[];
};

export function renderSitemap(links: DocumentLinks, documents: SitemapDocument[]): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' }).ele('urlset', {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
  });
  for (const { pluralName, documentId, versions } of documents) {
    const urlOf = (version: SitemapDocument['versions'][number]) => links.pageUrl({ pluralName, documentId, ...version });
    const byDefault = versions.find((alternate) => alternate.locale === DEFAULT_LOCALE);
    for (const version of versions) {
      const url = urlset.ele('url');
      url.ele('loc').txt(exactXmlText(urlOf(version)));
      url.ele('lastmod').txt(new Date(version.updatedAt).toISOString());
      for (const alternate of versions) url.ele('xhtml:link', { rel: 'alternate', hreflang: alternate.locale, href: exactXmlText(urlOf(alternate)) });
      if (byDefault) url.ele('xhtml:link', { rel: 'alternate', hreflang: 'x-default', href: exactXmlText(urlOf(byDefault)) });
    }
  }
  return urlset.end({ prettyPrint: true });
}
