/**
 * The response cache of the public read path: content-API lists and documents, GraphQL
 * queries, feeds, the sitemap. Only anonymous GET/HEAD (and GraphQL query POSTs) that answer
 * 200 are stored; anything with an Authorization header passes straight through, so drafts
 * (token-only) are never cached. Every public response gets an ETag (304 on If-None-Match) and
 * Cache-Control, cached or not.
 *
 * Never stale: each entry carries the change counters of the content types it may contain
 * (tags.ts, generations.ts). Every database write raises the counter of its type (and ALL's),
 * once inside the transaction and again when it commits, and a response is stored only if
 * nothing at all changed while it was being made. So the first request after a write, on any
 * instance, is built anew.
 */
import type { Core } from '@strapi/strapi';
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import type { Context, Next } from 'koa';
import accepts from 'accepts';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';
import vary from 'vary';
import { parse, type OperationDefinitionNode } from 'graphql';
import { apiTypeOfPath, attributesOf, contentApiPaths } from '../content-api/content-types';
import { isFeedPath } from '../feeds/paths';
import { negotiateLocale } from '../locales/negotiate';
import type { LimitedRequest, RateLimitCheck } from '../rate-limit';
import { redisClient } from '../redis';
import { createEntry, encodingsOf, type CacheEntry, type Encoding } from './entry';
import { MemoryGenerations, RedisGenerations, sameGenerations, type Generations } from './generations';
import { MemoryStore, RedisStore, type ResponseStore } from './store';
import type { HeadersAhead, HeadersAheadOf } from './headers-ahead';
import { canonicalQuery, parseQuery, STRAPI_QUERY_DEFAULTS, type QueryParseOptions } from './request-key';
import { ALL, contentTypeTags, PUBLIC_ACCESS } from './tags';

export type CacheConfig = {
  enabled: boolean;
  maxBytes: number;
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  redisUrl?: string;
};

const REDIS_PREFIX = 'spis:cache:';
/** The types public responses are made of (the app's content, its media and the locales) and who may read them. */
const PUBLIC_CONTENT = /^(api::|plugin::upload\.file$|plugin::i18n\.locale$|plugin::users-permissions\.permission$)/;
const WRITE_ACTIONS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;
/** Headers of the handler's response that describe the body, kept with it. */
const KEPT_HEADERS = ['content-type', 'content-language', 'last-modified', 'vary'];
/** Headers a cached answer sets itself: they replace, never repeat, those set ahead of the cache. */
export const ANSWER_HEADERS = new Set([...KEPT_HEADERS, 'etag', 'cache-control', 'x-cache', 'content-encoding', 'content-length']);
/** Bytes of request targets and their cache keys remembered (see readKeys). */
const READ_KEYS_BYTES = 4 * 2 ** 20;

type CacheState = {
  generations: Generations;
  store: ResponseStore;
  config: CacheConfig;
  /** Changes not yet recorded in Redis (it was unreachable): the cache is skipped until they are. */
  unrecorded: Set<string>;
  /** The key of a GET or HEAD, one memo for early answers and Koa (see readKeys). */
  readKey: (request: RequestView) => Cacheable | undefined;
};

const states = new WeakMap<Core.Strapi, CacheState>();

function cacheState(strapi: Core.Strapi): CacheState {
  let state = states.get(strapi);
  if (!state) {
    const config = strapi.config.get('cache') as CacheConfig;
    const redis = config.redisUrl ? redisClient(strapi, config.redisUrl) : undefined;
    const shared = { config, unrecorded: new Set<string>(), readKey: readKeys(resolveRoutes(strapi)) };
    if (redis) {
      // While Redis was away, any instance may have written without raising a counter there, and
      // its entries from before are still in it: back, this instance raises every counter before
      // it uses the cache again (lookup records `unrecorded` first), so none of them is served.
      let lost = false;
      redis.on('close', () => (lost = true));
      redis.on('ready', () => {
        if (!lost) return;
        lost = false;
        for (const uid of Object.keys(strapi.contentTypes)) if (PUBLIC_CONTENT.test(uid)) shared.unrecorded.add(uid);
      });
    }
    state = redis
      ? { ...shared, generations: new RedisGenerations(redis, `${REDIS_PREFIX}generations`), store: new RedisStore(redis, `${REDIS_PREFIX}entry:`) }
      : { ...shared, generations: new MemoryGenerations(), store: new MemoryStore(config.maxBytes) };
    states.set(strapi, state);
  }
  return state;
}

