/**
 * A page's parent must keep the tree a tree: never the page itself or a page under it (the
 * loop would take every page in it off the site, silently), and never so deep that a path has
 * more than MAX_DEPTH + 1 slugs. Checked on every write of a page's parent through the
 * Document Service (panel, REST, GraphQL, import), before anything is written.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_DEPTH } from './tree';

const PAGE = 'api::page.page';

/** What a write does to a to-one relation: sets it to a document (by documentId or row id), clears it, or leaves it. */
export type ParentChange = { documentId: string } | { id: number } | null | undefined;

/** The parent a relation value in Strapi's input forms names (`'abc'`, `{ documentId }`, `{ connect: [...] }`, `{ set: [] }`, …). */
export function parentChange(value: unknown): ParentChange {
  if (value === null) return null;
  if (typeof value === 'string') return value ? { documentId: value } : null;
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length === 0 ? null : parentChange(value.at(-1));
  if (value && typeof value === 'object') {
    const { documentId, id, connect, set, disconnect } = value as Record<string, unknown>;
    if (typeof documentId === 'string') return { documentId };
    if (typeof id === 'number' || typeof id === 'string') return typeof id === 'number' ? { id } : { documentId: id };
    if (set !== undefined) return parentChange(set);
    if (Array.isArray(connect) && connect.length > 0) return parentChange(connect);
    if (Array.isArray(disconnect) && disconnect.length > 0) return null;
  }
  return undefined;
}

const refuse = (message: string) => new errors.ValidationError(message, { errors: [{ path: ['parent'], message, name: 'ValidationError' }] });

export function pageParentCheck(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const pages = () => strapi.db.query(PAGE);
  const parentOf = async (documentId: string): Promise<string | null> => {
    const rows = (await pages().findMany({ where: { documentId }, select: ['id'], populate: { parent: { select: ['documentId'] } } })) as Array<{
      parent?: { documentId: string } | null;
    }>;
    return rows.find((row) => row.parent)?.parent?.documentId ?? null;
  };

  return async (context, next) => {
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    if (context.uid !== PAGE || (context.action !== 'create' && context.action !== 'update') || !params.data || !('parent' in params.data)) return next();
    const change = parentChange(params.data.parent);
    if (!change) return next();
    const parent =
      'documentId' in change ? change.documentId : ((await pages().findOne({ where: { id: change.id }, select: ['documentId'] })) as { documentId: string } | null)?.documentId;
    if (!parent) return next(); // Strapi answers for a link to nothing

    let depth = 1;
    for (let ancestor: string | null = parent; ancestor; ancestor = await parentOf(ancestor), depth += 1) {
      if (ancestor === params.documentId) throw refuse('A page cannot sit under itself or under a page below it: choose a parent outside its branch');
      if (depth > MAX_DEPTH) throw refuse(`Pages nest at most ${MAX_DEPTH + 1} levels deep: choose a parent higher up`);
    }
    return next();
  };
}
