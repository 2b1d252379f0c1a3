/**
 * The response shapes of the public read API, as the server's OpenAPI document describes them:
 * aliases of the types openapi-typescript generates from `types/openapi.json` into
 * `openapi.ts` (`npm run generate-types`; a test checks the file is current).
 */
import type { components } from './openapi.js';

type Schemas = components['schemas'];

export type Locale = Schemas['LocaleCode'];

/** Where a localized field came from when fallback is on. */
export type LocaleSource = Schemas['LocaleSources'][string];

export type Programme = Schemas['Programme'];
export type Phase = Schemas['Phase'];
export type Municipality = Schemas['Municipality'];
export type Workshop = Schemas['Workshop'];
export type NewsArticle = Schemas['NewsArticle'];
export type Contact = Schemas['Contact'];
export type Page = Schemas['Page'];
export type MenuItem = Schemas['MenuItem'];
export type Resource = Schemas['Resource'];
export type Result = Schemas['Result'];
export type Indicator = Schemas['Indicator'];

/** `/api/pages/by-path/<path>`: the page, its path, and where it sits (breadcrumbs, children, other languages). */
export type PageAtPath = Schemas['PageAtPath'];
/** A page as breadcrumbs and child lists name it. */
export type PageLink = Schemas['PageLink'];
/** One item of `/api/navigation`, with the items under it. */
export type MenuEntry = Schemas['MenuEntry'];

/** The entry type behind each REST collection, by its path under /api. */
export type Collections = {
  programmes: Programme;
  phases: Phase;
  municipalities: Municipality;
  workshops: Workshop;
  'news-articles': NewsArticle;
  contacts: Contact;
  pages: Page;
  'menu-items': MenuItem;
  resources: Resource;
  results: Result;
  indicators: Indicator;
};

/** Page-based (`page`, `pageSize`) or offset-based (`start`, `limit`); `total` unless `withCount=false`. */
export type Pagination = Schemas['Pagination'];

export type ListBody<T> = { data: T[]; meta: { pagination: Pagination } };
export type ItemBody<T> = { data: T; meta: Record<string, never> };

/** Strapi's error body: `{ data: null, error: { status, name, message, details } }`. */
export type ErrorBody = Schemas['Error'];

/**
 * `/api/changes`: the published version of one document in one language changed, appeared or
 * disappeared; a mirror reads it again (or drops it on 404).
 */
export type Change = Schemas['Change'];
/** A page of the change feed and where the next one starts (`meta.cursor`). */
export type ChangesPage = Schemas['ChangesPage'];

/** `/api/municipalities.geojson`: RFC 7946, coordinates as [longitude, latitude]. */
export type MunicipalitiesGeoJson = Schemas['MunicipalitiesGeoJson'];
export type MunicipalityFeature = MunicipalitiesGeoJson['features'][number];
