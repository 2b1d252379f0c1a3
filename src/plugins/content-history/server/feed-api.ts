import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { z } from 'zod';
import { apiContentTypeUids } from '../../../content-api/content-types';
import { isLocaleCode } from '../../../locales';
import { changesArguments, changesQuery, decodeCursor, readChanges, type ChangesRequest } from './change-feed';

/** How a caller names what it sends the feed: REST's query parameters, or GraphQL's arguments. */
type Wording = { noun: string; source: string; typeParam: string };
const QUERY_PARAMETERS: Wording = { noun: 'query parameter', source: 'query', typeParam: 'type' };
const ARGUMENTS: Wording = { noun: 'argument', source: 'arguments', typeParam: 'types' };

/** What was sent, parsed: the types as a list of plural names, whichever way they came. */
type Sent = { since?: string; types?: string[]; locale?: string; pageSize: number };

const refusal = (wording: Wording, param: string, problem: string) => new errors.ValidationError(`Invalid ${wording.noun} ${param}: ${problem}`, { source: wording.source, param });

/**
 * The request's parts, checked (each refusal a ValidationError naming the parameter or argument:
 * 400 over REST, BAD_USER_INPUT over GraphQL) and made into what readChanges follows.
 */
function checkedRequest(strapi: Core.Strapi, schema: z.ZodType<Sent>, sent: unknown, wording: Wording): ChangesRequest {
  const parsed = schema.safeParse(sent);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? '');
    throw refusal(wording, param, `${issue.message}. This feed takes since, ${wording.typeParam}, locale and pageSize.`);
  }
  const { since, types, locale, pageSize } = parsed.data;
  const request: ChangesRequest = { pageSize };
  if (since !== undefined) {
    const cursor = since === 'now' ? 'now' : decodeCursor(since);
    if (!cursor) throw refusal(wording, 'since', 'not a cursor this feed gave (or "now")');
    request.since = cursor;
  }
  if (types !== undefined) {
    const byName = new Map<string, string>(apiContentTypeUids(strapi).map((uid) => [strapi.contentType(uid).info.pluralName, uid]));
    const unknown = types.filter((name) => !byName.has(name));
    if (unknown.length > 0) throw refusal(wording, wording.typeParam, `unknown ${unknown.join(', ')}; one or more of ${[...byName.keys()].join(', ')}`);
    request.types = types.map((name) => byName.get(name)!);
  }
  if (locale !== undefined) {
    if (!isLocaleCode(locale)) throw refusal(wording, 'locale', `"${locale}" is not a locale of this site`);
    request.locale = locale;
  }
  return request;
}

/** REST's query: `type` is a comma-separated list. */
const restQuery = changesQuery.transform(({ type, ...rest }) => ({ ...rest, types: type?.split(',').map((name) => name.trim()) }));

/** `GET /api/changes`'s query parameters, checked: a 400 naming the parameter for anything this feed cannot follow. */
export const changesRequest = (strapi: Core.Strapi, query: unknown): ChangesRequest => checkedRequest(strapi, restQuery, query, QUERY_PARAMETERS);

/** `Query.contentChanges`'s arguments, checked the same way: BAD_USER_INPUT naming the argument. An argument sent as null is one not sent. */
export const changesArgumentsRequest = (strapi: Core.Strapi, args: Record<string, unknown>): ChangesRequest =>
  checkedRequest(strapi, changesArguments, Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null)), ARGUMENTS);

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
