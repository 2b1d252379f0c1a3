/**
 * Feeds for partner sites, feed readers and map tools, in the formats they read: news per
 * locale as RSS 2.0 (`/feeds/news.<locale>.rss`) and Atom 1.0 (`/feeds/news.<locale>.atom`),
 * the municipalities as GeoJSON (`/api/municipalities.geojson?locale=`). Published versions
 * only, absolute URLs from PUBLIC_URL; ETag and Last-Modified with 304s.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { env } from '../env';
import { isLocaleCode, LOCALE_CODES } from '../locales';
import { negotiateLocale } from '../locales/negotiate';
import { sendWithValidators } from './conditional-get';
import { municipalitiesToGeoJson, type MunicipalityDocument } from './municipalities-geojson';
import { lastChange, renderNewsFeed, type FeedArticle, type FeedFormat } from './news-feed';

const NEWS = 'api::news-article.news-article';
const MUNICIPALITY = 'api::municipality.municipality';
const FEED_SIZE = 50;
const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
const NEWS_FEED = /^news\.(?<locale>[A-Za-z-]+)\.(?<format>rss|atom)$/;

const fail = (ctx: Context, status: 400 | 404, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 404 ? 'NotFoundError' : 'ValidationError', message } };
};

/** The server's public origin, as partners reach it; the request's own origin when unset. */
const siteUrl = (ctx: Context) => (env.PUBLIC_URL ?? ctx.origin).replace(/\/+$/, '');

export function registerFeeds(strapi: Core.Strapi): void {
  strapi.server.router.get('/feeds/:file', async (ctx: Context) => {
    const match = NEWS_FEED.exec(ctx.params.file);
    if (!match?.groups) return fail(ctx, 404, `No feed ${ctx.params.file}; news feeds are /feeds/news.<locale>.rss and .atom`);
    const { locale, format } = match.groups as { locale: string; format: FeedFormat };
    if (!isLocaleCode(locale)) return fail(ctx, 404, `No feed in locale "${locale}"`);

    const articles = (await strapi.documents(NEWS).findMany({
      locale,
      status: 'published',
      fields: ['title', 'lead', 'publicationDate', 'updatedAt'],
      sort: [{ publicationDate: 'desc' }, { title: 'asc' }],
      limit: FEED_SIZE,
    })) as unknown as FeedArticle[];
    sendWithValidators(ctx, renderNewsFeed(format, locale, siteUrl(ctx), articles), CONTENT_TYPES[format], lastChange(articles));
  });

  strapi.server.router.get('/api/municipalities.geojson', async (ctx: Context) => {
    const choice = negotiateLocale({ query: ctx.query.locale, acceptLanguage: ctx.get('Accept-Language') || undefined });
    if (!choice.ok || choice.locale === '*') {
      return fail(ctx, 400, `Unsupported locale "${choice.ok ? choice.locale : choice.requested}"; use one of ${LOCALE_CODES.join(', ')}`);
    }
    const { locale } = choice;
    const municipalities = (await strapi.documents(MUNICIPALITY).findMany({
      locale,
      status: 'published',
      fields: ['name', 'slug', 'kind', 'entity', 'canton', 'population2013', 'updatedAt'],
      populate: { geo: true, phases: { fields: ['name'] } },
      sort: 'slug:asc',
    })) as unknown as (MunicipalityDocument & { updatedAt: string })[];
    ctx.set('Content-Language', locale);
    ctx.vary('Accept-Language');
    const body = JSON.stringify(municipalitiesToGeoJson(municipalities, locale));
    sendWithValidators(ctx, body, 'application/geo+json; charset=utf-8', lastChange(municipalities));
  });
}
