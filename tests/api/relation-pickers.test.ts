/**
 * Relation pickers in the panel find what the list and `?q=` find: whatever the case,
 * diacritics or script of the words typed, and by any text field (a programme by its acronym).
 * For a language version being created they answer as for a new document, not 404.
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';

let strapi: Core.Strapi;
let jwt: string;

/** What the news article's picker for `field` offers for these words, by main field. */
async function offered(field: string, words: string, mainField = 'name'): Promise<string[]> {
  const response = await asAdmin(jwt, 'get', `/content-manager/relations/${NEWS}/${field}`).query({ _q: words, locale: 'bs', pageSize: 100 });
  expect(response.status).toBe(200);
  return response.body.results.map((result: Record<string, string>) => result[mainField]);
}

beforeAll(async () => {
  strapi = await setupStrapi();
  jwt = await loginAsNewAdmin(strapi);
});

afterAll(teardownStrapi);

it('finds Čelinac typed without diacritics, in Cyrillic, or in capitals', async () => {
  for (const words of ['celinac', 'Челинац', 'ČELINAC', 'čeli']) expect([words, await offered('municipalities', words)]).toEqual([words, ['Čelinac']]);
});

it('finds the programme by its acronym', async () => {
  const names = await offered('programme', 'SPIS');
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/socijaln/i);
});

it('offers nothing for words no document has, and everything for no words', async () => {
  expect(await offered('municipalities', 'Zzyzx')).toEqual([]);
  const all = await asAdmin(jwt, 'get', `/content-manager/relations/${NEWS}/municipalities`).query({ locale: 'bs', pageSize: 100 });
  expect(all.body.results.length).toBeGreaterThan(10);
});

describe('a language version being created (the document exists in bs only)', () => {
  let documentId: string;
  beforeAll(async () => {
    const created = await contentManagerRequest(jwt, 'post', NEWS, '?locale=bs').send({ title: 'Vijest samo na bosanskom', publicationDate: '2026-12-15' });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
  });

  it('has no links yet, where Strapi answered 404', async () => {
    for (const field of ['municipalities', 'programme', 'workshops']) {
      const response = await asAdmin(jwt, 'get', `/content-manager/relations/${NEWS}/${documentId}/${field}`).query({ locale: 'en', pageSize: 5, page: 1 });
      expect([field, response.status, response.body.results]).toEqual([field, 200, []]);
    }
  });

  it('is offered every target, as a new document is', async () => {
    const response = await asAdmin(jwt, 'get', `/content-manager/relations/${NEWS}/municipalities`).query({ locale: 'en', id: documentId, _q: '', pageSize: 100 });
    expect(response.status).toBe(200);
    expect(response.body.results.length).toBeGreaterThan(10);
  });

  it('still answers 404 for a document that exists in no language, and 401 to a caller without a session', async () => {
    const missing = await asAdmin(jwt, 'get', `/content-manager/relations/${NEWS}/nosuchdocument0000000000/municipalities`).query({ locale: 'en' });
    expect(missing.status).toBe(404);
    const anonymous = await api().get(`/content-manager/relations/${NEWS}/${documentId}/municipalities`).query({ locale: 'en' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.results).toBeUndefined();
  });
});
