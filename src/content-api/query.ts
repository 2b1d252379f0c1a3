/**
 * Rules for the query parameters of the public content API that Strapi itself accepts too
 * loosely (it clamps a page size of 1000 to 100, reads `pageSize=abc` as 100 and an unknown
 * locale as "no results"). Pure functions: the koa middleware only applies them.
 */
import { z } from 'zod';
import { LOCALE_CODES } from '../locales';

export const MAX_PAGE_SIZE = 100;
/** Strapi's own "every locale" value. */
export const ALL_LOCALES = '*';

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const withCount = z.enum(['true', 'false'], { error: 'pagination[withCount] must be true or false' });

const pagePagination = z.strictObject({
  page: wholeNumber('pagination[page]', 1, 1_000_000).optional(),
  pageSize: wholeNumber('pagination[pageSize]', 1, MAX_PAGE_SIZE).optional(),
  withCount: withCount.optional(),
});

const offsetPagination = z.strictObject({
  start: wholeNumber('pagination[start]', 0, 100_000_000).optional(),
  limit: wholeNumber('pagination[limit]', 1, MAX_PAGE_SIZE).optional(),
  withCount: withCount.optional(),
});

const paginationSchema = z.union([pagePagination, offsetPagination], {
  error: 'pagination takes either page and pageSize, or start and limit (at most 100 per page)',
});

export const localeSchema = z.enum([ALL_LOCALES, ...LOCALE_CODES], {
  error: `locale must be one of ${[...LOCALE_CODES, ALL_LOCALES].join(', ')}`,
});

const statusSchema = z.enum(['published', 'draft'], { error: 'status must be published or draft' });

export type QueryProblem = { param: string; message: string };

/** Checks the parameters Strapi does not check strictly; returns the first problem, if any. */
export function findQueryProblem(query: Record<string, unknown>): QueryProblem | undefined {
  const checks: Array<[string, z.ZodType]> = [
    ['pagination', paginationSchema],
    ['locale', localeSchema],
    ['status', statusSchema],
  ];
  for (const [param, schema] of checks) {
    if (query[param] === undefined) continue;
    const result = schema.safeParse(query[param]);
    if (!result.success) return { param, message: firstMessage(result.error, param) };
  }
  return undefined;
}

function firstMessage(error: z.ZodError, param: string): string {
  const issue = error.issues[0];
  if (issue?.code === 'invalid_union') {
    // Report the branch the client most likely meant (the one with the fewest problems).
    const branches = issue.errors.filter((branch) => branch.length > 0);
    const closest = branches.sort((a, b) => a.length - b.length)[0];
    const nested = closest?.[0];
    if (nested && nested.code !== 'unrecognized_keys' && nested.code !== 'invalid_type') return nested.message;
    return issue.message;
  }
  if (issue?.code === 'invalid_type') return `${param} has the wrong shape`;
  return issue?.message ?? `${param} is invalid`;
}
