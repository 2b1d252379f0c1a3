/**
 * Bad input answers 4xx with a JSON error that says what is wrong: never a 500, and never a
 * half-written document.
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;

const expectClientError = (response: { status: number; body: unknown }, status = 400) => {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ data: null, error: { status, message: expect.any(String) } });
};

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await createApiToken(strapi);
});
afterAll(teardownStrapi);

describe('query parameters', () => {
  it.each([
    ['an unknown parameter', { foo: 'bar' }, 'Invalid key foo'],
    ['a misspelt parameter', { filter: { name: 'Gacko' } }, 'Invalid key filter'],
    ['an unknown locale', { locale: 'de' }, 'locale must be one of bs, hr, sr-Latn, sr-Cyrl, en'],
    ['a locale given twice', { locale: ['bs', 'en'] }, 'Unknown locale "bs,en"'],
    ['an unknown filter field', { 'filters[population][$gt]': 1 }, 'Invalid key population'],
    ['an unknown filter operator', { 'filters[name][$like]': 'Gacko' }, 'Invalid key $like'],
    ['filters that are not an object', { filters: 'name' }, 'filters: must be an object of fields and operators'],
    ['an unknown sort field', { sort: 'population:desc' }, 'Invalid key population'],
    ['an unknown populate field', { populate: 'mayor' }, 'Invalid key mayor'],
    ['an unknown field selection', { fields: ['mayor'] }, 'Invalid key mayor'],
    ['a page size above 100', { 'pagination[pageSize]': 1000 }, 'pagination[pageSize] must be between 1 and 100'],
    ['a page size of zero', { 'pagination[pageSize]': 0 }, 'pagination[pageSize] must be between 1 and 100'],
    ['a page size that is not a number', { 'pagination[pageSize]': 'abc' }, 'pagination[pageSize] must be a whole number'],
    ['a negative page', { 'pagination[page]': -1 }, 'pagination[page] must be between 1 and'],
    ['a fractional page', { 'pagination[page]': 1.5 }, 'pagination[page] must be a whole number'],
    ['an enormous page number', { 'pagination[page]': '99999999999999999999' }, 'pagination[page] must be between'],
    ['limit=-1 (all rows)', { 'pagination[limit]': -1 }, 'pagination[limit] must be between 1 and 100'],
    ['an unknown pagination key', { 'pagination[size]': 10 }, 'pagination takes either page and pageSize'],
    ['page and limit mixed', { 'pagination[page]': 1, 'pagination[limit]': 5 }, 'pagination takes either page and pageSize'],
    ['an unknown status', { status: 'archived' }, 'status must be published or draft'],
  ])('rejects %s with 400', async (_case, query, message) => {
    const response = await api().get('/api/municipalities').query(query);
    expectClientError(response);
    expect(response.body.error.message).toContain(message);
  });

  it('accepts page size 100 and answers with the page size used', async () => {
    const response = await api().get('/api/municipalities').query({ locale: 'bs', 'pagination[pageSize]': 100 });
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, total: 21 });
  });

  it('pages with the default size of 25 and counts correctly', async () => {
    const response = await api().get('/api/municipalities').query({ locale: 'bs', 'pagination[page]': 2, 'pagination[pageSize]': 20 });
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.meta.pagination).toEqual({ page: 2, pageSize: 20, pageCount: 2, total: 21 });
    const defaults = await api().get('/api/municipalities').query({ locale: 'bs' });
    expect(defaults.body.meta.pagination.pageSize).toBe(25);
  });

  it('lists the supported codes for an unknown locale on a single document too', async () => {
    const [first] = (await api().get('/api/programmes')).body.data;
    const response = await api().get(`/api/programmes/${first.documentId}`).query({ locale: 'xx' });
    expectClientError(response);
    expect(response.body.error.details).toMatchObject({ param: 'locale' });
  });
});

describe('GraphQL', () => {
  it('rejects an unknown locale', async () => {
    const response = await graphql('{ municipalities(locale: "xx") { name } }');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toContain('Unknown locale');
  });

  it('rejects a malformed query and an unknown field without a 500', async () => {
    const malformed = await graphql('{ municipalities(locale: "bs") { name ');
    expect(malformed.status).toBe(400);
    const unknown = await graphql('{ municipalities { mayor } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toContain('Cannot query field "mayor"');
  });

  it('rejects a page size above 100 instead of returning everything', async () => {
    const response = await graphql('{ municipalities(locale: "bs", pagination: { pageSize: 1000 }) { name } }');
    expect(response.body.data?.municipalities ?? null).toBeNull();
    expect(response.body.errors[0].message).toContain('pageSize');
  });
});

/** What a database error would tell an attacker: SQL, PostgreSQL's wording, a stack. */
const INTERNALS = /select |insert into|"public"\.|syntax for type|out of range|invalid input|violates|knex|\bat .+\.js:\d+/i;

