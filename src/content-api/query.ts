/**
 * Rules for the query parameters of the public content API that Strapi itself accepts too
 * loosely (it clamps a page size of 1000 to 100 and reads `pageSize=abc` as 100). Pure
 * functions: the koa middleware only applies them. The locale is negotiated in src/locales.
 */
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** A whole number in range, from a query string ("25") or a GraphQL argument (25). */
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const number = typeof value === 'number' ? value : /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(number)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number` });
        return z.NEVER;
      }
      return number;
    })
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const withCount = z.union([z.boolean(), z.enum(['true', 'false'])], { error: 'pagination[withCount] must be true or false' });

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

const PAGINATION_FORMS = 'pagination takes either page and pageSize, or start and limit (at most 100 per page)';

const statusSchema = z.enum(['published', 'draft'], { error: 'status must be published or draft' });

export type QueryProblem = { param: string; message: string };

/** The problem with a pagination argument, if any (shared by REST and GraphQL). */
export function findPaginationProblem(pagination: unknown): string | undefined {
  if (pagination === undefined || pagination === null) return undefined;
  if (typeof pagination !== 'object' || Array.isArray(pagination)) return PAGINATION_FORMS;
  const keys = Object.keys(pagination);
  const usesOffset = keys.some((key) => key === 'start' || key === 'limit');
  const usesPages = keys.some((key) => key === 'page' || key === 'pageSize');
  if (usesOffset && usesPages) return PAGINATION_FORMS;
  const result = (usesOffset ? offsetPagination : pagePagination).safeParse(pagination);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return issue.code === 'unrecognized_keys' ? PAGINATION_FORMS : issue.message;
}

/** Checks the parameters Strapi does not check strictly; returns the first problem, if any. */
export function findQueryProblem(query: Record<string, unknown>): QueryProblem | undefined {
  const pagination = findPaginationProblem(query.pagination);
  if (pagination) return { param: 'pagination', message: pagination };
  if (query.status !== undefined && !statusSchema.safeParse(query.status).success) {
    return { param: 'status', message: 'status must be published or draft' };
  }
  if (query.fallback !== undefined && query.fallback !== 'true' && query.fallback !== 'false') {
    return { param: 'fallback', message: 'fallback must be true or false' };
  }
  return undefined;
}
