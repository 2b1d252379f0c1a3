/**
 * The results framework's rules on writes (panel, REST, GraphQL, import): each period of an
 * indicator ends on or after it starts, and a percentage is between 0 and 100, overall and per
 * municipality. Refused with a message at the field, before anything is written. Reported as
 * IATI results in /feeds/iati.xml (src/feeds/iati.ts).
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const INDICATOR = 'api::indicator.indicator';

type Values = { target?: unknown; actual?: unknown };
type Period = Values & { periodStart?: unknown; periodEnd?: unknown; municipalities?: Values[] };

/** What is wrong with an indicator's periods, if anything: a message and the field it is at. */
export function periodProblem(measure: string, periods: Period[]): { path: (string | number)[]; message: string } | undefined {
  for (const [index, period] of periods.entries()) {
    if (typeof period.periodStart === 'string' && typeof period.periodEnd === 'string' && period.periodEnd < period.periodStart) {
      return { path: ['periods', index, 'periodEnd'], message: `Period ${index + 1} ends (${period.periodEnd}) before it starts (${period.periodStart})` };
    }
    if (measure !== 'percentage') continue;
    const values = [period, ...(period.municipalities ?? [])]
      .flatMap((entry) => [entry.target, entry.actual])
      .filter((value) => value !== null && value !== undefined && value !== '');
    const outside = values.find((value) => Number(value) > 100);
    if (outside !== undefined) return { path: ['periods', index], message: `Period ${index + 1} has ${outside}: a percentage is at most 100` };
  }
  return undefined;
}

export function indicatorChecks(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const params = context.params as { data?: Record<string, unknown>; documentId?: string; locale?: string };
    const data = params.data;
    if (context.uid !== INDICATOR || (context.action !== 'create' && context.action !== 'update') || !data || !('periods' in data || 'measure' in data)) return next();
    const current =
      params.documentId && !('periods' in data && 'measure' in data)
        ? ((await strapi.db
            .query(INDICATOR)
            .findOne({ where: { documentId: params.documentId, publishedAt: null }, populate: { periods: { populate: { municipalities: true } } } })) as {
            measure?: string;
            periods?: Period[];
          } | null)
        : null;
    const measure = String(data.measure ?? current?.measure ?? 'unit');
    const periods = (Array.isArray(data.periods) ? data.periods : (current?.periods ?? [])) as Period[];
    const problem = periodProblem(measure, periods);
    if (problem) throw new errors.ValidationError(problem.message, { errors: [{ ...problem, name: 'ValidationError' }] });
    return next();
  };
}
