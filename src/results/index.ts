/**
 * The results framework's rules, checked on what each write stored (panel, REST, GraphQL, clone,
 * publish, import; src/database/stored-checks.ts): each period of an indicator ends on or after
 * it starts, and a percentage is between 0 and 100, overall and per municipality. Reported as
 * IATI results in /feeds/iati.xml (src/feeds/iati.ts).
 */
import type { Core, Modules } from '@strapi/strapi';
import { checkStored, type StoredProblem } from '../database/stored-checks';

export const INDICATOR = 'api::indicator.indicator';

type Values = { target?: unknown; actual?: unknown };
type Period = Values & { periodStart?: unknown; periodEnd?: unknown; municipalities?: Values[] };

/** What is wrong with an indicator's periods, if anything: a message and the field it is at. */
export function periodProblem(measure: string, periods: Period[]): StoredProblem | undefined {
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
  return checkStored(strapi, INDICATOR, async (documentId) => {
    const versions = (await strapi.db.query(INDICATOR).findMany({
      where: { documentId },
      select: ['measure'],
      populate: { periods: { populate: { municipalities: true } } },
    })) as Array<{ measure: string; periods?: Period[] }>;
    return versions.map((version) => periodProblem(version.measure, version.periods ?? [])).find(Boolean);
  });
}
