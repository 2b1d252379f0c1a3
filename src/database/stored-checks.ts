/**
 * Rules checked on what a write stored rather than on what it sent: Strapi takes a relation,
 * media or component in many forms (`'12'`, `{ connect: … }`, `{ set: … }`, a component by id
 * changed in place, the other side of a relation, a clone, a publish), and reading each form
 * the way Strapi does is a second parser that can disagree with the first. The write runs in a
 * transaction; after it, the rule reads the document back, and a refusal rolls the whole write
 * back with a message at the field (400).
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** What breaks a rule: the field (a path into the form) and what to tell the editor. */
export type StoredProblem = { path: (string | number)[]; message: string };

/** A problem as Strapi's 400, with the field in `details.errors` so the panel shows it there. */
export const refusal = (problem: StoredProblem) => new errors.ValidationError(problem.message, { errors: [{ ...problem, name: 'ValidationError' }] });

/** The Document Service actions that store a version. */
const WRITES = new Set(['create', 'update', 'publish', 'clone']);

/** A Document Service middleware running `check` on the document each write of `uid` stored (`action`: how). */
export function checkStored(
  strapi: Core.Strapi,
  uid: string,
  check: (documentId: string, action: string) => Promise<StoredProblem | undefined>
): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== uid || !WRITES.has(context.action)) return next();
    const params = context.params as { documentId?: string };
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
      const problem = documentId ? await check(documentId, context.action) : undefined;
      if (problem) throw refusal(problem);
      return result;
    });
  };
}
