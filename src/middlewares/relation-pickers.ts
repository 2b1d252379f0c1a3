/**
 * The Content Manager's relation pickers:
 * - find what the list and `?q=` find: "celinac" finds Čelinac and Челинац, "SPIS" finds the
 *   programme by its acronym. Strapi's picker matches the main field letter for letter
 *   (`$containsi`); for a searchable target the picker's words are looked up in the search index
 *   instead and the request narrowed to those documents. Other targets keep Strapi's own search.
 * - answer for a language version being created: the panel asks for the links of a document in a
 *   locale it does not have yet (while switching languages it still holds the previous version), and
 *   Strapi answers 404; such a version has no links yet and every target is available to it.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { attributesOf } from '../content-api/content-types';
import { matchingDocumentIds } from '../search';

/** GET /content-manager/relations/:model/:targetField: the documents a picker offers. */
const AVAILABLE = /^\/content-manager\/relations\/([^/]+)\/([^/]+)$/;
/** GET /content-manager/relations/:model/:id/:targetField: the documents a version links to. */
const LINKED = /^\/content-manager\/relations\/([^/]+)\/([^/]+)\/([^/]+)$/;

type PickerQuery = { _q?: unknown; id?: unknown; locale?: unknown; status?: unknown; filters?: unknown; pageSize?: unknown };

/** Whether the document exists, but not yet in this locale (its version there is being created). */
async function isVersionBeingCreated(strapi: Core.Strapi, model: string, documentId: unknown, locale: unknown): Promise<boolean> {
  const schema = strapi.getModel(model as UID.Schema) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
  if (!schema?.pluginOptions?.i18n?.localized || typeof documentId !== 'string' || typeof locale !== 'string') return false;
  const versions: { locale: string }[] = await strapi.db.query(model as UID.Schema).findMany({ where: { documentId }, select: ['locale'] });
  return versions.length > 0 && !versions.some((version) => version.locale === locale);
}

/** The picker's words looked up in the search index; undefined where Strapi's own search stays. */
async function searchFilter(strapi: Core.Strapi, model: string, field: string, query: PickerQuery) {
  if (typeof query._q !== 'string') return undefined;
  const target = strapi.getModel(model as UID.Schema) ? attributesOf(strapi, model)[field]?.target : undefined;
  const documentIds = target ? await matchingDocumentIds(strapi, target, query._q, query.status === 'published' ? 'published' : 'draft') : undefined;
  if (documentIds === undefined) return undefined;
  return documentIds.length > 0 ? { documentId: { $in: documentIds } } : { documentId: { $null: true } };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (ctx.method !== 'GET') return next();
    const query = ctx.request.query as PickerQuery;
    const available = AVAILABLE.exec(ctx.path);
    if (available) {
      const [, model, field] = available.map(decodeURIComponent);
      const found = await searchFilter(strapi, model, field, query);
      const creating = await isVersionBeingCreated(strapi, model, query.id, query.locale);
      if (!found && !creating) return next();
      const rewritten: PickerQuery = { ...query };
      if (found) {
        delete rewritten._q;
        rewritten.filters = query.filters ? { $and: [query.filters, found] } : found;
      }
      // Without `id` Strapi offers every target, as for a document not saved yet.
      if (creating) delete rewritten.id;
      ctx.request.query = rewritten as typeof ctx.request.query;
      return next();
    }
    const linked = LINKED.exec(ctx.path);
    if (!linked) return next();
    try {
      await next();
    } catch (error) {
      // Thrown after Strapi's own checks: a caller it refuses still gets its 401/403.
      const [, model, documentId] = linked.map(decodeURIComponent);
      if (!(error instanceof errors.NotFoundError) || !(await isVersionBeingCreated(strapi, model, documentId, query.locale))) throw error;
      ctx.status = 200;
      ctx.body = { results: [], pagination: { page: 1, pageSize: Number(query.pageSize) || 10, pageCount: 0, total: 0 } };
    }
  };
