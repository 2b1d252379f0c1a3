/**
 * The resource library's rules on writes (every path: panel, REST, GraphQL, import): a
 * resource's file is a PDF, and the languages it states for that file are content locales, each
 * once. Refused with a message at the field, before anything is written. Uploads themselves are
 * checked by type and size for every file (config/plugins.ts, src/middlewares/upload-limit.ts).
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { LOCALE_CODES } from '../locales';

export const RESOURCE = 'api::resource.resource';
const PDF = 'application/pdf';

export const fileLanguagesSchema = z
  .array(z.enum(LOCALE_CODES as [string, ...string[]], { message: `each must be one of ${LOCALE_CODES.join(', ')}` }))
  .max(LOCALE_CODES.length)
  .refine((codes) => new Set(codes).size === codes.length, 'each language once')
  .nullable();

/** The file ids a media value names (`12`, `'12'`, `{ id: 12 }`, a list of these), or null to clear it. */
export function mediaIds(value: unknown): number[] | null {
  if (value === null) return null;
  const ids = [value].flat().map((item) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : item));
  return ids.map(Number).filter((id) => Number.isInteger(id) && id > 0);
}

const refuse = (field: string, message: string) => new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });

export function resourceChecks(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (context.uid !== RESOURCE || (context.action !== 'create' && context.action !== 'update') || !data) return next();
    if ('fileLanguages' in data) {
      const parsed = fileLanguagesSchema.safeParse(data.fileLanguages);
      if (!parsed.success) throw refuse('fileLanguages', `The languages of the file are a list of locale codes such as ["bs", "en"]: ${parsed.error.issues[0].message}`);
    }
    const ids = 'file' in data ? mediaIds(data.file) : null;
    if (ids && ids.length > 0) {
      const files = (await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: ids } }, select: ['name', 'mime'] })) as Array<{ name: string; mime: string }>;
      const other = files.find((file) => file.mime !== PDF);
      if (other) throw refuse('file', `“${other.name}” is not a PDF (${other.mime}): a resource's file is a PDF`);
    }
    return next();
  };
}
