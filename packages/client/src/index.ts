/**
 * A typed client for the SPIS content API: each collection by locale, with fallback, search
 * and pagination, pages by path and the menu, the municipalities as GeoJSON, and the feed of
 * changes that keeps a copy of the content current. No dependencies: it uses the global `fetch` of browsers and Node 20+, or
 * the one you pass.
 */
import { SpisApiError } from './errors.js';
import { toQueryString, type QueryValue } from './query.js';
import type { Change, ChangesPage, Collections, ItemBody, ListBody, Locale, MenuEntry, MunicipalitiesGeoJson, PageAtPath } from './types.js';

export { SpisApiError, SpisCursorGoneError } from './errors.js';
export { toQueryString, type QueryValue } from './query.js';
export type * from './types.js';

/** The content locales, the default first. */
export const LOCALES = ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'] as const satisfies readonly Locale[];

/**
 * A content locale, a tag the server maps to one (`sr-RS` → sr-Cyrl, `bs-BA` → bs), or `*`
 * for every locale. Anything else is a 400.
 */
export type LocaleParam = Locale | '*' | (string & {});

export type ClientOptions = {
  /** Where the CMS answers, e.g. https://cms.example.org (the API is under /api). */
  baseUrl: string;
  /** For every request unless it names its own. Without any, the server picks from Accept-Language (browsers send it), else bs. */
  locale?: LocaleParam;
  /** Fill what is missing in the locale from its fallback chain (entries then carry localeSources). */
  fallback?: boolean;
  /** Sent with every request, e.g. Accept-Language when rendering on a server for a visitor. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
};

export type ReadOptions = {
  locale?: LocaleParam;
  fallback?: boolean;
  /** Links and components to include: 'geo', ['geo', 'phases'], '*' or Strapi's object form. */
  populate?: QueryValue;
  /** Only these fields (id and documentId always come). */
  fields?: readonly string[];
  signal?: AbortSignal;
};

export type ListOptions = ReadOptions & {
  /** Words to find, whatever their case, diacritics or script (programmes, municipalities, workshops, news articles, pages, resources). */
  q?: string;
  page?: number;
  /** At most 100; the server's default is 25. */
  pageSize?: number;
  /** 'name', 'publicationDate:desc' or a list of them. */
  sort?: string | readonly string[];
  /** Strapi filters, e.g. { slug: { $eq: 'celinac' } } or { phases: { name: { $eq: 'III' } } }. */
  filters?: { readonly [field: string]: QueryValue };
};

/** A response body plus the locale it is in (the Content-Language header; null for locale=*). */
export type Result<Body> = Body & { locale: Locale | null };

export type CollectionClient<T> = {
  list(options?: ListOptions): Promise<Result<ListBody<T>>>;
  get(documentId: string, options?: ReadOptions): Promise<Result<ItemBody<T>>>;
};

/** Client property → REST path under /api. */
const COLLECTION_PATHS = {
  programmes: 'programmes',
  phases: 'phases',
  municipalities: 'municipalities',
  workshops: 'workshops',
  newsArticles: 'news-articles',
  contacts: 'contacts',
  pages: 'pages',
  menuItems: 'menu-items',
  resources: 'resources',
  results: 'results',
  indicators: 'indicators',
} as const satisfies Record<string, keyof Collections>;

/** A collection of the client: `newsArticles`, `municipalities`, … */
export type CollectionName = keyof typeof COLLECTION_PATHS;

type CollectionClients = { [Name in CollectionName]: CollectionClient<Collections[(typeof COLLECTION_PATHS)[Name]]> };

/** The collection of each content type, by the uid the change feed names it with. */
export const CONTENT_TYPES = {
  'api::programme.programme': 'programmes',
  'api::phase.phase': 'phases',
  'api::municipality.municipality': 'municipalities',
  'api::workshop.workshop': 'workshops',
  'api::news-article.news-article': 'newsArticles',
  'api::contact.contact': 'contacts',
  'api::page.page': 'pages',
  'api::menu-item.menu-item': 'menuItems',
  'api::resource.resource': 'resources',
  'api::result.result': 'results',
  'api::indicator.indicator': 'indicators',
} as const satisfies Record<Change['contentType'], CollectionName>;

export type ChangesOptions = {
  /** Only changes of these collections. */
  collections?: readonly CollectionName[];
  /** Only changes of this language version. */
  locale?: Locale;
  /** Changes per request, at most 1000; the server's default is 100. */
  pageSize?: number;
  signal?: AbortSignal;
};

/** What a read of the site's structure takes. */
export type StructureOptions = { locale?: LocaleParam; fallback?: boolean; signal?: AbortSignal };

