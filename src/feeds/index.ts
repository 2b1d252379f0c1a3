/**
 * Feeds for partner sites, feed readers, calendars and map tools, in the formats they read:
 * news and new resources per locale as RSS 2.0 (`/feeds/news.<locale>.rss`,
 * `/feeds/resources.<locale>.rss`) and Atom 1.0 (`.atom`), workshops as
 * iCalendar (`/feeds/workshops.<locale>.ics`), the municipalities as GeoJSON
 * (`/api/municipalities.geojson?locale=`), `/sitemap.xml` (an index of `/sitemaps/<type>-<n>.xml`)
 * with every language version, and the
 * programme as an IATI 2.03 activity (`/feeds/iati.xml`).
 * Published versions only, absolute URLs from PUBLIC_URL (item links from FEED_LINK_TEMPLATE when
 * set); `?fallback=true` as in the content API; ETag and Last-Modified with 304s.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { apiContentTypeUids, tableOf } from '../content-api/content-types';
import { findFallbackProblem } from '../content-api/query';
import { env, publicOrigin } from '../env';
import { DEFAULT_LOCALE, isLocaleCode, LOCALE_CODES, type LocaleCode } from '../locales';
import { negotiateLocale } from '../locales/negotiate';
import { sendWithValidators } from './conditional-get';
import { documentLinks, type DocumentLinks } from './links';
import { renderIatiActivities, type IatiIndicator, type IatiProgramme, type IatiResult, type IatiValues } from './iati';
import { municipalitiesToGeoJson, type MunicipalityDocument } from './municipalities-geojson';
import { lastChange, renderNewsFeed, renderResourcesFeed, type FeedArticle, type FeedFormat, type FeedResource } from './news-feed';
import { DOCUMENTS_PER_SITEMAP, parseSitemapFileName, renderSitemap, renderSitemapIndex, sitemapFiles, type SitemapDocument } from './sitemap';
import { renderWorkshopsCalendar, type WorkshopDocument } from './workshops-calendar';
import { MENU_ITEM } from '../site-structure';

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
const MUNICIPALITY = 'api::municipality.municipality';
const PROGRAMME = 'api::programme.programme';
const PHASE = 'api::phase.phase';
const PROGRAMME_SLUG = 'spis';
/** Entries of a news or resources feed: the newest. */
const FEED_SIZE = 50;
const RESOURCE = 'api::resource.resource';
const RESULT = 'api::result.result';
const INDICATOR = 'api::indicator.indicator';

/** What a feed request asked for: its language, whether to fill gaps along the fallback chain, where links lead. */
type FeedRequest = { locale: LocaleCode; fallback: boolean; links: DocumentLinks };

type Feed = {
  contentType: string;
  render(strapi: Core.Strapi, request: FeedRequest): Promise<{ body: string; lastModified: Date }>;
};

/**
 * An RSS or Atom feed of the newest FEED_SIZE published documents of a type, in the reader's
 * language: the fields it shows, its order, and the renderer that writes them.
 */
function entryFeed<T extends { updatedAt: string }>(
  uid: typeof NEWS | typeof RESOURCE,
  read: { fields: string[]; sort: Record<string, 'asc' | 'desc'>[] },
  render: (format: FeedFormat, locale: LocaleCode, links: DocumentLinks, entries: T[]) => string
) {
  return (format: FeedFormat): Feed => ({
    contentType: format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
    async render(strapi, { locale, fallback, links }) {
      const entries = (await strapi.documents(uid).findMany({ locale, fallback, status: 'published', ...read, limit: FEED_SIZE } as never)) as unknown as T[];
      return { body: render(format, locale, links, entries), lastModified: lastChange(entries) };
    },
  });
}

const newsFeed = entryFeed<FeedArticle>(
  NEWS,
  { fields: ['title', 'slug', 'lead', 'publicationDate', 'updatedAt'], sort: [{ publicationDate: 'desc' }, { title: 'asc' }] },
  renderNewsFeed
);
const resourcesFeed = entryFeed<FeedResource>(
  RESOURCE,
  { fields: ['title', 'slug', 'summary', 'createdAt', 'updatedAt'], sort: [{ createdAt: 'desc' }, { title: 'asc' }] },
  renderResourcesFeed
);

