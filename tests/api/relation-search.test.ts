/**
 * Relation pickers in the panel find what the list and `?q=` find: whatever the case,
 * diacritics or script of the words typed, and by any text field (a programme by its acronym).
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, loginAsNewAdmin } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

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
