/**
 * Drafts are private. Every content-API read (REST and GraphQL alike go through the Document
 * Service) is limited to published documents unless the caller holds a full-access API token
 * (the CMS's own tools and previews); the public and partners' read-only tokens never see a
 * draft. Each read also names a locale that exists: the one asked for, else the one negotiated
 * for the request (GraphQL queries without a `locale` argument). Registered once, in `register`.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiRequest, isAppContentRead, LOCALIZATIONS, type RequestState } from './content-types';
import { isLocaleCode, LOCALE_CODES } from '../locales';
import { ALL_LOCALES } from '../locales/negotiate';

const DRAFT_STATE_PARAMS = ['publicationFilter', 'hasPublishedVersion'];

/** Strapi's name for the API-token auth strategy of the content API. */
export const API_TOKEN_STRATEGY = 'content-api-token';

/** Whether the caller holds a full-access API token: the only content-API caller that sees drafts. */
export const mayReadDrafts = (state: RequestState | undefined): boolean => state?.auth?.strategy?.name === API_TOKEN_STRATEGY && state.auth.credentials?.type === 'full-access';

/** Whether `key` appears anywhere in a filters/populate/sort value (object keys or strings). */
const mentions = (value: unknown, key: string): boolean => {
  if (typeof value === 'string') return value.split(/[.,:\s]/).includes(key);
  if (Array.isArray(value)) return value.some((item) => mentions(item, key));
  if (value && typeof value === 'object') return Object.entries(value).some(([name, item]) => name === key || mentions(item, key));
  return false;
};

/** A populate value without `key` at any depth (strings and arrays name fields; objects nest). */
const withoutKey = (populate: unknown, key: string): unknown => {
  if (Array.isArray(populate)) return populate.filter((item) => item !== key);
  if (typeof populate === 'string')
    return (
      populate
        .split(',')
        .filter((item) => item !== key)
        .join(',') || undefined
    );
  if (populate && typeof populate === 'object') {
    return Object.fromEntries(
      Object.entries(populate)
        .filter(([name]) => name !== key)
        .map(([name, value]) => [name, value && typeof value === 'object' ? withoutKey(value, key) : value])
    );
  }
  return populate;
};

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function publishedOnly(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const state = isAppContentRead(context) ? contentApiRequest(strapi)?.state : undefined;
    if (!state) return next();

    const params = context.params as Record<string, unknown> & { status?: string; locale?: unknown; filters?: unknown; populate?: unknown; sort?: unknown };
    params.locale = params.locale ?? state.locale;
    if (params.locale !== undefined && params.locale !== ALL_LOCALES && !isLocaleCode(params.locale)) {
      throw new errors.ValidationError(`Unknown locale "${String(params.locale)}"; supported locales: ${LOCALE_CODES.join(', ')}`, { param: 'locale', supported: LOCALE_CODES });
    }
    if (!mayReadDrafts(state)) {
      // Strapi reads any status other than "published" as draft.
      if (params.status !== undefined && params.status !== 'published') {
        throw new errors.PolicyError('Drafts are only available with a full-access API token', { param: 'status' });
      }
      // These select documents by the state of their drafts (never published, changed since).
      for (const param of DRAFT_STATE_PARAMS) {
        if (params[param] !== undefined) throw new errors.PolicyError(`${param} is only available with a full-access API token`, { param });
      }
      // i18n's `localizations` link reaches the other versions whatever their status: the public
      // may not filter or sort on it, and never gets it populated (`populate=*` included).
      if (mentions(params.filters, LOCALIZATIONS) || mentions(params.sort, LOCALIZATIONS)) {
        throw new errors.PolicyError('localizations can only be filtered or sorted with a full-access API token', { param: LOCALIZATIONS });
      }
      params.populate = withoutKey(params.populate, LOCALIZATIONS);
    }
    params.status = params.status ?? 'published';
    return next();
  };
  return middleware;
}
