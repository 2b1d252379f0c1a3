/**
 * Cache hits answered before Koa.
 *
 * A hit costs little itself (a lookup and a write), but the way to it through Koa and the
 * middleware chain (contexts, helmet building its headers anew, CORS, Strapi's request
 * context) cost several times more: the cached list reached 44 % of a plain Node server
 * (docs/performance.md). So the HTTP server asks the cache first, and answers only a hit of an
 * anonymous GET/HEAD there; every other request goes to Koa as before.
 *
 * The answer is the one Koa would send. The cache middleware records, per method, path and
 * Origin, the headers the middlewares ahead of it set (helmet's and CORS's depend on nothing
 * else) and they are replayed here; the same rate limit counts the request, and one it refuses
 * goes to Koa for its 429; a path and Origin not yet served through Koa go there first.
 * Off while every request is logged (LOG_LEVEL http or finer), so none misses its log line.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { rateLimitCheck } from '../rate-limit';
import { createEarlyHitResponder, type RequestView } from '.';

const logsRequests = (strapi: Core.Strapi) => (strapi.config.get('middlewares', []) as unknown[]).includes('strapi::logger');

/**
 * The Node request as the cache and the rate limit read it; undefined for a request target
 * that is not a plain path (Koa parses those). The client address is Koa's own `request.ip`:
 * X-Forwarded-For when the proxy is trusted (read by Koa's request itself), else the socket's
 * address, as Koa's getter gives it without making a request object for each hit.
 */
function requestView(req: IncomingMessage, app: Core.Strapi['server']['app']): (RequestView & { ip: string }) | undefined {
  const url = req.url ?? '';
  if (!url.startsWith('/') || url.includes('#')) return undefined;
  const query = url.indexOf('?');
  return {
    method: req.method ?? '',
    url,
    path: query < 0 ? url : url.slice(0, query),
    querystring: query < 0 ? '' : url.slice(query + 1),
    get: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : (value ?? '');
    },
    get ip() {
      return app.proxy ? (Object.assign(Object.create(app.request), { app, req }).ip as string) : (req.socket.remoteAddress ?? '');
    },
  };
}

export function answerCacheHitsEarly(strapi: Core.Strapi): void {
  if (!(strapi.config.get('cache') as { enabled: boolean }).enabled || logsRequests(strapi)) return;
  const server = strapi.server.httpServer;
  const koa = server.listeners('request') as RequestListener[];
  const answer = createEarlyHitResponder(strapi, rateLimitCheck(strapi));
  const toKoa = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of koa) listener.call(server, req, res);
  };

  const failed = (req: IncomingMessage, res: ServerResponse, error: Error) => {
    strapi.log.warn(`Early cache answer failed, handing the request to Koa: ${error.message}`);
    if (res.headersSent) return;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    toKoa(req, res);
  };

  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let answered: boolean | Promise<boolean>;
    try {
      const request = requestView(req, strapi.server.app);
      answered = request ? answer(req, res, request) : false;
    } catch (error) {
      return failed(req, res, error as Error);
    }
    if (answered instanceof Promise) answered.then((done) => done || toKoa(req, res), (error: Error) => failed(req, res, error));
    else if (!answered) toKoa(req, res);
  });
}