/** `/feeds/<name>.<locale>.<format>`, keyed by `<name>.<format>`. */
const FEEDS: Record<string, Feed> = {
  'news.rss': newsFeed('rss'),
  'news.atom': newsFeed('atom'),
  'resources.rss': resourcesFeed('rss'),
  'resources.atom': resourcesFeed('atom'),
  'workshops.ics': {
    contentType: 'text/calendar; charset=utf-8',
    async render(strapi, { locale, fallback, links }) {
      const workshops = (await strapi.documents(WORKSHOP).findMany({
        locale,
        fallback,
        status: 'published',
        fields: ['title', 'slug', 'description', 'startDate', 'endDate', 'startTime', 'endTime', 'timeZone', 'city', 'venue', 'updatedAt'],
        populate: { geo: true },
        sort: [{ startDate: 'asc' }, { title: 'asc' }],
      })) as unknown as WorkshopDocument[];
      return { body: renderWorkshopsCalendar(locale, links, workshops), lastModified: lastChange(workshops) };
    },
  },
};
const FEED_FILE = /^(?<name>[a-z]+)\.(?<locale>[A-Za-z-]+)\.(?<format>[a-z]+)$/;

/** Links from the server's public origin (the request's own origin when PUBLIC_URL is unset). */
const linksFor = (ctx: Context) => documentLinks(publicOrigin(ctx.origin), env.FEED_LINK_TEMPLATE);

/** `?fallback=true|false` as the content API reads it; absent, the configured default. */
function fallbackFlag(strapi: Core.Strapi, ctx: Context): boolean {
  const flag = ctx.query.fallback;
  const problem = findFallbackProblem(flag);
  if (problem) throw new errors.ValidationError(problem);
  return flag === undefined ? strapi.config.get('locales.fallback.enabledByDefault', false) : flag === 'true';
}

const byLocaleOrder = <T extends { locale: string }>(versions: T[]) =>
  [...versions].sort((a, b) => LOCALE_CODES.indexOf(a.locale as LocaleCode) - LOCALE_CODES.indexOf(b.locale as LocaleCode));

/** The types whose documents have addresses of their own: not menu items, which lead to them. */
const sitemapTypes = (strapi: Core.Strapi) => apiContentTypeUids(strapi).filter((uid) => uid !== MENU_ITEM);

/** Per app type with published documents: how many (read from Strapi's (document_id, locale, published_at) index alone). */
async function publishedTotals(strapi: Core.Strapi) {
  const totals: { pluralName: string; documents: number }[] = [];
  for (const uid of sitemapTypes(strapi)) {
    const knex = strapi.db.connection;
    const [row] = (await knex.count({ documents: '*' }).from(knex(tableOf(strapi, uid)).distinct('document_id').whereNotNull('published_at').as('published'))) as Array<{
      documents: string | number;
    }>;
    const documents = Number(row.documents);
    if (documents > 0) totals.push({ pluralName: strapi.contentTypes[uid].info.pluralName, documents });
  }
  return totals;
}

/**
 * One sitemap file's documents: the `page`-th DOCUMENTS_PER_SITEMAP published documents of the
 * type in documentId order, with the languages each is published in.
 */
async function publishedDocuments(strapi: Core.Strapi, uid: UID.ContentType, page: number): Promise<SitemapDocument[]> {
  const ids: string[] = (
    await strapi.db
      .connection(tableOf(strapi, uid))
      .distinct('document_id')
      .whereNotNull('published_at')
      .orderBy('document_id')
      .limit(DOCUMENTS_PER_SITEMAP)
      .offset((page - 1) * DOCUMENTS_PER_SITEMAP)
  ).map((row: { document_id: string }) => row.document_id);
  if (ids.length === 0) return [];
  // `locale` must be asked for once the fields are narrowed.
  const fields = ['updatedAt', 'locale', ...('slug' in strapi.contentTypes[uid].attributes ? ['slug'] : [])];
  const versions = (await strapi.documents(uid).findMany({ locale: '*', status: 'published', filters: { documentId: { $in: ids } }, fields: fields as never })) as unknown as {
    documentId: string;
    locale: LocaleCode;
    slug?: string;
    updatedAt: string;
  }[];
  const byDocument = new Map<string, SitemapDocument['versions']>(ids.map((id) => [id, []]));
  for (const { documentId, ...version } of versions) byDocument.get(documentId)?.push(version);
  const pluralName = strapi.contentTypes[uid].info.pluralName;
  return [...byDocument].filter(([, found]) => found.length > 0).map(([documentId, found]) => ({ pluralName, documentId, versions: byLocaleOrder(found) }));
}

