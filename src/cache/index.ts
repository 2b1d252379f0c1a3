/**
 * The response cache of the public read path: content-API lists and documents, GraphQL
 * queries, feeds, the sitemap. Only anonymous GET/HEAD (and GraphQL query POSTs) that answer
 * 200 are stored; anything with an Authorization header passes straight through, so drafts
 * (token-only) are never cached. Every public response gets an ETag (304 on If-None-Match) and
 * Cache-Control, cached or not.
 *
 * Never stale: each entry carries the change counters of the content types it may contain
 * (tags.ts, generations.ts). Every database write raises the counter of its type, once inside
 * the transaction and again when it commits, and a response is stored only if no counter moved
 * while it was being made. So the first request after a write, on any instance, is built anew.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { parse, type OperationDefinitionNode } from 'graphql';
import { apiContentTypeUids, attributesOf, contentApiPaths } from '../content-api/content-types';
import { redisClient } from '../redis';
import { createEntry, type CacheEntry, type Encoding } from './entry';
import { MemoryGenerations, RedisGenerations, sameGenerations, type Generations } from './generations';
import { MemoryStore, RedisStore, type ResponseStore } from './store';
import { ALL, contentTypeTags } from './tags';

export type CacheConfig = {
  enabled: boolean;
  maxBytes: number;
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  redisUrl?: string;
};

const REDIS_PREFIX = 'spis:cache:';
/** The types public responses are made of: the app's content, its media and the locales. */
const PUBLIC_CONTENT = /^(api::|plugin::upload\.file$|plugin::i18n\.locale$)/;
const WRITE_ACTIONS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;
/** Headers of the handler's response that describe the body, kept with it. */
const KEPT_HEADERS = ['content-type', 'content-language', 'last-modified', 'vary'];

type CacheState = {
  generations: Generations;
  store: ResponseStore;
  config: CacheConfig;
  /** Changes not yet recorded in Redis (it was unreachable): the cache is skipped until they are. */
  unrecorded: Set<string>;
};
const states = new WeakMap<Core.Strapi, CacheState>();

function cacheState(strapi: Core.Strapi): CacheState {
  let state = states.get(strapi);
  if (!state) {
    const config = strapi.config.get('cache') as CacheConfig;
    const redis = config.redisUrl ? redisClient(strapi, config.redisUrl) : undefined;
    state = redis
      ? { config, unrecorded: new Set(), generations: new RedisGenerations(redis, `${REDIS_PREFIX}generations`), store: new RedisStore(redis, `${REDIS_PREFIX}entry:`) }
      : { config, unrecorded: new Set(), generations: new MemoryGenerations(), store: new MemoryStore(config.maxBytes) };
    states.set(strapi, state);
  }
  return state;
}

/**
 * Raises a type's counter on every write of its rows (Document Service, admin, import, upload:
 * all write through the query layer), and again after the transaction commits, when readers
 * can first see the change.
 */
