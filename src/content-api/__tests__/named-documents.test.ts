import { missingName } from '../named-documents';

const NEWS = 'api::news-article.news-article';

it('asks a new document for the field that names it', () => {
  expect(missingName(NEWS, {})).toEqual({ field: 'title', message: 'Give it a headline first: without one it cannot be found in lists or pickers' });
  expect(missingName(NEWS, { title: '   ' })?.field).toBe('title');
  expect(missingName('api::municipality.municipality', { slug: 'celinac' })?.field).toBe('name');
});

it('lets a named document start, whatever else it lacks, and leaves other types alone', () => {
  expect(missingName(NEWS, { title: 'Radionica u Čelincu' })).toBeUndefined();
  expect(missingName('plugin::upload.file', {})).toBeUndefined();
});
