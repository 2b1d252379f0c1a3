import { DOCUMENT_PIPELINE } from '../document-pipeline';

const position = (name: string) => {
  const index = DOCUMENT_PIPELINE.findIndex((step) => step.name === name);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
};

it('registers each middleware once', () => {
  const names = DOCUMENT_PIPELINE.map((step) => step.name);
  expect(new Set(names).size).toBe(names.length);
  expect(new Set(DOCUMENT_PIPELINE.map((step) => step.make)).size).toBe(names.length);
});

it.each([
  ['query shape', 'published only', 'a malformed query is refused before anything reads it'],
  ['published only', 'locale fallback', 'fallback looks for versions of the status the caller may see'],
  ['sort by collation', 'locale fallback', 'the sort keys follow the requested language, which fallback replaces by every locale'],
  ['locale fallback', 'search query', 'the search narrows the versions fallback chose, on the same query'],
  ['write rights', 'shared across locales', 'a refused write copies nothing into other language versions'],
  ['write rights', 'slug generation', 'a refused write gets no slug'],
  ['write rights', 'date fields', 'whoever may not write learns nothing about the values'],
  ['write rights', 'page tree', 'whoever may not write learns nothing about the tree'],
  ['slug generation', 'search index maintenance', 'the index is built from the written row, slug included'],
])('%s runs before %s: %s', (first, second) => {
  expect(position(first)).toBeLessThan(position(second));
});