describe('filter values checked against their field types', () => {
  it.each([
    ['text for a whole number', '/api/municipalities', { 'filters[population2013][$gt]': 'abc' }, 'filters[population2013][$gt]: must be a whole number'],
    ['an id past the integer range', '/api/municipalities', { 'filters[id][$eq]': '12345678901234567890123' }, 'filters[id][$eq]: must be a whole number'],
    ['text for a coordinate', '/api/municipalities', { 'filters[geo][lat][$gt]': 'x' }, 'filters[geo][lat][$gt]: must be a number'],
    ['a rich-text (blocks) field', '/api/news-articles', { 'filters[body][$contains]': 'x' }, 'filters[body]: a blocks field cannot be filtered'],
    ['a date that is not one', '/api/news-articles', { 'filters[publicationDate][$gte]': '15.12.2026.' }, 'filters[publicationDate][$gte]: must be a date as YYYY-MM-DD'],
    ['a date and time that is not one', '/api/news-articles', { 'filters[updatedAt][$gt]': 'yesterday' }, 'filters[updatedAt][$gt]: must be a date and time'],
    ['a value outside an enumeration', '/api/municipalities', { 'filters[kind][$eq]': 'village' }, 'filters[kind][$eq]: must be one of'],
    ['a text operator on a number', '/api/municipalities', { 'filters[population2013][$containsi]': '1' }, '"$containsi" compares text'],
    ['a NUL character in a filter', '/api/municipalities', { 'filters[name][$eq]': 'a\u0000b' }, 'filters[name][$eq]: must not contain a NUL character'],
  ])('refuses %s with 400 naming the field', async (_case, path, query, message) => {
    const response = await api().get(path).query(query);
    expectClientError(response);
    expect(response.body.error.message).toContain(message);
    expect(JSON.stringify(response.body)).not.toMatch(INTERNALS);
  });

  it('refuses a NUL character as a document id', async () => {
    const response = await api().get('/api/news-articles/%00');
    expectClientError(response);
    expect(response.body.error.message).toContain('must not contain a NUL character');
  });

  it('still answers well-typed filters', async () => {
    const response = await api()
      .get('/api/municipalities')
      .query({ locale: 'bs', 'filters[population2013][$gt]': '1000', 'filters[geo][lat][$gt]': '42', 'filters[kind][$in][0]': 'municipality', 'filters[kind][$in][1]': 'city' });
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
  });

  it.each<[string, string, Record<string, unknown>?]>([
    ['{ municipalities(filters: { population2013: { containsi: 1 } }) { name } }', '"$containsi" compares text'],
    ['query ($name: String) { municipalities(filters: { name: { eq: $name } }) { name } }', 'must not contain a NUL character', { name: 'a\u0000' }],
    ['{ newsArticles(filters: { publicationDate: { gte: "2026-02-30" } }) { title } }', 'Date cannot represent an invalid date-string'],
    ['{ newsArticle(documentId: "a\\u0000") { title } }', 'must not contain a NUL character'],
  ])('GraphQL refuses %s cleanly, without internals', async (query, message, variables = {}) => {
    const response = await graphql(query, variables);
    expect(response.status).toBeLessThan(500);
    expect(response.body.errors?.[0]?.message).toContain(message);
    expect(JSON.stringify(response.body)).not.toMatch(INTERNALS);
  });
});

