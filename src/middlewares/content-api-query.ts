/**
 * The front door of the content API (REST under /api, and GraphQL):
 * - negotiates the locale (`?locale=`, else `Accept-Language`, else bs) and answers in it, with
 *   `Content-Language` and `Vary: Accept-Language`; an unsupported `?locale=` is a 400;
 * - answers 400 with Strapi's JSON error shape when pagination, status or fallback is
 *   malformed, instead of Strapi's silent clamping.
 * Unknown parameters and malformed filters/sort/fields/populate are rejected by Strapi itself
 * (`api.rest.strictParams`).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findQueryProblem } from '../content-api/query';
import { LOCALE_CODES } from '../locales';
import { ALL_LOCALES, negotiateLocale } from '../locales/negotiate';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const restPrefix = `${strapi.config.get('api.rest.prefix', '/api')}/`.toLowerCase();
  const graphqlPath = String(strapi.plugin('graphql')?.config('endpoint') ?? '/graphql').toLowerCase();

  return async (ctx, next) => {
    // Strapi's router matches paths case-insensitively, so this check must too.
    const path = ctx.path.toLowerCase();
    const isRest = path.startsWith(restPrefix);
    if (!isRest && path !== graphqlPath) return next();

    const query = ctx.query as Record<string, unknown>;
    const choice = negotiateLocale({ query: isRest ? query.locale : undefined, acceptLanguage: ctx.get('Accept-Language') });
    if (!choice.ok) {
      throw new errors.ValidationError(
        `Unknown locale "${choice.requested}"; locale must be one of ${LOCALE_CODES.join(', ')} (or ${ALL_LOCALES} for all)`,
        { source: 'query', param: 'locale', supported: LOCALE_CODES }
      );
    }
    // The parsed query is cached per query string, so this is what Strapi's controllers read.
    if (isRest) query.locale = choice.locale;
    const problem = findQueryProblem(isRest ? query : { fallback: query.fallback });
    if (problem) throw new errors.ValidationError(problem.message, { source: 'query', param: problem.param });
    ctx.state.locale = choice.locale;
    ctx.vary('Accept-Language');
    if (choice.locale !== ALL_LOCALES) ctx.set('Content-Language', choice.locale);
    await next();
  };
};
