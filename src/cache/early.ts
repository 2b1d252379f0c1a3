/**
 * Cache hits answered before Koa.
 *
 * A hit costs little itself (a lookup and a write), but the way to it through Koa and the
 * middleware chain (contexts, helmet building its headers anew, CORS, Strapi's request
 * context) cost several times more: the cached list reached 44 % of a plain Node server
 * (docs/performance.md). So the HTTP server asks the cache first, and answers only a hit of an
 * anonymous GET/HEAD there; every other request goes to Koa as before.
 *
 * The answer is the one Koa would send: the headers of the middlewares ahead of the cache are
 * made by those middlewares (headers-ahead.ts, which also refuses early answers at start-up
 * when one ahead is not known), the same rate limit counts the request (one it refuses goes to
 * Koa for its 429), and when requests are logged (LOG_LEVEL http or finer) an early answer
 * writes the line strapi::logger writes.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { rateLimitCheck } from '../rate-limit';
import { ANSWER_HEADERS, createEarlyHitResponder, type RequestView } from '.';
import { middlewaresAhead } from './headers-ahead';

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
  if (!(strapi.config.get('cache') as { enabled: boolean }).enabled) return;
  const ahead = middlewaresAhead(strapi, ANSWER_HEADERS);
  if (!ahead.ok) {
    strapi.log.error(`Response cache: hits are answered through Koa only (slower): ${ahead.reason}`);
    return;
  }
  const logsRequests = ahead.names.includes('strapi::logger');
  const server = strapi.server.httpServer;
  const koa = server.listeners('request') as RequestListener[];
  const answer = createEarlyHitResponder(strapi, rateLimitCheck(strapi), ahead.headersAhead);
  // strapi::logger's line, for the requests it does not see.
  const logged = (req: IncomingMessage, res: ServerResponse, start: number) => strapi.log.http(`${req.method} ${req.url} (${Math.ceil(Date.now() - start)} ms) ${res.statusCode}`);
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
    const start = logsRequests ? Date.now() : 0;
    const done = (answered: boolean) => {
      if (!answered) toKoa(req, res);
      else if (logsRequests) logged(req, res, start);
    };
    let answered: boolean | Promise<boolean>;
    try {
      const request = requestView(req, strapi.server.app);
      answered = request ? answer(req, res, request) : false;
    } catch (error) {
      return failed(req, res, error as Error);
    }
    if (answered instanceof Promise) answered.then(done, (error: Error) => failed(req, res, error));
    else done(answered);
  });
}
