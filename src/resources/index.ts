/**
 * The resource library's rules, checked on what each write stored (panel, REST, GraphQL, clone,
 * publish, import; src/database/stored-checks.ts): a resource's file is a PDF, and the languages
 * it states for that file are content locales, each once. Uploads themselves are checked by type
 * and size for every file (config/plugins.ts, src/middlewares/upload-limit.ts).
 */
import type { Core, Modules } from '@strapi/strapi';
import { z } from 'zod';
import { checkStored, refusal, type StoredProblem } from '../database/stored-checks';
import { LOCALE_CODES } from '../locales';

export const RESOURCE = 'api::resource.resource';
const PDF = 'application/pdf';

export const fileLanguagesSchema = z
  .array(z.enum(LOCALE_CODES as [string, ...string[]], { message: `each must be one of ${LOCALE_CODES.join(', ')}` }))
  .max(LOCALE_CODES.length)
  .refine((codes) => new Set(codes).size === codes.length, 'each language once')
  .nullable();

type StoredResource = { fileLanguages: unknown; file?: { name: string; mime: string } | null };

/** What is wrong with one stored version of a resource, if anything. Pure. */
export function resourceProblem({ fileLanguages, file }: StoredResource): StoredProblem | undefined {
  if (file && file.mime !== PDF) return { path: ['file'], message: `“${file.name}” is not a PDF (${file.mime}): a resource's file is a PDF` };
  const languages = fileLanguagesSchema.safeParse(fileLanguages ?? null);
  if (!languages.success)
    return { path: ['fileLanguages'], message: `The languages of the file are a list of locale codes such as ["bs", "en"]: ${languages.error.issues[0].message}` };
  return undefined;
}

export function resourceChecks(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const stored = checkStored(strapi, RESOURCE, async (documentId) => {
    const versions = (await strapi.db.query(RESOURCE).findMany({
      where: { documentId },
      select: ['fileLanguages'],
      populate: { file: { select: ['name', 'mime'] } },
    })) as StoredResource[];
    return versions.map(resourceProblem).find(Boolean);
  });
  // The languages are also checked as sent: PostgreSQL refuses a bare string in a JSON column
  // with an error of its own (a 500), before anything could be read back.
  return async (context, next) => {
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (context.uid === RESOURCE && data && 'fileLanguages' in data) {
      const problem = resourceProblem({ fileLanguages: data.fileLanguages });
      if (problem) throw refusal(problem);
    }
    return stored(context, next);
  };
}