export type SpisClient = CollectionClients & {
  /** The published page at a path of slugs (`about-spis/what-is-social-protection`); SpisApiError 404 when there is none. */
  pageByPath(path: string, options?: StructureOptions): Promise<Result<PageAtPath>>;
  /** The menu: items leading to a page, a list or an address, nested and in order. */
  navigation(options?: StructureOptions): Promise<Result<{ data: MenuEntry[]; meta: { locale: Locale; fallback: boolean } }>>;
  /** The municipalities as an RFC 7946 FeatureCollection ([lon, lat]) with names in the locale. */
  municipalitiesGeoJson(options?: { locale?: LocaleParam; fallback?: boolean; signal?: AbortSignal }): Promise<Result<{ data: MunicipalitiesGeoJson }>>;
  /** Where the change feed is now (`since=now`): take it before downloading everything, then follow `sync(cursor)`. */
  currentCursor(options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * The changes to published content after `since` (from the oldest the server keeps without
   * it), a page per request until the present, always at least one page. Each page's
   * `meta.cursor` is where the next one starts: store it once the page is applied. For each
   * change, read the document again in its locale (without fallback), or drop it on 404.
   * Throws SpisCursorGoneError (410) when `since` can no longer be followed.
   */
  sync(since?: string, options?: ChangesOptions): AsyncGenerator<ChangesPage, void, undefined>;
};

const localeOf = (response: Response): Locale | null => {
  const header = response.headers.get('Content-Language');
  return LOCALES.find((locale) => locale === header) ?? null;
};

export function createClient(options: ClientOptions): SpisClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Called through a wrapper: a browser's fetch throws "Illegal invocation" when called as a method of another object.
  const send: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function read<Body>(path: string, params: Record<string, QueryValue>, signal?: AbortSignal) {
    const query = toQueryString(params);
    const response = await send(`${baseUrl}${path}${query ? `?${query}` : ''}`, { headers: options.headers, signal });
    if (!response.ok) throw await SpisApiError.from(response);
    return { body: (await response.json()) as Body, locale: localeOf(response) };
  }
  const withLocale = <Body>({ body, locale }: { body: Body; locale: Locale | null }): Result<Body> => ({ ...body, locale });

  const readParams = ({ locale, fallback, populate, fields }: ReadOptions): Record<string, QueryValue> => ({
    locale: locale ?? options.locale,
    fallback: fallback ?? options.fallback,
    populate,
    fields,
  });

  const collection = <T>(path: string): CollectionClient<T> => ({
    list: (list = {}) =>
      read<ListBody<T>>(
        `/api/${path}`,
        { ...readParams(list), q: list.q, pagination: { page: list.page, pageSize: list.pageSize }, sort: list.sort, filters: list.filters },
        list.signal
      ).then(withLocale),
    get: (documentId, item = {}) => read<ItemBody<T>>(`/api/${path}/${encodeURIComponent(documentId)}`, readParams(item), item.signal).then(withLocale),
  });

  const collections = Object.fromEntries(Object.entries(COLLECTION_PATHS).map(([name, path]) => [name, collection(path)])) as CollectionClients;

  async function* sync(since?: string, { collections: names, locale, pageSize, signal }: ChangesOptions = {}): AsyncGenerator<ChangesPage, void, undefined> {
    const type = names?.map((name) => COLLECTION_PATHS[name]).join(',');
    let page: ChangesPage;
    let cursor = since;
    do {
      ({ body: page } = await read<ChangesPage>('/api/changes', { since: cursor, type, locale, pageSize }, signal));
      yield page;
      cursor = page.meta.cursor;
    } while (page.meta.hasMore);
  }

  const structureParams = ({ locale, fallback }: StructureOptions) => ({ locale: locale ?? options.locale, fallback: fallback ?? options.fallback });

  return {
    ...collections,
    pageByPath: (path, structure = {}) =>
      read<PageAtPath>(
        `/api/pages/by-path/${path
          .split('/')
          .filter(Boolean)
          .map((segment) => encodeURIComponent(segment))
          .join('/')}`,
        structureParams(structure),
        structure.signal
      ).then(withLocale),
    navigation: (structure = {}) =>
      read<{ data: MenuEntry[]; meta: { locale: Locale; fallback: boolean } }>('/api/navigation', structureParams(structure), structure.signal).then(withLocale),
    municipalitiesGeoJson: ({ locale, fallback, signal } = {}) =>
      read<MunicipalitiesGeoJson>('/api/municipalities.geojson', { locale: locale ?? options.locale, fallback: fallback ?? options.fallback }, signal).then(
        ({ body, locale: served }) => ({
          data: body,
          locale: served,
        })
      ),
    currentCursor: ({ signal } = {}) => read<ChangesPage>('/api/changes', { since: 'now' }, signal).then(({ body }) => body.meta.cursor),
    sync,
  };
}
