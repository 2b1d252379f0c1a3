/**
 * What a read means, as the cache keys it: the query string parsed the way Strapi parses it
 * (`strapi::query`: qs with the same options), so every spelling of one request — parameter
 * order, `sort=a&sort=b` or `sort[0]=a&sort[1]=b` or `sort[]=…`, `%5B%5D` for `[]`, `+` or
 * `%20`, `sort=a` or `sort[0]=a` — gives one key, and two requests Strapi would read differently never share one.
 *
 * Order is dropped only where it cannot change an answer: between top-level parameters, and
 * inside `filters` (a conjunction) and `pagination` (named numbers). Everywhere else (sort,
 * populate, fields, and what they nest) it is kept: it orders the rows or the keys of the JSON.
 */
import qs from 'qs';

/** The options `strapi::query` parses with (its defaults; config/middlewares.ts may add to them). */
export type QueryParseOptions = qs.IParseOptions;
export const STRAPI_QUERY_DEFAULTS: QueryParseOptions = { strictNullHandling: true, arrayLimit: 100, depth: 20 };

/** Parameters whose inner key order means nothing. */
const UNORDERED = new Set(['filters', 'pagination']);
/** Lists Strapi reads a lone string of as a list of one (`sort=a` = `sort[0]=a`). */
const LISTS = new Set(['sort', 'fields', 'populate']);

type Parsed = ReturnType<typeof qs.parse>;

/** The value with every object's keys sorted, arrays left in order. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])])
    );
  }
  return value;
}

export const parseQuery = (querystring: string, options: QueryParseOptions): Parsed => qs.parse(querystring, options);

/** The canonical text of a parsed query: top-level parameters sorted, see the file comment for the rest. */
export function canonicalQuery(parsed: Parsed): string {
  const canonical = Object.fromEntries(
    Object.keys(parsed)
      .sort()
      .map((name) => {
        const value = parsed[name];
        if (UNORDERED.has(name)) return [name, sortedKeys(value)];
        return [name, LISTS.has(name) && typeof value === 'string' ? [value] : value];
      })
  );
  return JSON.stringify(canonical);
}