/**
 * Records that what responses of `uid` show changed although none of its rows did (a
 * translation confirmed as still correct): its cached responses are dropped.
 */
export async function contentChanged(strapi: Core.Strapi, uid: string): Promise<void> {
  const { generations, unrecorded } = cacheState(strapi);
  try {
    await generations.raise([uid]);
  } catch (error) {
    unrecorded.add(uid);
    strapi.log.error(`Response cache: could not record a change of ${uid} (${(error as Error).message}); skipping the cache until it can`);
  }
}

/**
 * Raises a type's counter on every write of its rows (Document Service, admin, import, upload:
 * all write through the query layer), and again after the transaction commits, when readers
 * can first see the change.
 */
export function registerCacheInvalidation(strapi: Core.Strapi): void {
  const raise = (uid: string) => contentChanged(strapi, uid);
  const onWrite = async ({ model }: { model: { uid: string } }) => {
    // Staff sessions, token use, audit and webhook logs change nothing a public response shows.
    if (!PUBLIC_CONTENT.test(model.uid)) return;
    await raise(model.uid);
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void raise(model.uid)));
  };
  strapi.db.lifecycles.subscribe(Object.fromEntries(WRITE_ACTIONS.map((action) => [action, onWrite])));
}

/** The GraphQL operations of a request body, if all of them are queries. */
function graphqlQueries(body: unknown): unknown[] | undefined {
  const operations = [body].flat();
  for (const operation of operations) {
    const { query, operationName } = (operation ?? {}) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return undefined;
    let definitions: OperationDefinitionNode[];
    try {
      definitions = parse(query).definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
    } catch {
      return undefined;
    }
    const chosen = definitions.find((definition) => !operationName || definition.name?.value === operationName);
    if (chosen?.operation !== 'query') return undefined;
  }
  return operations;
}

/**
 * A GraphQL GET's operation, if it is a query: the document's own, or a persisted query named
 * by its hash (Apollo refuses mutations over GET, and answers an unknown hash with an error,
 * which is never stored).
 */
function graphqlGetQuery(query: Record<string, unknown>): unknown[] | undefined {
  if (query.query !== undefined) return graphqlQueries(query);
  if (typeof query.extensions !== 'string') return undefined;
  try {
    const { persistedQuery } = JSON.parse(query.extensions) as { persistedQuery?: { sha256Hash?: unknown } };
    return typeof persistedQuery?.sha256Hash === 'string' ? [query] : undefined;
  } catch {
    return undefined;
  }
}

/** Content types a browser may send cross-site without a preflight. */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Apollo's CSRF prevention, which answers 400 to a GraphQL GET that a page elsewhere could
 * make a browser send: such a request goes to Apollo for that answer, never to the cache.
 */
function passesCsrfPrevention(request: RequestView): boolean {
  const contentType = request.get('Content-Type').split(';')[0].trim().toLowerCase();
  return (contentType !== '' && !SIMPLE_CONTENT_TYPES.has(contentType)) || request.get('X-Apollo-Operation-Name') !== '' || request.get('Apollo-Require-Preflight') !== '';
}

/**
 * What the cache reads of a request. Koa's context is one; early.ts makes a plain one from the
 * Node request, without Koa.
 */
export type RequestView = { method: string; url: string; path: string; querystring: string; get(name: string): string };

/** A request the cache may answer: its key, and what decides its tags once it has run. */
type Cacheable = { key: string; uid?: string; graphql: boolean };

/** Where the content API lives, resolved once when the middleware is made (not per request). */
type Routes = { restPrefix: string; graphqlPath: string; graphqlEndpoint: unknown; apiTypeOf: (path: string) => string | undefined; queryOptions: QueryParseOptions };

/**
 * Whether a request may be cached, and its key: the path, what the query string means
 * (request-key.ts), the negotiated locale, and for GraphQL the operations (a POST's, read from
 * its body by the caller). Runs before Strapi parses the query, so a hit costs as little as
 * possible; a request the checks after it would refuse is never stored (only 200s are), so it
 * never hits either.
 */
