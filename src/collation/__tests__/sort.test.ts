import { rewriteSort, type KeyFor } from '../sort';

// title on the type, name on its municipalities: both have keys.
const keyFor: KeyFor = (path) => ({ title: 'titleKey', 'municipalities.name': 'nameKey' })[path.join('.')];

it.each([
  ['title', 'titleKey,title'],
  ['title:desc', 'titleKey:desc,title:desc'],
  ['title:asc,slug', 'titleKey:asc,title:asc,slug'],
  [
    ['title:DESC', 'slug'],
    ['titleKey:DESC,title:DESC', 'slug'],
  ],
  [{ title: 'desc' }, { titleKey: 'desc', title: 'desc' }],
  [
    [{ title: 'asc' }, { slug: 'asc' }],
    [{ titleKey: 'asc', title: 'asc' }, { slug: 'asc' }],
  ],
  ['municipalities.name:asc', 'municipalities.nameKey:asc,municipalities.name:asc'],
  [{ municipalities: { name: 'asc' } }, { municipalities: { nameKey: 'asc', name: 'asc' } }],
  ['slug', 'slug'],
  [undefined, undefined],
])('%j → %j', (sort, expected) => expect(rewriteSort(sort, keyFor)).toEqual(expected));
