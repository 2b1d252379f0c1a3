/**
 * The history panel's admin API: a document's versions per language, the difference between any
 * two, and restoring a version (or some of its fields) into the draft. Reading needs the
 * Content Manager's read right on the type and language, restoring its update right; the
 * restore is then an ordinary draft update, checked and recorded as every other write.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { mayOrRefuse, parsed } from './admin-access';
import { readDocumentState, shapeFor, VERSION, writeThrough } from './recording';
import { diffVersions, restoreData } from './version-diff';

/** A version as stored. */
export type VersionRow = {
  id: number;
  contentType: string;
  subjectDocumentId: string;
  locale: string | null;
  status: 'draft' | 'published';
  action: string;
  path: string;
  changedFields: string[];
  values: Record<string, unknown> | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  at: Date | string;
};

const SUMMARY = ['id', 'contentType', 'subjectDocumentId', 'locale', 'status', 'action', 'path', 'changedFields', 'actorType', 'actorName', 'at'];

const listQuery = z.object({
  locale: z.string().max(32).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const compareQuery = z.object({ compareTo: z.coerce.number().int().min(1).optional() });
const restoreBody = z.object({ fields: z.array(z.string().max(100)).min(1).max(200).optional() }).strict();

async function findVersion(strapi: Core.Strapi, id: number): Promise<VersionRow> {
  const version = (await strapi.db.query(VERSION).findOne({ where: { id } })) as VersionRow | null;
  if (!version) throw new errors.NotFoundError(`No version ${id}`);
  return version;
}

/** Whether this staff member may read the document's version in `locale` (mayOrRefuse, as a yes or no). */
const mayRead = (strapi: Core.Strapi, ctx: Context, uid: string, documentId: string, locale: string | null): Promise<boolean> =>
  mayOrRefuse(strapi, ctx, uid, documentId, 'read', locale).then(
    () => true,
    (error: unknown) => (error instanceof errors.PolicyError ? false : Promise.reject(error))
  );

/** The version before `version` of the same language version and status, if history still has it. */
const previousOf = (strapi: Core.Strapi, version: VersionRow) =>
  strapi.db.query(VERSION).findOne({
    where: { contentType: version.contentType, subjectDocumentId: version.subjectDocumentId, locale: version.locale, status: version.status, id: { $lt: version.id } },
    orderBy: { id: 'desc' },
  }) as Promise<VersionRow | null>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /content-history/:uid/:documentId/versions?locale=&page=&pageSize= — newest first. */
  async list(ctx: Context) {
    const { uid, documentId } = ctx.params as { uid: string; documentId: string };
    const { locale, page, pageSize } = parsed(listQuery, ctx.query, 'query parameter');
    const query = strapi.db.query(VERSION);
    const where: Record<string, unknown> = { contentType: uid, subjectDocumentId: documentId };
    if (locale) {
      await mayOrRefuse(strapi, ctx, uid, documentId, 'read', locale);
      where.locale = locale;
    } else {
      // Every language's versions, but only those of languages this staff member may read (one
      // check of an arbitrary row let a reader of one language list the others' who and what).
      const recorded = new Set(((await query.findMany({ where, select: ['locale'] })) as Array<{ locale: string | null }>).map((row) => row.locale));
      const readable: Array<string | null> = [];
      for (const candidate of recorded) if (await mayRead(strapi, ctx, uid, documentId, candidate)) readable.push(candidate);
      if (recorded.size === 0) await mayOrRefuse(strapi, ctx, uid, documentId, 'read', null);
      else if (readable.length === 0) throw new errors.PolicyError('You may not read this content');
      if (!readable.includes(null)) where.locale = { $in: readable };
    }
    const results = await query.findMany({ where, select: SUMMARY, orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize });
    const total = await query.count({ where });
    ctx.body = { results, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
  },

  /** GET /content-history/versions/:id?compareTo= — the version, and what changed since the one compared to (by default, the one before it). */
  async findOne(ctx: Context) {
    const version = await findVersion(strapi, Number(ctx.params.id));
    await mayOrRefuse(strapi, ctx, version.contentType, version.subjectDocumentId, 'read', version.locale);
    const { compareTo } = parsed(compareQuery, ctx.query, 'query parameter');
    const other = compareTo ? await findVersion(strapi, compareTo) : await previousOf(strapi, version);
    if (other && (other.contentType !== version.contentType || other.subjectDocumentId !== version.subjectDocumentId)) {
      throw new errors.ValidationError('Invalid query parameter compareTo: a version of another document', { source: 'query', param: 'compareTo' });
    }
    if (other) await mayOrRefuse(strapi, ctx, other.contentType, other.subjectDocumentId, 'read', other.locale);
    const changes = diffVersions(shapeFor(strapi, version.contentType), other?.values ?? null, version.values);
    ctx.body = { data: { version, compareTo: other ? { id: other.id, status: other.status, locale: other.locale, at: other.at } : null, changes } };
  },

  /** POST /content-history/versions/:id/restore { fields? } — into the draft of the version's language, never straight to published. */
  async restore(ctx: Context) {
    const version = await findVersion(strapi, Number(ctx.params.id));
    await mayOrRefuse(strapi, ctx, version.contentType, version.subjectDocumentId, 'update', version.locale);
    const { fields } = parsed(restoreBody, ctx.request.body, 'body');
    if (!version.values) throw new errors.ValidationError('This version records the removal of a language version: it has no content to restore', { source: 'body' });
    const shape = shapeFor(strapi, version.contentType);
    const unknown = (fields ?? []).filter((name) => !(name in shape));
    if (unknown.length > 0) throw new errors.ValidationError(`Invalid body fields: ${unknown.join(', ')} cannot be restored`, { source: 'body', param: 'fields' });
    const data = restoreData(shape, version.values, fields);
    const uid = version.contentType as UID.ContentType;
    const restored = await writeThrough('restore', () =>
      strapi.documents(uid).update({ documentId: version.subjectDocumentId, locale: version.locale ?? undefined, data: data as never })
    );
    // The Document Service writes nothing (and says so with null) for a document deleted since.
    if (!restored) throw new errors.NotFoundError(`Document ${version.subjectDocumentId} was deleted: there is no draft to restore this version into`);
    const draft = (await readDocumentState(strapi, uid, version.subjectDocumentId)).get(version.locale ?? '')?.draft;
    ctx.body = { data: { documentId: version.subjectDocumentId, locale: version.locale, restoredFields: Object.keys(data), draft: draft?.values ?? null } };
  },
});
