/**
 * What an editor types in the admin panel comes back byte for byte, and the admin panel's API
 * rejects bad input with a field-level message, as the content API does. The admin UI talks to
 * Strapi's content-manager endpoints; these tests call them the same way, with an editor's JWT.
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

const MUNICIPALITY = 'api::municipality.municipality';

let strapi: Core.Strapi;
let jwt: string;
const created: string[] = [];

const admin = (method: 'get' | 'post' | 'put' | 'delete', path: string) => contentManagerRequest(jwt, method, MUNICIPALITY, path);

beforeAll(async () => {
  strapi = await setupStrapi();
  jwt = await loginAsNewAdmin(strapi);
});

afterAll(async () => {
  for (const documentId of created) await strapi.documents(MUNICIPALITY).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

it('keeps Cyrillic and č ć đ š ž byte for byte from the editor to the public API', async () => {
  const name = 'Шековићи — Šekovići, Đurđevik, Žepče (ЉЊЏ ǅ)';
  const create = await admin('post', '?locale=sr-Cyrl').send({ name, slug: 'sekovici-test', entity: 'RS', kind: 'municipality', geo: { lat: 44.3, lon: 18.85 } });
  expect(create.status).toBe(201);
  const documentId = create.body.data.documentId;
  created.push(documentId);

  const read = await admin('get', `/${documentId}?locale=sr-Cyrl`);
  expect(read.status).toBe(200);
  expect(read.body.data.name).toBe(name);
  expect(Buffer.from(read.body.data.name, 'utf8').equals(Buffer.from(name, 'utf8'))).toBe(true);

  const publish = await admin('post', `/${documentId}/actions/publish?locale=sr-Cyrl`).send({});
  expect(publish.status).toBe(200);

  const rest = await api().get(`/api/municipalities/${documentId}`).query({ locale: 'sr-Cyrl' });
  expect(rest.status).toBe(200);
  expect(rest.body.data.name).toBe(name);
});

it('saves an incomplete draft, but refuses to publish it, naming each bad field', async () => {
  // Strapi lets editors save work in progress; the schema's rules apply when it is published.
  const draft = await admin('post', '?locale=bs').send({ name: 'Žepče', slug: 'žepče' });
  expect(draft.status).toBe(201);
  const documentId = draft.body.data.documentId;
  created.push(documentId);

  const publish = await admin('post', `/${documentId}/actions/publish?locale=bs`).send({ name: 'Žepče', slug: 'žepče' });
  expect(publish.status).toBe(400);
  const paths = publish.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
  expect(paths).toEqual(expect.arrayContaining(['slug', 'entity']));

  const rest = await api().get('/api/municipalities').query({ locale: 'bs', 'filters[name][$eq]': 'Žepče' });
  expect(rest.body.data).toEqual([]);
});

it('offers the five locales, Bosnian first as the default', async () => {
  const response = await asAdmin(jwt, 'get', '/i18n/locales');
  expect(response.status).toBe(200);
  const locales = response.body.map((locale: { code: string; isDefault: boolean }) => [locale.code, locale.isDefault]);
  expect(locales).toEqual(
    expect.arrayContaining([
      ['bs', true],
      ['hr', false],
      ['sr-Latn', false],
      ['sr-Cyrl', false],
      ['en', false],
    ])
  );
  expect(locales).toHaveLength(5);
});

it('shows each type with the committed views: list columns, default order, grouped edit view, explained fields', async () => {
  const response = await asAdmin(jwt, 'get', '/content-manager/content-types/api::news-article.news-article/configuration');
  expect(response.status).toBe(200);
  const { settings, layouts, metadatas } = response.body.data.contentType;
  expect(settings).toMatchObject({ mainField: 'title', defaultSortBy: 'publicationDate', defaultSortOrder: 'DESC' });
  expect(layouts.list).toEqual(['title', 'publicationDate', 'scheduledPublishAt']);
  expect(layouts.edit[0]).toEqual([
    { name: 'title', size: 8 },
    { name: 'publicationDate', size: 4 },
  ]);
  expect(metadatas.title.edit).toMatchObject({ label: 'Headline', description: expect.stringContaining('RSS/Atom feeds') });
  expect(metadatas.publicationDate.list.label).toBe('Publication date');

  // Changed in the panel, then the app restarts: the committed view comes back.
  // (The panel sends back what it read, without the relation columns' mainField it was given.)
  const sentBack = Object.fromEntries(
    Object.entries(metadatas as Record<string, { edit: object; list: object }>).map(([field, { edit, list }]) => [field, { edit, list: { ...list, mainField: undefined } }])
  );
  const saved = await asAdmin(jwt, 'put', '/content-manager/content-types/api::news-article.news-article/configuration').send({
    settings,
    metadatas: sentBack,
    layouts: { ...layouts, list: ['title'] },
  });
  expect(saved.status).toBe(200);
  expect(saved.body.data.contentType.layouts.list).toEqual(['title']);
  const { applyContentManagerLayouts } = await import('../../src/content-manager');
  await applyContentManagerLayouts(strapi);
  const after = await asAdmin(jwt, 'get', '/content-manager/content-types/api::news-article.news-article/configuration');
  expect(after.body.data.contentType.layouts.list).toEqual(['title', 'publicationDate', 'scheduledPublishAt']);
});

it('gives each staff member the help under each field in their own language, and keeps what is stored', async () => {
  const configuration = async (token: string) =>
    (await asAdmin(token, 'get', '/content-manager/content-types/api::municipality.municipality/configuration')).body.data.contentType.metadatas;
  const bosnian = await configuration(await loginAsNewAdmin(strapi, undefined, 'bs'));
  const cyrillic = await configuration(await loginAsNewAdmin(strapi, undefined, 'sr-Cyrl'));
  const english = await configuration(jwt);
  expect(english.canton.edit.description).toBe('Only for places in the Federation.');
  expect(bosnian.canton.edit.description).not.toBe(english.canton.edit.description);
  expect(bosnian.canton.edit.description).toMatch(/Federacij/);
  expect(cyrillic.canton.edit.description).toMatch(/^[\p{Script=Cyrillic}\s\p{P}BiH]+$/u);
  // Asked again in English after the others: what Strapi keeps was not changed by their answers.
  expect((await configuration(jwt)).canton.edit.description).toBe('Only for places in the Federation.');
});

it('flags a word that mixes Latin and Cyrillic letters on save, suggesting the fix', async () => {
  const before = await strapi.db.query(MUNICIPALITY).count();
  const response = await admin('post', '?locale=bs').send({ name: 'Čelinaц', slug: 'celinac-typo', entity: 'RS' });
  expect(response.status).toBe(400);
  expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: ['name'], message: '"Čelinaц" mixes Latin and Cyrillic letters; did you mean "Čelinac"?' })]);
  expect(await strapi.db.query(MUNICIPALITY).count()).toBe(before);
});

it('publishing locale versions in the admin keeps them one document', async () => {
  const create = await admin('post', '?locale=bs').send({ name: 'Srebrenik', slug: 'srebrenik-test', entity: 'FBiH', canton: 'tuzla' });
  expect(create.status).toBe(201);
  const { documentId } = create.body.data;
  created.push(documentId);
  expect((await admin('post', `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);

  const hr = await admin('put', `/${documentId}?locale=hr`).send({ name: 'Srebrenik (hr)' });
  expect(hr.status).toBe(200);
  expect((await admin('post', `/${documentId}/actions/publish?locale=hr`).send({})).status).toBe(200);
  expect((await admin('post', `/${documentId}/actions/publish?locale=bs`).send({ name: 'Srebrenik' })).status).toBe(200);

  for (const [locale, name] of [
    ['bs', 'Srebrenik'],
    ['hr', 'Srebrenik (hr)'],
  ]) {
    const response = await api().get(`/api/municipalities/${documentId}`).query({ locale });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ documentId, name, locale, slug: 'srebrenik-test' });
  }
});

it('serves the favicon browsers ask for (a missing file is a 500 in stock Strapi)', async () => {
  const response = await api().get('/favicon.ico');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('image/x-icon');
  expect(response.body.subarray(1, 4).toString()).toBe('PNG');
});
