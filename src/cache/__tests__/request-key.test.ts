import fc from 'fast-check';
import qs from 'qs';
import { canonicalQuery, parseQuery, STRAPI_QUERY_DEFAULTS } from '../request-key';

const keyOf = (querystring: string) => canonicalQuery(parseQuery(querystring, STRAPI_QUERY_DEFAULTS));

describe('one key per meaning', () => {
  it.each([
    ['sort=name:desc&sort=slug:asc', 'sort[0]=name:desc&sort[1]=slug:asc'],
    ['sort=name:desc&sort=slug:asc', 'sort%5B%5D=name:desc&sort%5B%5D=slug:asc'],
    ['sort[1]=slug:asc&sort[0]=name:desc', 'sort[0]=name:desc&sort[1]=slug:asc'],
    ['locale=bs&sort=slug', 'sort=slug&locale=bs'],
    ['q=banja+luka', 'q=banja%20luka'],
    ['sort=name%3Aasc', 'sort=name:asc'],
    ['filters[slug][$eq]=a&filters[name][$null]=true', 'filters[name][$null]=true&filters[slug][$eq]=a'],
    ['pagination[pageSize]=5&pagination[page]=2', 'pagination[page]=2&pagination[pageSize]=5'],
  ])('%s = %s', (a, b) => expect(keyOf(a)).toBe(keyOf(b)));

  it.each([
    // The second sort only breaks ties of the first: a different order of rows.
    ['sort=name:desc&sort=slug:asc', 'sort=slug:asc&sort=name:desc'],
    ['sort[name]=desc&sort[slug]=asc', 'sort[slug]=asc&sort[name]=desc'],
    // The order of fields and populated relations is the order of keys in the JSON.
    ['fields[0]=title&fields[1]=slug', 'fields[0]=slug&fields[1]=title'],
    ['populate[0]=cover&populate[1]=tags', 'populate[0]=tags&populate[1]=cover'],
    ['populate[a][fields][0]=x&populate[a][fields][1]=y', 'populate[a][fields][0]=y&populate[a][fields][1]=x'],
    ['locale=bs&locale=en', 'locale=en&locale=bs'],
    // Strapi reads a bare parameter as null and an empty one as '': not the same.
    ['fallback', 'fallback='],
  ])('%s ≠ %s', (a, b) => expect(keyOf(a)).not.toBe(keyOf(b)));
});

/** A query as Strapi sees it: a few parameters, lists whose order matters and maps whose order does not. */
const field = fc.constantFrom('title', 'slug', 'name', 'publicationDate', 'Čelinac', 'a b');
const value = fc.constantFrom('Čelinac', 'a b', 'x&y=z', '100%', 'Бања Лука');
const queryObject = fc.record(
  {
    locale: fc.constantFrom('bs', 'sr-Cyrl', 'en', 'hr'),
    sort: fc.uniqueArray(
      fc.tuple(field, fc.constantFrom('asc', 'desc')).map(([name, direction]) => `${name}:${direction}`),
      { minLength: 1, maxLength: 3 }
    ),
    fields: fc.uniqueArray(field, { minLength: 1, maxLength: 3 }),
    pagination: fc.record({ page: fc.integer({ min: 1, max: 9 }).map(String), pageSize: fc.integer({ min: 1, max: 99 }).map(String) }),
    filters: fc.dictionary(field, fc.record({ $eq: value }), { minKeys: 1, maxKeys: 3 }),
    q: value,
  },
  { requiredKeys: [] }
);

/** One query written out the ways clients write it. */
const spelling = fc.record({
  arrayFormat: fc.constantFrom('indices', 'brackets', 'repeat') as fc.Arbitrary<'indices' | 'brackets' | 'repeat'>,
  encodeValuesOnly: fc.boolean(),
  order: fc.func(fc.integer()),
});

function write(
  query: Record<string, unknown>,
  { arrayFormat, encodeValuesOnly, order }: { arrayFormat: 'indices' | 'brackets' | 'repeat'; encodeValuesOnly: boolean; order: (key: string) => number }
) {
  // Parameters in any order; inside filters and pagination, keys in any order too.
  const shuffled = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)));
  const reordered = shuffled(
    Object.fromEntries(Object.entries(query).map(([name, value]) => [name, name === 'filters' || name === 'pagination' ? shuffled(value as Record<string, unknown>) : value]))
  );
  return qs.stringify(reordered, { arrayFormat, encodeValuesOnly });
}

it('every spelling of a query has its key; reordering a list changes it', () => {
  fc.assert(
    fc.property(queryObject, spelling, spelling, (query, a, b) => {
      expect(keyOf(write(query, a))).toBe(keyOf(write(query, b)));
      if (query.sort && query.sort.length > 1) {
        const reversed = { ...query, sort: [...query.sort].reverse() };
        expect(keyOf(write(reversed, a))).not.toBe(keyOf(write(query, b)));
      }
    }),
    { numRuns: 2000 }
  );
});
