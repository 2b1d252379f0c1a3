/**
 * Drafts are private. Every content-API read (REST and GraphQL alike go through the Document
 * Service) by a caller without an API token is limited to published documents, and names a
 * locale that exists: the one asked for, else the one negotiated for the request (GraphQL
 * queries without a `locale` argument). Registered once, in `register`.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiRequest, type RequestState } from './content-types';
import { isLocaleCode, LOCALE_CODES } from '../locales';
import { ALL_LOCALES } from '../locales/negotiate';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** Strapi's name for the API-token auth strategy of the content API. */
const API_TOKEN_STRATEGY = 'content-api-token';

const mayReadDrafts = (state: RequestState) => state.auth?.strategy?.name === API_TOKEN_STRATEGY;

export function registerPublishedOnly(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const state = READ_ACTIONS.has(context.action) && context.uid.startsWith('api::') ? contentApiRequest(strapi)?.state : undefined;
    if (!state) return next();

    const params = context.params as { status?: string; locale?: unknown };
    params.locale = params.locale ?? state.locale;
    if (params.locale !== undefined && params.locale !== ALL_LOCALES && !isLocaleCode(params.locale)) {
      throw new errors.ValidationError(
        `Unknown locale "${String(params.locale)}"; supported locales: ${LOCALE_CODES.join(', ')}`,
        { param: 'locale', supported: LOCALE_CODES }
      );
    }
    if (params.status === 'draft' && !mayReadDrafts(state)) {
      throw new errors.PolicyError('Drafts are only available with an API token', { param: 'status' });
    }
    params.status = params.status ?? 'published';
    return next();
  };
  strapi.documents.use(middleware);
}
