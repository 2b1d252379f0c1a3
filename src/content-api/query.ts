/**
 * Rules for the query parameters of the public content API that Strapi itself accepts too
 * loosely (it clamps a page size of 1000 to 100 and reads `pageSize=abc` as 100), and the
 * limits on filter nesting and parameter count. Pure functions: the koa middleware and the
 * GraphQL resolver middleware apply them. The locale is negotiated in src/locales.
 */
import { z } from 'zod';

/** config/limits.ts */
export type QueryLimits = { pageSize: number; filterDepth: number; queryParams: number };

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

const pagePagination = (maxPageSize: number) =>
  z.strictObject({
    page: wholeNumber('pagination[page]', 1, 1_000_000).optional(),
    pageSize: wholeNumber('pagination[pageSize]', 1, maxPageSize).optional(),
    withCount: withCount.optional(),
  });

const offsetPagination = (maxPageSize: number) =>
  z.strictObject({
    start: wholeNumber('pagination[start]', 0, 100_000_000).optional(),
    limit: wholeNumber('pagination[limit]', 1, maxPageSize).optional(),
    withCount: withCount.optional(),
  });

/** Built once per page-size limit: making zod schemas costs far more than running them. */
const paginationSchemas = new Map<number, { pages: ReturnType<typeof pagePagination>; offset: ReturnType<typeof offsetPagination> }>();
const paginationSchemasFor = (maxPageSize: number) => {
  let schemas = paginationSchemas.get(maxPageSize);
  if (!schemas) paginationSchemas.set(maxPageSize, (schemas = { pages: pagePagination(maxPageSize), offset: offsetPagination(maxPageSize) }));
  return schemas;
};

const paginationForms = (maxPageSize: number) => `pagination takes either page and pageSize, or start and limit (at most ${maxPageSize} per page)`;

const statusSchema = z.enum(['published', 'draft'], { error: 'status must be published or draft' });

export type QueryProblem = { param: string; message: string };

/** The problem with a pagination argument, if any (shared by REST and GraphQL). */
export function findPaginationProblem(pagination: unknown, maxPageSize: number): string | undefined {
  if (pagination === undefined || pagination === null) return undefined;
  const forms = paginationForms(maxPageSize);
  if (typeof pagination !== 'object' || Array.isArray(pagination)) return forms;
  const keys = Object.keys(pagination);
  const usesOffset = keys.some((key) => key === 'start' || key === 'limit');
  const usesPages = keys.some((key) => key === 'page' || key === 'pageSize');
  if (usesOffset && usesPages) return forms;
  const schemas = paginationSchemasFor(maxPageSize);
  const result = (usesOffset ? schemas.offset : schemas.pages).safeParse(pagination);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return issue.code === 'unrecognized_keys' ? forms : issue.message;
}

/** How deeply a filters value nests: each object or list is a level. */
export const nestingDepth = (value: unknown): number => (value && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(nestingDepth)) : 0);

/** The problem with a filters argument (REST or GraphQL), if any. */
export function findFilterProblem(filters: unknown, maxDepth: number): string | undefined {
  return nestingDepth(filters) > maxDepth ? `filters nest deeper than ${maxDepth} levels` : undefined;
}

/** Checks the parameters Strapi does not check strictly; returns the first problem, if any. */
export function findQueryProblem(query: Record<string, unknown>, limits: QueryLimits): QueryProblem | undefined {
  const pagination = findPaginationProblem(query.pagination, limits.pageSize);
  if (pagination) return { param: 'pagination', message: pagination };
  const filters = findFilterProblem(query.filters, limits.filterDepth);
  if (filters) return { param: 'filters', message: filters };
  if (query.status !== undefined && !statusSchema.safeParse(query.status).success) {
    return { param: 'status', message: 'status must be published or draft' };
  }
  const fallback = findFallbackProblem(query.fallback);
  if (fallback) return { param: 'fallback', message: fallback };
  return undefined;
}

/** The problem with a `?fallback=` value, if any (the content API's and the feeds'). */
export const findFallbackProblem = (value: unknown): string | undefined =>
  value === undefined || value === 'true' || value === 'false' ? undefined : 'fallback must be true or false';
