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
import { DEFAULT_LOCALE } from '../locales';
import type { DocumentLinks } from './links';

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

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text or an attribute value as XML: every special character escaped. */
const xml = (text: string) => text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character]);

// Written as text, not through xmlbuilder2: a file of 1,000 documents is a few thousand elements
// of one fixed shape, and building them as a DOM was most of a request's time and garbage.
export function renderSitemapIndex(files: string[]): string {
  const entries = files.map((file) => `  <sitemap>\n    <loc>${xml(file)}</loc>\n  </sitemap>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`;
}

export function renderSitemap(links: DocumentLinks, documents: SitemapDocument[]): string {
  const entries: string[] = [];
  for (const { pluralName, documentId, versions } of documents) {
    const urls = new Map(versions.map((version) => [version.locale, xml(links.pageUrl({ pluralName, documentId, ...version }))]));
    const alternates = [...urls].map(([locale, url]) => `    <xhtml:link rel="alternate" hreflang="${xml(locale)}" href="${url}"/>\n`);
    if (urls.has(DEFAULT_LOCALE)) alternates.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${urls.get(DEFAULT_LOCALE)}"/>\n`);
    for (const version of versions) {
      entries.push(`  <url>\n    <loc>${urls.get(version.locale)}</loc>\n    <lastmod>${new Date(version.updatedAt).toISOString()}</lastmod>\n${alternates.join('')}  </url>\n`);
    }
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    `${entries.join('')}</urlset>\n`
  );
}
