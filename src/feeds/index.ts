/**
 * Feeds for partner sites and feed readers, outside the JSON API: news per locale as RSS 2.0
 * (`/feeds/news.<locale>.rss`) and Atom 1.0 (`/feeds/news.<locale>.atom`). Published versions
 * only, newest first, absolute URLs from PUBLIC_URL; ETag and Last-Modified with 304s.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { env } from '../env';
import { isLocaleCode } from '../locales';
import { sendWithValidators } from './conditional-get';
import { lastChange, renderNewsFeed, type FeedArticle, type FeedFormat } from './news-feed';

const NEWS = 'api::news-article.news-article';
const FEED_SIZE = 50;
const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
const NEWS_FEED = /^news\.(?<locale>[A-Za-z-]+)\.(?<format>rss|atom)$/;

const notFound = (ctx: Context, message: string) => {
  ctx.status = 404;
  ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message } };
};

/** The server's public origin, as partners reach it; the request's own origin when unset. */
const siteUrl = (ctx: Context) => (env.PUBLIC_URL ?? ctx.origin).replace(/\/+$/, '');

export function registerFeeds(strapi: Core.Strapi): void {
  strapi.server.router.get('/feeds/:file', async (ctx: Context) => {
    const match = NEWS_FEED.exec(ctx.params.file);
    if (!match?.groups) return notFound(ctx, `No feed ${ctx.params.file}; news feeds are /feeds/news.<locale>.rss and .atom`);
    const { locale, format } = match.groups as { locale: string; format: FeedFormat };
    if (!isLocaleCode(locale)) return notFound(ctx, `No feed in locale "${locale}"`);

    const articles = (await strapi.documents(NEWS).findMany({
      locale,
      status: 'published',
      fields: ['title', 'lead', 'publicationDate', 'updatedAt'],
      sort: [{ publicationDate: 'desc' }, { title: 'asc' }],
      limit: FEED_SIZE,
    })) as unknown as FeedArticle[];
    sendWithValidators(ctx, renderNewsFeed(format, locale, siteUrl(ctx), articles), CONTENT_TYPES[format], lastChange(articles));
  });
}
