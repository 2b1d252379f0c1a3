import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { apiContentTypeUids } from '../../../content-api/content-types';
import { isLocaleCode } from '../../../locales';
import { changesQuery, decodeCursor, readChanges, type ChangesRequest } from './change-feed';

/** The request's parameters, checked: a 400 naming the parameter for anything this feed cannot follow. */
function changesRequest(strapi: Core.Strapi, query: unknown): ChangesRequest {
  const parsed = changesQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? '');
    throw new errors.ValidationError(`Invalid query parameter ${param}: ${issue.message}. This feed takes since, type, locale and pageSize.`, { source: 'query', param });
  }
  const { since, type, locale, pageSize } = parsed.data;
  const request: ChangesRequest = { pageSize };
  if (since !== undefined) {
    const cursor = since === 'now' ? 'now' : decodeCursor(since);
    if (!cursor) throw new errors.ValidationError('Invalid query parameter since: not a cursor this feed gave (or "now")', { source: 'query', param: 'since' });
    request.since = cursor;
  }
  if (type !== undefined) {
    const byName = new Map<string, string>(apiContentTypeUids(strapi).map((uid) => [strapi.contentType(uid).info.pluralName, uid]));
    const names = type.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !byName.has(name));
    if (unknown.length > 0) {
      throw new errors.ValidationError(`Invalid query parameter type: unknown ${unknown.join(', ')}; one or more of ${[...byName.keys()].join(', ')}`, {
        source: 'query',
        param: 'type',
      });
    }
    request.types = names.map((name) => byName.get(name)!);
  }
  if (locale !== undefined) {
    if (!isLocaleCode(locale)) throw new errors.ValidationError(`Invalid query parameter locale: "${locale}" is not a locale of this site`, { source: 'query', param: 'locale' });
    request.locale = locale;
  }
  return request;
}

/**
 * The query string as sent: the content API's front door writes the negotiated locale into the
 * parsed query of every REST path, but this feed filters by locale only when asked to.
 */
const sentQuery = (querystring: string) => Object.fromEntries(new URLSearchParams(querystring));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async changes(ctx: Context) {
    const page = await readChanges(strapi, changesRequest(strapi, sentQuery(ctx.querystring)));
    if ('gone' in page) {
      ctx.status = 410;
      ctx.body = { data: null, error: { status: 410, name: 'GoneError', message: page.gone, details: { param: 'since' } } };
      return;
    }
    ctx.body = page;
  },
});
