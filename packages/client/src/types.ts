/**
 * TEMPORARY, hand-written: the response shapes of the public read API as README.md documents
 * them. When `types/openapi.json` exists, `npm run generate-types` writes `src/openapi.d.ts`
 * and this file becomes aliases of its schemas; nothing else in the client changes.
 */

export type Locale = 'bs' | 'hr' | 'sr-Latn' | 'sr-Cyrl' | 'en';

/** Where a localized field came from when fallback is on. */
export type LocaleSource = { locale: Locale; transliterated?: boolean };

/** What every entry has; any field may be null, and `fields`/`populate` decide what is present. */
export type Entry = {
  id: number;
  documentId: string;
  /** The version served (with fallback, the first locale of the chain that has the document). */
  locale?: Locale;
  createdAt?: string;
  updatedAt?: string;
  publishedAt?: string | null;
  /** Only with fallback: field name → where its text came from. */
  localeSources?: Record<string, LocaleSource>;
};

/** Strapi's rich text ("blocks"): paragraphs, lists, headings, each with children. */
export type Blocks = Array<{ type: string; children?: unknown[]; [key: string]: unknown }>;

export type GeoPoint = { id?: number; lat: number | null; lon: number | null };

export type Canton =
  | 'una_sana' | 'posavina' | 'tuzla' | 'zenica_doboj' | 'bosnian_podrinje'
  | 'central_bosnia' | 'herzegovina_neretva' | 'west_herzegovina' | 'sarajevo' | 'canton_10';

export type Programme = Entry & {
  name: string | null;
  acronym: string | null;
  slug: string | null;
  summary: string | null;
  description: Blocks | null;
  overallObjective: string | null;
  targetGroups: string | null;
  expectedReachChildren: number | null;
  startYear: number | null;
  partners: string | null;
  specificObjectives?: Array<{ id?: number; text: string | null }>;
  implementationLevels?: Array<{ id?: number; level: 'community' | 'institutions' | 'policy' | null; description: string | null }>;
  funding?: Array<{ id?: number; funder: string | null; instrument: string | null; amount: number | string | null; currency: 'EUR' | 'BAM' | 'USD' | null; sinceYear: number | null }>;
  phases?: Phase[];
  contacts?: Contact[];
  newsArticles?: NewsArticle[];
};

export type Phase = Entry & {
  name: 'I' | 'II' | 'III' | 'IV' | 'V' | null;
  /** An ISO date of known precision: "2011", "2011-09" or "2011-09-01". */
  periodStart: string | null;
  periodEnd: string | null;
  focus: string | null;
  programme?: Programme | null;
  municipalities?: Municipality[];
  workshops?: Workshop[];
};

export type Municipality = Entry & {
  name: string | null;
  slug: string | null;
  kind: 'municipality' | 'city' | 'district' | null;
  entity: 'FBiH' | 'RS' | 'BD' | null;
  canton: Canton | null;
  population2013: number | null;
  geo?: GeoPoint | null;
  phases?: Phase[];
  workshops?: Workshop[];
  newsArticles?: NewsArticle[];
};

export type Workshop = Entry & {
  title: string | null;
  slug: string | null;
  description: string | null;
  /** Dates as YYYY-MM-DD and times as HH:mm:ss.SSS, in `timeZone`. */
  startDate: string | null;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  timeZone: 'Europe/Sarajevo' | null;
  city: string | null;
  venue: string | null;
  audience: string | null;
  organisers: string | null;
  geo?: GeoPoint | null;
  phase?: Phase | null;
  municipalities?: Municipality[];
  newsArticles?: NewsArticle[];
};

export type NewsArticle = Entry & {
  title: string | null;
  slug: string | null;
  dateline: string | null;
  /** YYYY-MM-DD */
  publicationDate: string | null;
  lead: string | null;
  body: Blocks | null;
  quotes?: Array<{ id?: number; text: string | null; speaker: string | null; role: string | null }>;
  tags?: Array<{ id?: number; name: string | null }>;
  seo?: { id?: number; metaTitle: string | null; metaDescription: string | null; canonicalUrl: string | null; noIndex: boolean | null } | null;
  cover?: { url: string; alternativeText: string | null; width: number | null; height: number | null; [key: string]: unknown } | null;
  programme?: Programme | null;
  workshops?: Workshop[];
  municipalities?: Municipality[];
};

export type Contact = Entry & {
  name: string | null;
  role: string | null;
  organisation: string | null;
  unit: string | null;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  programme?: Programme | null;
};

/** The entry type behind each REST collection, by its path under /api. */
export type Collections = {
  programmes: Programme;
  phases: Phase;
  municipalities: Municipality;
  workshops: Workshop;
  'news-articles': NewsArticle;
  contacts: Contact;
};

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };

export type ListBody<T> = { data: T[]; meta: { pagination: Pagination } };
export type ItemBody<T> = { data: T; meta: Record<string, unknown> };

/** Strapi's error body: `{ data: null, error: { status, name, message, details } }`. */
export type ErrorBody = { data: null; error: { status: number; name: string; message: string; details?: Record<string, unknown> } };

/** `/api/municipalities.geojson`: RFC 7946, coordinates as [longitude, latitude]. */
export type MunicipalityFeature = {
  type: 'Feature';
  /** The municipality's documentId. */
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    name: string | null;
    slug: string | null;
    locale: Locale;
    kind: Municipality['kind'];
    entity: Municipality['entity'];
    canton: Canton | null;
    population2013: number | null;
    phases: string[];
  };
};
export type MunicipalitiesGeoJson = { type: 'FeatureCollection'; features: MunicipalityFeature[] };
