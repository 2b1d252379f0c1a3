/**
 * Query strings the way Strapi's parser (qs) reads them: nested objects and lists in bracket
 * notation (`filters[slug][$eq]=celinac`, `sort[0]=name`), every key and value
 * percent-encoded as UTF-8 so č ć đ š ž and Cyrillic arrive intact.
 */
export type QueryValue = string | number | boolean | undefined | readonly QueryValue[] | { readonly [key: string]: QueryValue };

function pairs(key: string, value: QueryValue): Array<[string, string]> {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => pairs(`${key}[${index}]`, item));
  if (typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => pairs(`${key}[${name}]`, item));
  return [[key, String(value)]];
}

/** `{ filters: { slug: { $eq: 'čelinac' } } }` → `filters%5Bslug%5D%5B%24eq%5D=%C4%8Delinac`; undefined values are left out. */
export function toQueryString(params: Record<string, QueryValue>): string {
  return Object.entries(params)
    .flatMap(([key, value]) => pairs(key, value))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