describe('writes with an API token', () => {
  const post = (type: string, data: unknown, locale = 'bs') => api().post(`/api/${type}`).set('Authorization', `Bearer ${token}`).query({ locale }).send({ data });

  const countWorkshops = () => strapi.db.query('api::workshop.workshop').count();

  it('names the field when a required one is missing', async () => {
    const before = await countWorkshops();
    const response = await post('workshops', { slug: 'bez-naslova' });
    expectClientError(response);
    expect(JSON.stringify(response.body.error.details)).toContain('title');
    expect(await countWorkshops()).toBe(before);
  });

  it.each([
    ['a title over 255 characters', { title: 'Č'.repeat(256), slug: 'predug-naslov' }, 'title'],
    ['a date that is not a date', { title: 'Radionica', slug: 'los-datum', startDate: 'sljedeći utorak' }, 'startDate'],
    ['a slug with diacritics', { title: 'Radionica', slug: 'radionica-čelinac' }, 'slug'],
    ['an unknown field', { title: 'Radionica', slug: 'nepoznato-polje', mayor: 'X' }, 'mayor'],
    ['a number where text belongs', { title: 12345, slug: 'broj-umjesto-teksta' }, 'title'],
    ['coordinates off the globe', { title: 'Radionica', slug: 'van-svijeta', geo: { lat: 200, lon: 17 } }, 'lat'],
  ])('rejects %s with 400 and writes nothing', async (_case, data, field) => {
    const before = await countWorkshops();
    const response = await post('workshops', data);
    expectClientError(response);
    expect(JSON.stringify(response.body.error)).toContain(field);
    expect(await countWorkshops()).toBe(before);
  });

  it('rejects an invalid e-mail address on a contact', async () => {
    const response = await post('contacts', { name: 'Test Osoba', email: 'not-an-email' });
    expectClientError(response);
    expect(JSON.stringify(response.body.error.details)).toContain('email');
  });

  it('rejects an unknown entity value on a municipality', async () => {
    const response = await post('municipalities', { name: 'Testgrad', slug: 'testgrad', entity: 'Mars' });
    expectClientError(response);
    expect(JSON.stringify(response.body.error.details)).toContain('entity');
  });

  it('rejects a write in an unknown locale', async () => {
    const response = await post('workshops', { title: 'Workshop', slug: 'unknown-locale' }, 'de');
    expectClientError(response);
  });

  it('answers 413, not 500, to a body over the size limit', async () => {
    const response = await post('workshops', { title: 'Radionica', slug: 'ogromno', description: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await api().post('/api/workshops').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send('{"data": {"title": ');
    expect(response.status).toBe(400);
  });
});

describe('mixed-script words', () => {
  it('are refused in rich text and in components, naming where', async () => {
    const response = await api()
      .post('/api/news-articles')
      .set('Authorization', `Bearer ${token}`)
      .query({ locale: 'bs' })
      .send({
        data: {
          title: 'Vijest',
          publicationDate: '2013-01-01',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Za svako дјецe.' }] }],
          quotes: [{ text: 'Citat.', speaker: 'Florence Bauer', role: 'predstavница UNICEF-a' }],
        },
      });
    expectClientError(response);
    expect(response.body.error.message).toBe('2 words mix Latin and Cyrillic letters');
    expect(response.body.error.details.errors.map((e: { path: unknown[] }) => e.path)).toEqual([['body'], ['quotes', 0, 'role']]);
  });
});