export function registerCacheInvalidation(strapi: Core.Strapi): void {
  const raise = async (uid: string) => {
    const { generations, unrecorded } = cacheState(strapi);
    try {
      await generations.raise([uid]);
    } catch (error) {
      unrecorded.add(uid);
      strapi.log.error(`Response cache: could not record a change of ${uid} (${(error as Error).message}); skipping the cache until it can`);
    }
  };
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

/** JSON with object keys sorted, so equal queries give equal keys. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, nested) =>
    nested && typeof nested === 'object' && !Array.isArray(nested) ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : 1))) : nested
  );

type Cacheable = { key: string; tags: string[] };

/** Whether and how a request may be cached: its key and tags, or undefined. */
function cacheable(strapi: Core.Strapi, ctx: Context, uidByPlural: Map<string, string>): Cacheable | undefined {
  if (ctx.get('Authorization')) return undefined;
  const { restPrefix, graphqlPath } = contentApiPaths(strapi);
  const path = ctx.path.toLowerCase();
  const query = ctx.query as Record<string, unknown>;
  let tags: string[];
  let variant: unknown = query;

  if (path === graphqlPath) {
    const operations = ctx.method === 'POST' ? graphqlQueries(ctx.request.body) : ctx.method === 'GET' ? graphqlQueries(query) : undefined;
    if (!operations) return undefined;
    tags = [ALL];
    variant = operations;
  } else if (ctx.method === 'GET' || ctx.method === 'HEAD') {
    if (path.startsWith(restPrefix)) {
      const [plural, ...rest] = path.slice(restPrefix.length).split('/');
      const uid = uidByPlural.get(plural);
      if (uid && rest.length <= 1) tags = [...contentTypeTags(uid, query, (schema) => attributesOf(strapi, schema) as never)];
      else if (plural.startsWith('docs')) return undefined; // static reference page assets
      else tags = [ALL];
    } else if (path.startsWith('/feeds/') || path === '/sitemap.xml') {
      tags = [ALL];
    } else return undefined;
  } else return undefined;

  const key = createHash('sha1').update(`${ctx.method === 'POST' ? 'POST' : 'GET'} ${ctx.path} ${canonical(variant)} ${ctx.state.locale ?? ''}`).digest('base64url');
  return { key, tags: tags.sort() };
}

/** The handler's body as bytes, or undefined when it is not something to keep (a stream, an error). */
function bodyBytes(ctx: Context): Buffer | undefined {
  const { body } = ctx;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function') return Buffer.from(JSON.stringify(body));
  return undefined;
}

function send(ctx: Context, entry: CacheEntry, config: CacheConfig, status: 'HIT' | 'MISS' | 'BYPASS') {
  ctx.status = 200;
  for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
  ctx.vary('Accept-Encoding');
  ctx.set('ETag', entry.etag);
  ctx.set('Cache-Control', `public, max-age=${config.maxAgeSeconds}, stale-while-revalidate=${config.staleWhileRevalidateSeconds}`);
  ctx.set('X-Cache', status);
  if (ctx.fresh) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  const encoding = (ctx.acceptsEncodings(...(Object.keys(entry.bodies) as Encoding[]).sort(), 'identity') || 'identity') as Encoding;
  const body = entry.bodies[encoding] ?? entry.bodies.identity;
  if (body !== entry.bodies.identity) ctx.set('Content-Encoding', encoding);
  ctx.body = body;
  // Koa would guess the type from a Buffer body; keep the handler's.
  if (entry.headers['content-type']) ctx.type = entry.headers['content-type'];
}

export function createResponseCacheMiddleware(strapi: Core.Strapi) {
  const uidByPlural = new Map(apiContentTypeUids(strapi).map((uid) => [strapi.contentTypes[uid].info.pluralName, uid]));

  return async (ctx: Context, next: Next) => {
    const request = cacheable(strapi, ctx, uidByPlural);
    if (!request) return next();
    const { config, generations, store, unrecorded } = cacheState(strapi);

    let before: number[] | undefined;
    if (config.enabled) {
      try {
        if (unrecorded.size > 0) {
          await generations.raise([...unrecorded]);
          unrecorded.clear();
        }
        const [entry, current] = await Promise.all([store.get(request.key), generations.read(request.tags)]);
        if (entry && sameGenerations(entry.generations, current)) return send(ctx, entry, config, 'HIT');
        before = current;
      } catch (error) {
        // A cache that cannot be reached is skipped, never a failed request.
        strapi.log.warn(`Response cache unavailable: ${(error as Error).message}`);
      }
    }

    await next();
    const body = ctx.status === 200 ? bodyBytes(ctx) : undefined;
    if (!body) return;
    const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (ctx.response.get(name) ? [[name, ctx.response.get(name)]] : [])));
    // A GraphQL answer with errors is 200 too; it is sent, not kept.
    const keep = before !== undefined && !(ctx.path.toLowerCase() === contentApiPaths(strapi).graphqlPath && body.includes('"errors"'));
    const entry = createEntry(body, headers, request.tags, before ?? [], keep);
    if (keep) {
      try {
        // Stored only if nothing it may contain changed while it was being made.
        if (sameGenerations(before!, await generations.read(request.tags))) await store.set(request.key, entry);
      } catch (error) {
        strapi.log.warn(`Response cache unavailable: ${(error as Error).message}`);
      }
    }
    send(ctx, entry, config, keep ? 'MISS' : 'BYPASS');
  };
}