function cacheable(ctx: RequestView, { restPrefix, graphqlPath, apiTypeOf, queryOptions }: Routes, postedOperations?: unknown[]): Cacheable | undefined {
  if (ctx.get('Authorization')) return undefined;
  const path = ctx.path.toLowerCase();
  const query = parseQuery(ctx.querystring, queryOptions);
  let variant: string;
  let uid: string | undefined;
  const graphql = path === graphqlPath;

  if (graphql) {
    const operations = ctx.method === 'POST' ? postedOperations : ctx.method === 'GET' && passesCsrfPrevention(ctx) ? graphqlGetQuery(query) : undefined;
    if (!operations) return undefined;
    variant = JSON.stringify(operations);
  } else if (ctx.method === 'GET' || ctx.method === 'HEAD') {
    if (path.startsWith(restPrefix)) {
      if (path.slice(restPrefix.length).startsWith('docs')) return undefined; // static reference page assets
      uid = apiTypeOf(path);
    } else if (!isFeedPath(path)) return undefined;
    variant = canonicalQuery(query);
  } else return undefined;

  // The language the answer will be in: REST reads `?locale=` first; both fall back on Accept-Language.
  const requestedLocale = !graphql && typeof query.locale === 'string' ? query.locale : undefined;
  const language = isFeedPath(path) ? { ok: true, locale: '' } : negotiateLocale({ query: requestedLocale, acceptLanguage: ctx.get('Accept-Language') });
  if (!language.ok) return undefined;
  return { key: `${ctx.method === 'POST' ? 'POST' : 'GET'} ${ctx.path}?${variant}#${language.locale}`, uid, graphql };
}

/**
 * cacheable() of GET and HEAD requests, kept per method, request target, Accept-Language and
 * Apollo's CSRF check (all it reads of them besides Authorization): a hit then skips parsing and sorting the query
 * and negotiating the language, which were a tenth of an early 304's work. Bounded in bytes, as
 * request targets can be long.
 */
function readKeys(routes: Routes): (request: RequestView) => Cacheable | undefined {
  const keys = new LRUCache<string, Cacheable | false>({ maxSize: READ_KEYS_BYTES, sizeCalculation: (found, target) => target.length + (found ? found.key.length : 0) + 64 });
  return (request) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.get('Authorization')) return undefined;
    // The request target, and the headers cacheable() reads besides it.
    const target = `${request.method} ${request.url} ${request.get('Accept-Language')} ${passesCsrfPrevention(request)}`;
    let found = keys.get(target);
    if (found === undefined) keys.set(target, (found = cacheable(request, routes) ?? false));
    return found || undefined;
  };
}

/**
 * The operations of a GraphQL POST, if all are queries. Strapi's body middleware leaves the body
 * unread only at the endpoint's exact URL (it would read `/graphql?…` or `/GraphQL` a second
 * time), so only those POSTs are read here, and cached.
 */
async function postedGraphqlQueries(ctx: Context, { graphqlEndpoint }: Routes, readGraphqlBody: (ctx: Context) => Promise<void>): Promise<unknown[] | undefined> {
  if (ctx.url !== graphqlEndpoint) return undefined;
  await readGraphqlBody(ctx);
  return graphqlQueries(ctx.request.body);
}

/** The types a response may contain, from the query Strapi parsed (see tags.ts). */
const tagsOf = (strapi: Core.Strapi, ctx: Context, { uid }: Cacheable): string[] =>
  uid ? [...contentTypeTags(uid, ctx.query as Record<string, unknown>, (schema) => attributesOf(strapi, schema) as never), PUBLIC_ACCESS].sort() : [ALL];

/** The handler's body as bytes, or undefined when it is not something to keep (a stream, an error). */
function bodyBytes(ctx: Context): Buffer | undefined {
  const { body } = ctx;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function') return Buffer.from(JSON.stringify(body));
  return undefined;
}

/** What an entry answers to one request: 304, or its body in one encoding. */
type Answer = 'not-modified' | Encoding;

/**
 * 304 when the client's copy is current (If-None-Match / If-Modified-Since), else the body in
 * the best encoding the client accepts. The same for Koa and for early answers.
 */
function answerFor(entry: CacheEntry, req: IncomingMessage): Answer {
  const conditional = req.method === 'GET' || req.method === 'HEAD';
  if (conditional && fresh(req.headers, { etag: entry.etag, 'last-modified': entry.headers['last-modified'] })) return 'not-modified';
  return (accepts(req).encodings([...encodingsOf(entry).sort(), 'identity']) || 'identity') as Encoding;
}

/**
 * The headers of an answer, which depend on nothing else of the request (so early answers keep
 * them). `varyAhead` is the Vary the middlewares ahead set (CORS's Origin).
 */
