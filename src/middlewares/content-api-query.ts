/**
 * The front door of the content API (REST under /api, and GraphQL):
 * - negotiates the locale (`?locale=`, else `Accept-Language`, else bs) and answers in it, with
 *   `Content-Language` and `Vary: Accept-Language`; an unsupported `?locale=` is a 400;
 * - answers 400 with Strapi's JSON error shape when pagination, status or fallback is
 *   malformed, instead of Strapi's silent clamping, and when the query string has more
 *   parameters or deeper filters than config/limits.ts allows.
 * Unknown parameters and malformed filters/sort/fields/populate are rejected by Strapi itself
 * (`api.rest.strictParams`).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiPaths } from '../content-api/content-types';
import { findQueryProblem, type QueryLimits } from '../content-api/query';
import { LOCALE_CODES } from '../locales';
import { ALL_LOCALES, negotiateLocale } from '../locales/negotiate';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const { restPrefix, graphqlPath } = contentApiPaths(strapi);
  const limits = strapi.config.get('limits') as QueryLimits;

  return async (ctx, next) => {
    // Strapi's router matches paths case-insensitively, so this check must too.
    const path = ctx.path.toLowerCase();
    const isRest = path.startsWith(restPrefix);
    if (!isRest && path !== graphqlPath) return next();

    // Counted before parsing: the parser stops silently at its own limit.
    const params = ctx.querystring ? ctx.querystring.split('&').length : 0;
    if (params > limits.queryParams) {
      throw new errors.ValidationError(`Too many query parameters (${params}); at most ${limits.queryParams}`, { source: 'query' });
    }
    const query = ctx.query as Record<string, unknown>;
    const choice = negotiateLocale({ query: isRest ? query.locale : undefined, acceptLanguage: ctx.get('Accept-Language') });
    if (!choice.ok) {
      throw new errors.ValidationError(`Unknown locale "${choice.requested}"; locale must be one of ${LOCALE_CODES.join(', ')} (or ${ALL_LOCALES} for all)`, {
        source: 'query',
        param: 'locale',
        supported: LOCALE_CODES,
      });
    }
    // The parsed query is cached per query string, so this is what Strapi's controllers read.
    if (isRest) query.locale = choice.locale;
    const problem = findQueryProblem(isRest ? query : { fallback: query.fallback }, limits);
    if (problem) throw new errors.ValidationError(problem.message, { source: 'query', param: problem.param });
    ctx.state.locale = choice.locale;
    ctx.vary('Accept-Language');
    if (choice.locale !== ALL_LOCALES) ctx.set('Content-Language', choice.locale);
    await next();
  };
};
