/**
 * What the middlewares ahead of the response cache put on a response, for answers given before
 * Koa (early.ts). Made by those very middlewares — the factories and config that
 * config/middlewares.ts gives Koa's path — run on a context Koa makes for a request of that
 * method, path and Origin: never taken from a client's request, so nothing of one request
 * reaches another.
 *
 * That is exact only while every middleware ahead of the cache is one whose effect on a cache
 * hit is known (AHEAD_OF_CACHE): security and CORS headers depend on nothing else of the
 * request, the rate limit is counted per request by the same check (src/rate-limit), errors
 * adds nothing to a success, and the request logger's line is written by early.ts. Any other
 * middleware there switches early answers off at start-up, saying so in the log.
 */
import { IncomingMessage, ServerResponse, type OutgoingHttpHeader, type OutgoingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { LRUCache } from 'lru-cache';

/** The cache's own entry in config/middlewares.ts. */
export const CACHE_MIDDLEWARE = 'global::response-cache';
/** Middlewares that may stand ahead of the cache, each with how an early answer stands in for it. */
const AHEAD_OF_CACHE = new Set(['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'global::rate-limit']);
/** Those of them that set headers from method, path and Origin alone: run here. */
const HEADER_MIDDLEWARES = new Set(['strapi::security', 'strapi::cors']);
/** Methods, paths and Origins whose headers are kept (a few hundred bytes each). */
const KEPT = 5000;

export type MiddlewareEntry = string | { name?: string; resolve?: string; config?: unknown } | ((...args: never[]) => unknown);

/**
 * The headers as early answers write them: a flat name, value list (Node's writeHead takes one
 * as it is), and the Vary among them, which the answer extends.
 */
export type HeadersAhead = { list: OutgoingHttpHeader[]; vary: string | undefined };

/** What a request needs to be given its headers ahead. */
export type HeadersAheadRequest = { method: string; path: string; get(name: string): string };

/** The headers ahead of a request: at once once made for its method, path and Origin. */
export type HeadersAheadOf = (request: HeadersAheadRequest) => HeadersAhead | Promise<HeadersAhead>;

export type MiddlewaresAhead = { ok: true; names: string[]; headersAhead: HeadersAheadOf } | { ok: false; reason: string };

function nameOf(entry: MiddlewareEntry): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'function') return '(a function)';
  return entry.name ?? entry.resolve ?? '(no name)';
}

/** The middlewares configured ahead of the cache, or why early answers cannot stand in for them. */
export function entriesAhead(configured: MiddlewareEntry[]): { ok: true; entries: MiddlewareEntry[] } | { ok: false; reason: string } {
  const position = configured.findIndex((entry) => nameOf(entry) === CACHE_MIDDLEWARE);
  if (position < 0) return { ok: false, reason: `${CACHE_MIDDLEWARE} is not in config/middlewares.ts` };
  const entries = configured.slice(0, position);
  const unknown = entries.map(nameOf).filter((name) => !AHEAD_OF_CACHE.has(name));
  if (unknown.length > 0) return { ok: false, reason: `${unknown.join(', ')} ahead of the cache, whose effect an early answer cannot reproduce` };
  return { ok: true, entries };
}

/**
 * The middlewares configured ahead of the cache, and how to make their headers; or why early
 * answers cannot stand in for them. `answerHeaders` are the headers an answer sets itself
 * (they replace, never repeat, those set ahead).
 */
export function middlewaresAhead(strapi: Core.Strapi, answerHeaders: Set<string>): MiddlewaresAhead {
  const found = entriesAhead(strapi.config.get('middlewares', []) as MiddlewareEntry[]);
  if (!found.ok) return found;
  const ahead = found.entries;

  // Built as Strapi builds them (services/server/middleware: the factory with the entry's config).
  const handlers = ahead
    .filter((entry) => HEADER_MIDDLEWARES.has(nameOf(entry)))
    .map((entry) => strapi.middleware(nameOf(entry))(typeof entry === 'object' ? (entry.config ?? {}) : {}, { strapi }) as (ctx: Context, next: Next) => Promise<unknown>);
  const run = (ctx: Context, index = 0): Promise<unknown> => (index < handlers.length ? handlers[index](ctx, () => run(ctx, index + 1)) : Promise.resolve());

  const made = new LRUCache<string, HeadersAhead | Promise<HeadersAhead>>({ max: KEPT });
  const make = async (method: string, path: string, origin: string): Promise<HeadersAhead> => {
    const req = new IncomingMessage(new Socket());
    Object.assign(req, { method, url: path, headers: origin ? { origin } : {} });
    const res = new ServerResponse(req);
    await run(strapi.server.app.createContext(req, res));
    return kept(res.getHeaders(), answerHeaders);
  };
  return {
    ok: true,
    names: ahead.map(nameOf),
    headersAhead: ({ method, path, get }) => {
      const origin = get('Origin');
      const key = `${method} ${path} ${origin}`;
      const found = made.get(key);
      if (found) return found;
      const making = make(method, path, origin);
      made.set(key, making);
      making.then(
        (headers) => made.set(key, headers),
        () => made.delete(key)
      );
      return making;
    },
  };
}

function kept(headers: OutgoingHttpHeaders, answerHeaders: Set<string>): HeadersAhead {
  const list = Object.entries(headers).filter(([name, value]) => value !== undefined && !answerHeaders.has(name));
  return { list: list.flatMap(([name, value]) => [name, value as OutgoingHttpHeader]), vary: headers.vary as string | undefined };
}