function answerHeaders(entry: CacheEntry, answer: Answer, config: CacheConfig, cacheStatus: 'HIT' | 'MISS' | 'BYPASS', varyAhead: string | undefined): Record<string, string> {
  const { 'content-type': contentType, ...described } = entry.headers;
  const headers: Record<string, string> = {
    ...described,
    vary: vary.append(entry.headers.vary ?? varyAhead ?? '', 'Accept-Encoding'),
    etag: entry.etag,
    'cache-control': `public, max-age=${config.maxAgeSeconds}, stale-while-revalidate=${config.staleWhileRevalidateSeconds}`,
    'x-cache': cacheStatus,
  };
  if (answer === 'not-modified') return headers;
  if (contentType) headers['content-type'] = contentType;
  if (answer !== 'identity') headers['content-encoding'] = answer;
  return headers;
}

function send(ctx: Context, entry: CacheEntry, config: CacheConfig, cacheStatus: 'HIT' | 'MISS' | 'BYPASS') {
  const answer = answerFor(entry, ctx.req);
  ctx.set(answerHeaders(entry, answer, config, cacheStatus, ctx.response.get('Vary') || undefined));
  // Koa sets Content-Length for a Buffer, and drops the body headers for null on a 304.
  ctx.status = answer === 'not-modified' ? 304 : 200;
  ctx.body = answer === 'not-modified' ? null : entry.bodies[answer];
}

/** Where the content API lives, from config: once per middleware or cache state, not per request. */
const resolveRoutes = (strapi: Core.Strapi): Routes => ({
  ...contentApiPaths(strapi),
  graphqlEndpoint: strapi.plugin('graphql')?.config('endpoint'),
  apiTypeOf: apiTypeOfPath(strapi),
  queryOptions: { ...STRAPI_QUERY_DEFAULTS, ...queryMiddlewareConfig(strapi) },
});

/** What config/middlewares.ts gives `strapi::query`, which the cache must parse with too. */
function queryMiddlewareConfig(strapi: Core.Strapi): QueryParseOptions {
  const entry = (strapi.config.get('middlewares', []) as Array<string | { name?: string; config?: QueryParseOptions }>).find(
    (middleware) => typeof middleware === 'object' && middleware.name === 'strapi::query'
  );
  return typeof entry === 'object' ? (entry.config ?? {}) : {};
}

type Found = { entry?: CacheEntry; before?: number };

/** `next(value)`, at once when `value` is there already (no promise, no turn of the event loop). */
const andThen = <T, U>(value: T | Promise<T>, next: (value: T) => U | Promise<U>): U | Promise<U> => (value instanceof Promise ? value.then(next) : next(value));

/**
 * The entry to answer with while it is current; otherwise ALL's counter now, to tell later
 * whether anything changed while the response was made. Neither when the cache is off or cannot
 * be reached (skipped, never a failed request). In this process's memory the answer comes at
 * once; from Redis, as a promise.
 */
function lookup(strapi: Core.Strapi, { config, generations, store, unrecorded }: CacheState, key: string): Found | Promise<Found> {
  if (!config.enabled) return {};
  const unavailable = (error: Error): Found => {
    strapi.log.warn(`Response cache unavailable: ${error.message}`);
    return {};
  };
  try {
    const recorded = unrecorded.size > 0 ? generations.raise([...unrecorded]).then(() => unrecorded.clear()) : undefined;
    const found = andThen(recorded, () =>
      andThen(store.get(key), (entry) =>
        andThen(
          generations.read(entry ? [...entry.tags, ALL] : [ALL]),
          (counters): Found => (entry && sameGenerations(entry.generations, counters.slice(0, -1)) ? { entry } : { before: counters.at(-1) })
        )
      )
    );
    return found instanceof Promise ? found.catch(unavailable) : found;
  } catch (error) {
    return unavailable(error as Error);
  }
}

/**
 * The answer's headers for early answers, as a flat list with Content-Length, made once per
 * entry, Vary ahead and answer (a few per entry) rather than once per request.
 */
const earlyAnswerHeaders = new WeakMap<CacheEntry, Map<string | undefined, Partial<Record<Answer, OutgoingHttpHeader[]>>>>();

function earlyAnswerHeaderList(entry: CacheEntry, answer: Answer, config: CacheConfig, varyAhead: string | undefined): OutgoingHttpHeader[] {
  let byVary = earlyAnswerHeaders.get(entry);
  if (!byVary) earlyAnswerHeaders.set(entry, (byVary = new Map()));
  let byAnswer = byVary.get(varyAhead);
  if (!byAnswer) byVary.set(varyAhead, (byAnswer = {}));
  let list = byAnswer[answer];
  if (!list) {
    const headers = answerHeaders(entry, answer, config, 'HIT', varyAhead);
    if (answer !== 'not-modified') headers['content-length'] = String(entry.bodies[answer]!.length);
    list = byAnswer[answer] = Object.entries(headers).flat();
  }
  return list;
}

