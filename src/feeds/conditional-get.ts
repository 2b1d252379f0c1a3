/**
 * Sends a generated document with validators so readers and caches can ask "changed?":
 * a strong ETag over the bytes and, when known, Last-Modified; `If-None-Match` / `If-Modified-Since`
 * that still match get 304 with no body (Koa's `ctx.fresh` applies RFC 9110's rules).
 */
import etag from 'etag';
import type { Context } from 'koa';

export function sendWithValidators(ctx: Context, body: string, contentType: string, lastModified?: Date): void {
  ctx.status = 200;
  ctx.type = contentType;
  ctx.set('ETag', etag(body));
  if (lastModified) ctx.lastModified = lastModified;
  ctx.set('Cache-Control', 'public, max-age=300');
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = body;
}
