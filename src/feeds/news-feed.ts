/**
 * News as RSS 2.0 and Atom 1.0: RFC 822 dates in RSS, RFC 3339 in Atom. Titles and leads are
 * plain text, so a lead of `<img onerror=…>` must reach a reader as those characters, never as
 * markup: Atom says `type="text"`; RSS carries HTML by convention, so the lead goes in as
 * HTML-escaped text. (The `feed` library used before wrote both as raw HTML in CDATA.) Pure:
 * the articles come in, the XML goes out.
 */
import escapeHtml from 'escape-html';
import { create } from 'xmlbuilder2';
import type { LocaleCode } from '../locales';
import type { DocumentLinks } from './links';
import { exactXmlText as text } from './xml-text';

export type FeedFormat = 'rss' | 'atom';

export type FeedArticle = {
  documentId: string;
  slug: string;
  title: string;
  lead?: string | null;
  /** The editorial date, YYYY-MM-DD. */
  publicationDate: string;
  updatedAt: string;
};

const TITLES: Record<LocaleCode, string> = {
  bs: 'SPIS – vijesti',
  hr: 'SPIS – vijesti',
  'sr-Latn': 'SPIS – vijesti',
  'sr-Cyrl': 'СПИС – вијести',
  en: 'SPIS – news',
};

/** The programme's name as the source documents give it (Croatian and Serbian Latin follow them). */
const DESCRIPTIONS: Record<LocaleCode, string> = {
  bs: 'Jačanje sistema socijalne zaštite i inkluzije djece u BiH',
  hr: 'Jačanje sustava socijalne zaštite i inkluzije djece u BiH',
  'sr-Latn': 'Jačanje sistema socijalne zaštite i inkluzije djece u BiH',
  'sr-Cyrl': 'Јачање система социјалне заштите и инклузије дјеце у БиХ',
  en: 'Enhancing the Social Protection and Inclusion System for Children in BiH',
};

export const feedPath = (locale: LocaleCode, format: FeedFormat) => `/feeds/news.${locale}.${format}`;

/** The newest change among the documents (a feed's own date), or the epoch for an empty feed. */
export const lastChange = (documents: { updatedAt: string }[]): Date => new Date(Math.max(0, ...documents.map((document) => Date.parse(document.updatedAt))));

const GENERATOR = 'SPIS CMS';
const COPYRIGHT = '© UNICEF Bosnia and Herzegovina';

type Item = { id: string; link: string; title: string; lead: string | null; published: Date; updated: Date };

function renderRss(locale: LocaleCode, self: string, home: string, updated: Date, items: Item[]): string {
  const channel = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' }).ele('channel');
  channel.ele('title').txt(TITLES[locale]);
  channel.ele('link').txt(text(home));
  channel.ele('description').txt(DESCRIPTIONS[locale]);
  channel.ele('language').txt(locale);
  channel.ele('lastBuildDate').txt(updated.toUTCString());
  channel.ele('generator').txt(GENERATOR);
  channel.ele('copyright').txt(COPYRIGHT);
  channel.ele('atom:link', { href: text(self), rel: 'self', type: 'application/rss+xml' });
  for (const item of items) {
    const element = channel.ele('item');
    element.ele('title').txt(text(item.title));
    element.ele('link').txt(text(item.link));
    element.ele('guid').txt(text(item.id));
    element.ele('pubDate').txt(item.published.toUTCString());
    if (item.lead) element.ele('description').txt(text(escapeHtml(item.lead)));
  }
  return channel.end({ prettyPrint: true });
}

function renderAtom(locale: LocaleCode, self: string, home: string, updated: Date, items: Item[]): string {
  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': locale });
  feed.ele('id').txt(text(self));
  feed.ele('title', { type: 'text' }).txt(TITLES[locale]);
  feed.ele('subtitle', { type: 'text' }).txt(DESCRIPTIONS[locale]);
  feed.ele('updated').txt(updated.toISOString());
  feed.ele('generator').txt(GENERATOR);
  feed.ele('rights', { type: 'text' }).txt(COPYRIGHT);
  feed.ele('link', { rel: 'alternate', href: text(home) });
  feed.ele('link', { rel: 'self', href: text(self) });
  for (const item of items) {
    const entry = feed.ele('entry');
    entry.ele('title', { type: 'text' }).txt(text(item.title));
    entry.ele('id').txt(text(item.id));
    entry.ele('link', { href: text(item.link) });
    entry.ele('updated').txt(item.updated.toISOString());
    entry.ele('published').txt(item.published.toISOString());
    if (item.lead) entry.ele('summary', { type: 'text' }).txt(text(item.lead));
  }
  return feed.end({ prettyPrint: true });
}

export function renderNewsFeed(format: FeedFormat, locale: LocaleCode, links: DocumentLinks, articles: FeedArticle[]): string {
  const self = `${links.site}${feedPath(locale, format)}`;
  const home = `${links.site}/api/news-articles?locale=${encodeURIComponent(locale)}`;
  const items = articles.map((article): Item => {
    const ref = { pluralName: 'news-articles', documentId: article.documentId, slug: article.slug, locale };
    return {
      id: links.apiUrl(ref),
      link: links.pageUrl(ref),
      title: article.title,
      lead: article.lead ?? null,
      published: new Date(`${article.publicationDate}T00:00:00Z`),
      updated: new Date(article.updatedAt),
    };
  });
  return (format === 'rss' ? renderRss : renderAtom)(locale, self, home, lastChange(articles), items);
}
