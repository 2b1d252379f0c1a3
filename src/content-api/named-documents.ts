/**
 * A new document needs the field that names it (a news article its headline, a place its name):
 * without it, it cannot be told apart in lists or relation pickers. Drafts may miss other required
 * fields, not this one — the panel's "create a relation" form saved empty "Untitled" drafts.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LAYOUTS } from '../content-manager/layouts';
import { ENGLISH_TEXTS } from '../content-manager/texts';

/** Why `data` cannot start a document of `uid`, if it cannot. */
export function missingName(uid: string, data: Record<string, unknown> | undefined): { field: string; message: string } | undefined {
  const field = LAYOUTS[uid]?.mainField;
  if (!field) return undefined;
  const value = data?.[field];
  if (typeof value === 'string' && value.trim() !== '') return undefined;
  const label = ENGLISH_TEXTS.types[uid]?.fields[field]?.label ?? field;
  return { field, message: `Give it a ${label.toLowerCase()} first: without one it cannot be found in lists or pickers` };
}

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function namedDocuments(_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.action === 'create') {
      const problem = missingName(context.uid, (context.params as { data?: Record<string, unknown> }).data);
      if (problem) {
        throw new errors.ValidationError(problem.message, { errors: [{ path: [problem.field], message: problem.message, name: 'ValidationError' }] });
      }
    }
    return next();
  };
  return middleware;
}
