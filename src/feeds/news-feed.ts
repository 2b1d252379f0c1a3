/**
 * News as RSS 2.0 and Atom 1.0 (rendered by the `feed` library, which escapes and dates them:
 * RFC 822 in RSS, RFC 3339 in Atom). Pure: the articles come in, the XML goes out.
 */
import { Feed } from 'feed';
import type { LocaleCode } from '../locales';
import type { DocumentLinks } from './links';

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
export const lastChange = (documents: { updatedAt: string }[]): Date =>
  new Date(Math.max(0, ...documents.map((document) => Date.parse(document.updatedAt))));

export function renderNewsFeed(format: FeedFormat, locale: LocaleCode, links: DocumentLinks, articles: FeedArticle[]): string {
  const self = `${links.site}${feedPath(locale, format)}`;
  const feed = new Feed({
    id: self,
    title: TITLES[locale],
    description: DESCRIPTIONS[locale],
    link: `${links.site}/api/news-articles?locale=${encodeURIComponent(locale)}`,
    language: locale,
    updated: lastChange(articles),
    copyright: '© UNICEF Bosnia and Herzegovina',
    generator: 'SPIS CMS',
    feedLinks: { [format]: self },
  });
  for (const article of articles) {
    const ref = { pluralName: 'news-articles', documentId: article.documentId, slug: article.slug, locale };
    const published = new Date(`${article.publicationDate}T00:00:00Z`);
    feed.addItem({
      id: links.apiUrl(ref),
      link: links.pageUrl(ref),
      title: article.title,
      description: article.lead ?? undefined,
      // RSS dates the item by publication; Atom also says when it last changed.
      date: format === 'rss' ? published : new Date(article.updatedAt),
      published,
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
