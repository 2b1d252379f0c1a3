/**
 * Date, time and date-time fields are checked before a write, so a bad value answers 400
 * naming the field (Strapi's own check happens in the database layer and names none). Each refusal
 * says which kind of value it wanted (`refusal`), so the panel can say it in the editor's language.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const WRITE_ACTIONS = new Set(['create', 'update']);

const FORMATS: Record<string, { test: (value: string) => boolean; form: string }> = {
  date: {
    form: 'a date (YYYY-MM-DD)',
    test: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  },
  time: { form: 'a time (HH:mm or HH:mm:ss)', test: (value) => /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/.test(value) },
  datetime: {
    form: 'an ISO 8601 date-time',
    test: (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value)),
  },
};

/** The first date/time attribute of `data` whose value is not in its format. */
export function findBadDateField(attributes: Record<string, { type: string }>, data: Record<string, unknown>): { field: string; kind: string; message: string } | undefined {
  for (const [field, value] of Object.entries(data)) {
    const format = FORMATS[attributes[field]?.type];
    if (!format || value === null || value === undefined) continue;
    if (typeof value !== 'string' || !format.test(value)) return { field, kind: attributes[field].type, message: `${field} must be ${format.form}` };
  }
  return undefined;
}

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function dateFieldValidation(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (WRITE_ACTIONS.has(context.action) && context.uid.startsWith('api::') && data && typeof data === 'object') {
      const attributes = strapi.contentType(context.uid as UID.ContentType).attributes as Record<string, { type: string }>;
      const problem = findBadDateField(attributes, data);
      if (problem) {
        throw new errors.ValidationError(problem.message, {
          errors: [{ path: [problem.field], message: problem.message, name: 'ValidationError', refusal: problem.kind }],
        });
      }
    }
    return next();
  };
  return middleware;
}
