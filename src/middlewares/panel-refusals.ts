/**
 * What the Content Manager shows when a save is refused (a toast, and a message under the field)
 * in the staff member's interface language, naming the field by its label: "Datum objave: ovaj
 * datum se ne može pročitati…", not "publicationDate must be a date (YYYY-MM-DD)". Refusals that say
 * which kind of value they wanted (`refusal`, e.g. src/content-api/date-fields.ts) are put in
 * words here; the content API keeps its English messages for developers.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentTexts } from '../content-manager/texts';
import { DEFAULT_INTERFACE_LANGUAGE } from '../interface-language';

/** A document route of the Content Manager: which type it writes. */
const DOCUMENT_ROUTE = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)/;

type Refusal = { path?: unknown[]; message?: string; refusal?: string };
type StaffMember = { preferedLanguage?: string | null };

/** The refusals of `details.errors` in this language; undefined when none is one this knows. */
export function refusalsInLanguage(uid: string, found: Refusal[], language: string): Refusal[] | undefined {
  const texts = contentTexts(language);
  const why = (entry: Refusal) => (entry.refusal ? texts.refusals[entry.refusal] : undefined);
  if (!found.some(why)) return undefined;
  return found.map((entry) => {
    const field = String(entry.path?.[0] ?? '');
    return why(entry) ? { ...entry, message: `${texts.types[uid]?.fields[field]?.label ?? field}: ${why(entry)}` } : entry;
  });
}

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  const route = DOCUMENT_ROUTE.exec(ctx.path);
  if (!route) return next();
  try {
    await next();
  } catch (error) {
    const details = error instanceof errors.ValidationError ? (error.details as { errors?: Refusal[] }) : undefined;
    const found = details?.errors;
    const language = (ctx.state.user as StaffMember | undefined)?.preferedLanguage ?? DEFAULT_INTERFACE_LANGUAGE;
    const worded = found && refusalsInLanguage(decodeURIComponent(route[1]), found, language);
    if (!worded) throw error;
    throw new errors.ValidationError(worded[0].message!, { ...details, errors: worded });
  }
};
