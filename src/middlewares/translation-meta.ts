/**
 * `meta.translation` on the content API's REST reads of the app's types: per documentId, the
 * state of each translated field of the version served (fresh, stale or missing, and since
 * when), its source language, and `fallback` when the version is in another language than the
 * one asked for. Partner pages can then say "this translation may be out of date".
 */
import type { Core } from '@strapi/strapi';
import { apiTypeOfPath } from '../content-api/content-types';
import { translationMeta } from '../plugins/content-history/server/translations';

type Entry = { documentId?: unknown; locale?: unknown };
type Body = { data?: Entry | Entry[] | null; meta?: Record<string, unknown> };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const apiTypeOf = apiTypeOfPath(strapi);
  return async (ctx, next) => {
    await next();
    const uid = ctx.method === 'GET' || ctx.method === 'HEAD' ? apiTypeOf(ctx.path) : undefined;
    const body = ctx.body as Body | undefined;
    if (!uid || ctx.status !== 200 || !body || typeof body !== 'object' || !('data' in body) || !body.data) return;
    const entries = [body.data]
      .flat()
      .filter((entry): entry is { documentId: string; locale: string } => typeof entry?.documentId === 'string' && typeof entry.locale === 'string');
    if (entries.length === 0) return;
    const requested = typeof ctx.state.locale === 'string' && ctx.state.locale !== '*' ? ctx.state.locale : undefined;
    body.meta = { ...body.meta, translation: await translationMeta(strapi, uid, entries, requested) };
  };
};
