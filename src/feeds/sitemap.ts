/**
 * Sitemaps (sitemaps.org 0.9) with an `hreflang` alternate for every language a document is
 * published in, so search engines and partner crawlers find each version and its translations.
 * Each URL is the document's page (see links.ts); `x-default` is the Bosnian version. Pure.
 *
 * `/sitemap.xml` is an index of files of at most DOCUMENTS_PER_SITEMAP documents of one type
 * each (`/sitemaps/news-articles-1.xml`, …), so no request builds more than one bounded file
 * (one file of everything took seconds and hundreds of MB at 10k articles) and no file nears
 * the protocol's 50,000 URLs.
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

/** At most 5 language versions each: 5,000 URLs a file. */
export const DOCUMENTS_PER_SITEMAP = 1000;

/** A file of the index: `<pluralName>-<page>.xml`, pages from 1. */
export const sitemapFileName = (pluralName: string, page: number) => `${pluralName}-${page}.xml`;

const SITEMAP_FILE = /^(?<pluralName>[a-z][a-z0-9-]*)-(?<page>[1-9][0-9]{0,8})\.xml$/;

/** The type and page a file name names, if it is one. */
export function parseSitemapFileName(file: string): { pluralName: string; page: number } | undefined {
  const groups = SITEMAP_FILE.exec(file)?.groups;
  return groups ? { pluralName: groups.pluralName, page: Number(groups.page) } : undefined;
}

/** The files of each type with published documents, as absolute URLs under `base` (`…/sitemaps`). */
export function sitemapFiles(base: string, published: { pluralName: string; documents: number }[]): string[] {
  return published.flatMap(({ pluralName, documents }) =>
    Array.from({ length: Math.ceil(documents / DOCUMENTS_PER_SITEMAP) }, (_, index) => `${base}/${sitemapFileName(pluralName, index + 1)}`)
  );
}

export function renderSitemapIndex(files: string[]): string {
  const index = create({ version: '1.0', encoding: 'UTF-8' }).ele('sitemapindex', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
  for (const file of files) index.ele('sitemap').ele('loc').txt(exactXmlText(file));
  return index.end({ prettyPrint: true });
}

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
