/**
 * A Document Service `sort` with each text field sorted by its sort key first, then by itself
 * (keys cover a text's beginning; texts alike that far are told apart by the rest), in every
 * form the service takes: `'title'`, `'title:desc'`, `'title:asc,slug'`, `['title:desc', 'slug']`,
 * `{ title: 'desc' }`, `[{ title: 'asc' }]`, and through relations (`'municipalities.name'`,
 * `{ municipalities: { name: 'asc' } }`). Fields without a key are left as they are.
 */

/** The key attribute for a field reached by `path` (relation names, then the field), if it has one. */
export type KeyFor = (path: string[]) => string | undefined;

function rewriteString(sort: string, keyFor: KeyFor): string {
  return sort
    .split(',')
    .flatMap((part) => {
      const [path, ...direction] = part.trim().split(':');
      const segments = path.split('.');
      const key = keyFor(segments);
      return key ? [[...segments.slice(0, -1), key].join('.'), path].map((sorted) => [sorted, ...direction].join(':')) : [part];
    })
    .join(',');
}

function rewriteObject(sort: Record<string, unknown>, keyFor: KeyFor, parents: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(sort).flatMap(([name, value]) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) return [[name, rewriteObject(value as Record<string, unknown>, keyFor, [...parents, name])]];
      const key = keyFor([...parents, name]);
      return key
        ? [
            [key, value],
            [name, value],
          ]
        : [[name, value]];
    })
  );
}

export function rewriteSort(sort: unknown, keyFor: KeyFor): unknown {
  if (typeof sort === 'string') return rewriteString(sort, keyFor);
  if (Array.isArray(sort)) return sort.map((entry) => rewriteSort(entry, keyFor));
  if (sort && typeof sort === 'object') return rewriteObject(sort as Record<string, unknown>, keyFor, []);
  return sort;
}