type PeriodValues = { target: number | string | null; actual: number | string | null; municipality?: { slug: string } | null };
type IndicatorVersion = Omit<IatiIndicator, 'texts' | 'baseline' | 'periods'> & {
  documentId: string;
  locale: string;
  title: string;
  description: string | null;
  updatedAt: string;
  baselineYear: number | null;
  baselineValue: number | string | null;
  result: { documentId: string } | null;
  periods: Array<PeriodValues & { periodStart: string; periodEnd: string; municipalities: PeriodValues[] }>;
};
type ResultVersion = { documentId: string; locale: string; title: string; description: string | null; type: IatiResult['type']; updatedAt: string };

/** PostgreSQL answers decimals as strings. */
const decimal = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));
const periodValues = (period: PeriodValues & { municipalities: PeriodValues[] }, key: 'target' | 'actual'): IatiValues => ({
  value: decimal(period[key]),
  places: period.municipalities.flatMap((place) => (place.municipality && place[key] !== null ? [{ slug: place.municipality.slug, value: Number(place[key]) }] : [])),
});

/** The language versions of each document, in locale order. */
const byDocumentId = <T extends { documentId: string; locale: string }>(versions: T[]) => {
  const grouped = new Map<string, T[]>();
  for (const version of byLocaleOrder(versions)) grouped.set(version.documentId, [...(grouped.get(version.documentId) ?? []), version]);
  return grouped;
};

/** The published results framework: each result with its published indicators, texts in every language. */
async function iatiResults(strapi: Core.Strapi): Promise<{ results: IatiResult[]; updatedAt: string[] }> {
  const results = (await strapi.documents(RESULT).findMany({
    locale: '*',
    status: 'published',
    fields: ['title', 'description', 'type', 'updatedAt', 'locale'] as never,
    sort: 'title:asc',
  })) as unknown as ResultVersion[];
  const indicators = (await strapi.documents(INDICATOR).findMany({
    locale: '*',
    status: 'published',
    fields: ['title', 'description', 'measure', 'ascending', 'baselineYear', 'baselineValue', 'updatedAt', 'locale'] as never,
    populate: { result: { fields: ['documentId'] }, periods: { populate: { municipalities: { populate: { municipality: { fields: ['slug'] } } } } } } as never,
    sort: 'title:asc',
  })) as unknown as IndicatorVersion[];
  const texts = (versions: { locale: string; title: string; description: string | null }[]) => versions.map(({ locale, title, description }) => ({ locale, title, description }));
  const indicatorsOf = new Map<string, IatiIndicator[]>();
  for (const versions of byDocumentId(indicators).values()) {
    const [main] = versions;
    const result = versions.find((version) => version.result)?.result?.documentId;
    if (!result) continue;
    indicatorsOf.set(result, [
      ...(indicatorsOf.get(result) ?? []),
      {
        texts: texts(versions),
        measure: main.measure,
        ascending: main.ascending,
        baseline: main.baselineYear ? { year: main.baselineYear, value: decimal(main.baselineValue) } : null,
        periods: (main.periods ?? []).map((period) => ({
          start: period.periodStart,
          end: period.periodEnd,
          target: periodValues(period, 'target'),
          actual: periodValues(period, 'actual'),
        })),
      },
    ]);
  }
  return {
    results: [...byDocumentId(results)].map(([documentId, versions]) => ({ type: versions[0].type, texts: texts(versions), indicators: indicatorsOf.get(documentId) ?? [] })),
    updatedAt: [...results, ...indicators].map((version) => version.updatedAt),
  };
}