const isContentApiPath = (path: string, { restPrefix, graphqlPath }: Routes) => path.startsWith(restPrefix) || path === graphqlPath;

export function createResponseCacheMiddleware(strapi: Core.Strapi, readGraphqlBody: (ctx: Context) => Promise<void>) {
  const routes = resolveRoutes(strapi);

  return async (ctx: Context, next: Next) => {
    const state = cacheState(strapi);
    const request = ctx.method === 'POST' ? cacheable(ctx, routes, await postedGraphqlQueries(ctx, routes, readGraphqlBody)) : state.readKey(ctx);
    if (!request) {
      await next();
      // What a token reads (drafts, whatever its scope reaches) must never sit in a shared or a browser cache.
      if (ctx.get('Authorization') && isContentApiPath(ctx.path.toLowerCase(), routes)) ctx.set('Cache-Control', 'private, no-store');
      return;
    }
    const { config, generations, store } = state;

    const { entry: hit, before } = await lookup(strapi, state, request.key);
    if (hit) return send(ctx, hit, config, 'HIT');

    await next();
    const body = ctx.status === 200 ? bodyBytes(ctx) : undefined;
    if (!body) return;
    const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (ctx.response.get(name) ? [[name, ctx.response.get(name)]] : [])));
    // A GraphQL answer with errors is 200 too; it is sent, not kept.
    const keep = before !== undefined && !(request.graphql && body.includes('"errors"'));
    const tags = tagsOf(strapi, ctx, request);
    const entry = createEntry(body, headers, tags, [], keep);
    if (keep) {
      try {
        const counters = await generations.read([...tags, ALL]);
        // Stored only if nothing at all changed while it was being made.
        if (counters.at(-1) === before) await store.set(request.key, { ...entry, generations: counters.slice(0, -1) });
      } catch (error) {
        strapi.log.warn(`Response cache unavailable: ${(error as Error).message}`);
      }
    }
    send(ctx, entry, config, keep ? 'MISS' : 'BYPASS');
  };
}

/**
 * Answers cache hits of anonymous GET/HEAD requests before the request reaches Koa (see the
 * file comment of early.ts for why, and what keeps the answer identical). Says whether it
 * answered (at once when it will not); when not, nothing has been written and the caller hands
 * the request to Koa. `countRequest` is the rate limit's count (it sets the RateLimit-* headers,
 * or throws). Nothing here waits unless the store or the rate limit must (Redis), and the
 * headers go out as one list made of two kept ones: per hit, each promise and each header set
 * one by one cost a measurable share of the time (docs/performance.md).
 */
export function createEarlyHitResponder(strapi: Core.Strapi, countRequest: RateLimitCheck, headersAheadOf: HeadersAheadOf) {
  return (req: IncomingMessage, res: ServerResponse, request: RequestView & LimitedRequest): boolean | Promise<boolean> => {
    const state = cacheState(strapi);
    // GET and HEAD only, without Authorization (readKey): no body is read here, GraphQL POSTs go to Koa.
    const key = state.readKey(request)?.key;
    if (!key) return false;
    return andThen(lookup(strapi, state, key), ({ entry }) => {
      if (!entry) return false;
      const rateLimitHeaders: string[] = [];
      const write = (headersAhead: HeadersAhead) => {
        const answer = answerFor(entry, req);
        const headers = headersAhead.list.concat(earlyAnswerHeaderList(entry, answer, state.config, headersAhead.vary), rateLimitHeaders);
        res.writeHead(answer === 'not-modified' ? 304 : 200, headers);
        res.end(answer === 'not-modified' || request.method === 'HEAD' ? undefined : entry.bodies[answer]);
        return true;
      };
      // A refused request goes to Koa, which answers the 429 with Strapi's error body.
      let counted: void | Promise<void>;
      try {
        counted = countRequest(request, (name, value) => rateLimitHeaders.push(name, value));
      } catch {
        return false;
      }
      return counted instanceof Promise
        ? counted.then(
            () => andThen(headersAheadOf(request), write),
            () => false
          )
        : andThen(headersAheadOf(request), write);
    });
  };
}
