/**
 * The Content Manager's relation pickers find what the list and `?q=` find: "celinac" finds
 * Čelinac and Челинац, "SPIS" finds the programme by its acronym. Strapi's picker matches the main
 * field letter for letter (`$containsi`); for a searchable target the
 * picker's words are looked up in the search index instead and the request narrowed to those
 * documents. Other targets keep Strapi's own search.
 */
import type { Core, UID } from '@strapi/strapi';
import { attributesOf } from '../content-api/content-types';
import { matchingDocumentIds } from '../search';

/** GET /content-manager/relations/:model/:targetField: the documents a picker offers. */
const AVAILABLE = /^\/content-manager\/relations\/([^/]+)\/([^/]+)$/;

type PickerQuery = { _q?: unknown; status?: unknown; filters?: unknown };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => async (ctx, next) => {
  const match = ctx.method === 'GET' ? AVAILABLE.exec(ctx.path) : null;
  const query = ctx.request.query as PickerQuery;
  if (!match || typeof query._q !== 'string') return next();
  const [, model, field] = match.map(decodeURIComponent);
  const target = strapi.getModel(model as UID.Schema) ? attributesOf(strapi, model)[field]?.target : undefined;
  const documentIds = target ? await matchingDocumentIds(strapi, target, query._q, query.status === 'published' ? 'published' : 'draft') : undefined;
  if (documentIds === undefined) return next();
  const { _q, ...rest } = query;
  const found = documentIds.length > 0 ? { documentId: { $in: documentIds } } : { documentId: { $null: true } };
  ctx.request.query = { ...rest, filters: rest.filters ? { $and: [rest.filters, found] } : found };
  return next();
};