/** The SPIS programme as IATI needs it, from its published versions, phases and places; undefined if unpublished. */
async function iatiProgramme(strapi: Core.Strapi): Promise<IatiProgramme | undefined> {
  type Version = { locale: string; name: string; summary: string | null; acronym: string; startYear: number; updatedAt: string; funding: IatiProgramme['funding'] };
  const versions = (await strapi.documents(PROGRAMME).findMany({
    locale: '*',
    status: 'published',
    filters: { slug: PROGRAMME_SLUG },
    fields: ['name', 'summary', 'acronym', 'startYear', 'updatedAt', 'locale'] as never,
    populate: { funding: true },
  })) as unknown as Version[];
  if (versions.length === 0) return undefined;
  const ordered = byLocaleOrder(versions);
  const phases = (await strapi.documents(PHASE).findMany({ locale: DEFAULT_LOCALE, status: 'published', fields: ['periodEnd'] })) as unknown as { periodEnd: string | null }[];
  const places = (await strapi.documents(MUNICIPALITY).findMany({
    locale: DEFAULT_LOCALE,
    status: 'published',
    fields: ['slug', 'name'],
    populate: { geo: true },
    sort: 'slug:asc',
  })) as unknown as { slug: string; name: string; geo: { lat: number; lon: number } | null }[];
  const [main] = ordered;
  const { results, updatedAt } = await iatiResults(strapi);
  return {
    acronym: main.acronym,
    startYear: main.startYear,
    endYear: Math.max(main.startYear, ...phases.map((phase) => Number.parseInt(phase.periodEnd ?? '', 10)).filter(Number.isFinite)),
    // The file changes when the programme or any of its results does.
    updatedAt: lastChange([main, ...updatedAt.map((date) => ({ updatedAt: date }))]).toISOString(),
    results,
    texts: ordered.map(({ locale, name, summary }) => ({ locale, name, summary: summary ?? name })),
    funding: main.funding,
    municipalities: places.flatMap(({ slug, name, geo }) => (geo ? [{ slug, name, lat: geo.lat, lon: geo.lon }] : [])),
  };
}

export function registerFeeds(strapi: Core.Strapi): void {
  // Before /feeds/:file, which would take the name too.
  strapi.server.router.get('/feeds/iati.xml', async (ctx: Context) => {
    const programme = await iatiProgramme(strapi);
    if (!programme) throw new errors.NotFoundError(`The programme "${PROGRAMME_SLUG}" is not published`);
    const updated = new Date(programme.updatedAt);
    sendWithValidators(ctx, renderIatiActivities(programme, updated), 'application/xml; charset=utf-8', updated);
  });

  strapi.server.router.get('/feeds/:file', async (ctx: Context) => {
    const { name, locale, format } = FEED_FILE.exec(ctx.params.file)?.groups ?? {};
    const feed = FEEDS[`${name}.${format}`];
    if (!feed) {
      throw new errors.NotFoundError(
        `No feed ${ctx.params.file}; feeds are /feeds/news.<locale>.rss, /feeds/news.<locale>.atom, /feeds/resources.<locale>.rss, /feeds/resources.<locale>.atom and /feeds/workshops.<locale>.ics`
      );
    }
    if (!isLocaleCode(locale)) throw new errors.NotFoundError(`No feed in locale "${locale}"; locales are ${LOCALE_CODES.join(', ')}`);
    const { body, lastModified } = await feed.render(strapi, { locale, fallback: fallbackFlag(strapi, ctx), links: linksFor(ctx) });
    sendWithValidators(ctx, body, feed.contentType, lastModified);
  });

  strapi.server.router.get('/api/municipalities.geojson', async (ctx: Context) => {
    const choice = negotiateLocale({ query: ctx.query.locale, acceptLanguage: ctx.get('Accept-Language') || undefined });
    if (!choice.ok || choice.locale === '*') {
      throw new errors.ValidationError(`Unsupported locale "${choice.ok ? choice.locale : choice.requested}"; use one of ${LOCALE_CODES.join(', ')}`);
    }
    const { locale } = choice;
    const municipalities = (await strapi.documents(MUNICIPALITY).findMany({
      locale,
      fallback: fallbackFlag(strapi, ctx),
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

  strapi.server.router.get('/sitemap.xml', async (ctx: Context) => {
    const totals = await publishedTotals(strapi);
    const files = sitemapFiles(`${linksFor(ctx).site}/sitemaps`, totals);
    sendWithValidators(ctx, renderSitemapIndex(files), 'application/xml; charset=utf-8');
  });

  strapi.server.router.get('/sitemaps/:file', async (ctx: Context) => {
    const named = parseSitemapFileName(ctx.params.file);
    const uid = named && sitemapTypes(strapi).find((candidate) => strapi.contentTypes[candidate].info.pluralName === named.pluralName);
    const documents = uid ? await publishedDocuments(strapi, uid, named.page) : [];
    if (documents.length === 0) throw new errors.NotFoundError(`No sitemap ${ctx.params.file}; /sitemap.xml lists the sitemaps there are`);
    sendWithValidators(ctx, renderSitemap(linksFor(ctx), documents), 'application/xml; charset=utf-8', lastChange(documents.flatMap((document) => document.versions)));
  });
}
