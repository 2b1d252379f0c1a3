/**
 * News and the resource library as RSS 2.0 and Atom 1.0: RFC 822 dates in RSS, RFC 3339 in Atom. Titles and leads are
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

/** A new resource of the library: its summary is the feed's text, the day it was added its date. */
export type FeedResource = { documentId: string; slug: string; title: string; summary?: string | null; createdAt: string; updatedAt: string };

const TITLES: Record<'news' | 'resources', Record<LocaleCode, string>> = {
  news: { bs: 'SPIS – vijesti', hr: 'SPIS – vijesti', 'sr-Latn': 'SPIS – vijesti', 'sr-Cyrl': 'СПИС – вијести', en: 'SPIS – news' },
  resources: { bs: 'SPIS – dokumenti', hr: 'SPIS – dokumenti', 'sr-Latn': 'SPIS – dokumenti', 'sr-Cyrl': 'СПИС – документи', en: 'SPIS – resources' },
};

/** The programme's name as the source documents give it (Croatian and Serbian Latin follow them). */
const DESCRIPTIONS: Record<LocaleCode, string> = {
  bs: 'Jačanje sistema socijalne zaštite i inkluzije djece u BiH',
  hr: 'Jačanje sustava socijalne zaštite i inkluzije djece u BiH',
  'sr-Latn': 'Jačanje sistema socijalne zaštite i inkluzije djece u BiH',
  'sr-Cyrl': 'Јачање система социјалне заштите и инклузије дјеце у БиХ',
  en: 'Enhancing the Social Protection and Inclusion System for Children in BiH',
};

export const feedPath = (locale: LocaleCode, format: FeedFormat, name: keyof typeof TITLES = 'news') => `/feeds/${name}.${locale}.${format}`;

/** The newest change among the documents (a feed's own date), or the epoch for an empty feed. */
export const lastChange = (documents: { updatedAt: string }[]): Date => new Date(Math.max(0, ...documents.map((document) => Date.parse(document.updatedAt))));

const GENERATOR = 'SPIS CMS';
const COPYRIGHT = '© UNICEF Bosnia and Herzegovina';

type Item = { id: string; link: string; title: string; lead: string | null; published: Date; updated: Date };
/** What a feed is: its title in the reader's language, where it lives, its home page. */
type Channel = { locale: LocaleCode; title: string; self: string; home: string };

function renderRss({ locale, title, self, home }: Channel, updated: Date, items: Item[]): string {
  const channel = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' }).ele('channel');
  channel.ele('title').txt(title);
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

function renderAtom({ locale, title, self, home }: Channel, updated: Date, items: Item[]): string {
  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': locale });
  feed.ele('id').txt(text(self));
  feed.ele('title', { type: 'text' }).txt(title);
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

const channel = (name: keyof typeof TITLES, pluralName: string, format: FeedFormat, locale: LocaleCode, links: DocumentLinks): Channel => ({
  locale,
  title: TITLES[name][locale],
  self: `${links.site}${feedPath(locale, format, name)}`,
  home: `${links.site}/api/${pluralName}?locale=${encodeURIComponent(locale)}`,
});

const itemOf = (links: DocumentLinks, pluralName: string, locale: LocaleCode, document: { documentId: string; slug: string; title: string; updatedAt: string }) => {
  const ref = { pluralName, documentId: document.documentId, slug: document.slug, locale };
  return { id: links.apiUrl(ref), link: links.pageUrl(ref), title: document.title, updated: new Date(document.updatedAt) };
};

export function renderNewsFeed(format: FeedFormat, locale: LocaleCode, links: DocumentLinks, articles: FeedArticle[]): string {
  const items = articles.map(
    (article): Item => ({ ...itemOf(links, 'news-articles', locale, article), lead: article.lead ?? null, published: new Date(`${article.publicationDate}T00:00:00Z`) })
  );
  return (format === 'rss' ? renderRss : renderAtom)(channel('news', 'news-articles', format, locale, links), lastChange(articles), items);
}

export function renderResourcesFeed(format: FeedFormat, locale: LocaleCode, links: DocumentLinks, resources: FeedResource[]): string {
  const items = resources.map((resource): Item => ({ ...itemOf(links, 'resources', locale, resource), lead: resource.summary ?? null, published: new Date(resource.createdAt) }));
  return (format === 'rss' ? renderRss : renderAtom)(channel('resources', 'resources', format, locale, links), lastChange(resources), items);
}
