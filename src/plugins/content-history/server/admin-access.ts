/**
 * What the plugin's admin routes share: their input checked with a 400 that names what is wrong,
 * and the Content Manager's own rights (with the conditions on them) asked before anything is
 * read or written. Refusals are PolicyErrors (Strapi turns any other 403 below a route into a
 * bare "Forbidden").
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { z } from 'zod';
import { apiContentTypeUids } from '../../../content-api/content-types';

type AdminState = { userAbility?: unknown };

export function parsed<T>(schema: z.ZodType<T>, input: unknown, source: string): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
  throw new errors.ValidationError(`Invalid ${source}${where ? ` ${where}` : ''}: ${issue.message}`, { source });
}

/**
 * Refuses unless this staff member may `action` the version of `documentId` in `locale` (its
 * draft row, so "own documents only" conditions see the creator), or, without a document, any
 * version of the type in that locale.
 */
export async function mayOrRefuse(strapi: Core.Strapi, ctx: Context, uid: string, documentId: string | undefined, action: 'read' | 'update', locale: string | null): Promise<void> {
  if (!apiContentTypeUids(strapi).includes(uid as UID.ContentType)) throw new errors.NotFoundError(`No content type ${uid}`);
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: (ctx.state as AdminState).userAbility, model: uid });
  const rows = documentId
    ? ((await strapi.db.query(uid as UID.Schema).findMany({ where: { documentId, ...(locale ? { locale } : {}) }, populate: ['createdBy'] })) as Array<{ publishedAt: unknown }>)
    : [];
  const entity = rows.find((row) => row.publishedAt === null) ?? rows[0] ?? (locale ? { locale } : undefined);
  if (checker.cannot[action](entity)) throw new errors.PolicyError(`You may not ${action} this content${locale ? ` in ${locale}` : ''}`);
}
