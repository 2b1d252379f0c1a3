/**
 * In a real browser: an editor opens a Serbian Latin news article in the built admin panel,
 * picks "Create Cyrillic version", confirms, and lands on the sr-Cyrl draft in Cyrillic. The
 * panel makes no request beyond this server. Screenshots go to tests/e2e/artifacts/.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, loginAsNewAdmin } from '../helpers/admin';
import { ensureAdminBuild } from '../helpers/admin-build';
import { ARTIFACTS, launchChromium, waitForValue } from '../helpers/browser';
import { signInToPanel } from '../helpers/panel';
import { listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(240_000);

const NEWS = 'api::news-article.news-article';

let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let origin: string;
let documentId: string;
const external: string[] = [];

const screenshot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `cyrillic-version-${name}.png`) });

beforeAll(async () => {
  ensureAdminBuild();
  strapi = await setupStrapi();
  origin = await listen(strapi);
  const jwt = await loginAsNewAdmin(strapi);
  const article = await asAdmin(jwt, 'post', `/content-manager/collection-types/${NEWS}?locale=sr-Latn`).send({
    title: 'Đurđevdanska radionica u Čelincu',
    publicationDate: '2026-05-06',
    lead: 'Djeca, roditelji i UNICEF: džepni vodič kroz socijalnu zaštitu.',
  });
  expect(article.status).toBe(201);
  documentId = article.body.data.documentId;

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (documentId) await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

it('is not offered to staff who may not create the Cyrillic version (a Translator of English)', async () => {
  // Their own English version of a Bosnian article: they may edit it, not create other languages.
  const bosnian = await strapi.documents(NEWS).create({ locale: 'bs', data: { title: 'Radionica u Bihaću', slug: 'radionica-u-bihacu', publicationDate: '2026-05-07' } });
  await strapi.documents(NEWS).update({ documentId: bosnian.documentId, locale: 'en', data: { title: 'Workshop in Bihać', slug: 'workshop-in-bihac' } });
  const translator = await signInToPanel(strapi, browser, origin, { role: 'spis-translator-en', language: 'en', external, width: 1400 });
  await translator.goto(`${origin}/admin/content-manager/collection-types/${NEWS}/${bosnian.documentId}?plugins[i18n][locale]=en`);
  await translator.locator('input[name="title"]').waitFor();
  // The header's "…" menu, where an editor finds it (the panel has only Save for them).
  await translator.getByRole('button', { name: 'More actions', exact: true }).click();
  await translator.getByRole('menu').waitFor();
  expect(await translator.getByRole('menuitem').count()).toBeGreaterThan(0);
  expect(await translator.getByText('Create Cyrillic version').count()).toBe(0);
  await translator.close();
  await strapi.documents(NEWS).delete({ documentId: bosnian.documentId, locale: '*' });
});

it('creates the sr-Cyrl draft from the Latin text in one action, offline', async () => {
  page = await signInToPanel(strapi, browser, origin, { language: 'en', external, width: 1400 });

  await page.goto(`${origin}/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=sr-Latn`);
  await page.locator('input[name="title"]').waitFor();
  expect(await page.locator('input[name="title"]').inputValue()).toBe('Đurđevdanska radionica u Čelincu');
  await screenshot('1-latin');

  await page.getByRole('button', { name: 'More document actions' }).click();
  await page.getByRole('menuitem', { name: 'Create Cyrillic version' }).click();
  await page.getByText('as a new sr-Cyrl draft', { exact: false }).waitFor();
  await screenshot('2-confirm');
  await page.getByRole('button', { name: 'Create draft' }).click();

  await page.waitForURL(/plugins\[i18n\]\[locale\]=sr-Cyrl/);
  const title = page.locator('input[name="title"]');
  await title.waitFor();
  await waitForValue(title, 'Ђурђевданска радионица у Челинцу');
  expect(await page.locator('textarea[name="lead"]').inputValue()).toBe('Дјеца, родитељи и UNICEF: џепни водич кроз социјалну заштиту.');
  await page.getByText('Draft', { exact: true }).first().waitFor();
  await screenshot('3-cyrillic-draft');

  // What the panel shows is what was stored: a draft, not yet public.
  const stored = await strapi.db.query(NEWS).findMany({ where: { documentId, locale: 'sr-Cyrl' }, select: ['title', 'publishedAt'] });
  expect(stored).toEqual([{ title: 'Ђурђевданска радионица у Челинцу', publishedAt: null }]);

  expect(external).toEqual([]);
});

it('offers the Cyrillic version in the language menu, written from the Latin text rather than an empty form', async () => {
  const jwt = await loginAsNewAdmin(strapi);
  const article = await asAdmin(jwt, 'post', `/content-manager/collection-types/${NEWS}?locale=sr-Latn`).send({
    title: 'Radionica o džepnom vodiču u Banjoj Luci',
    publicationDate: '2026-06-12',
  });
  expect(article.status).toBe(201);
  const second = article.body.data.documentId as string;
  try {
    await page.goto(`${origin}/admin/content-manager/collection-types/${NEWS}/${second}?plugins[i18n][locale]=sr-Latn`);
    await page.locator('input[name="title"]').waitFor();
    await page.getByRole('combobox', { name: 'Locales' }).click();
    await screenshot('4-language-menu');
    await page.getByRole('option', { name: 'Српски (ћирилица): create from the Latin text' }).click();
    await page.waitForURL(/plugins\[i18n\]\[locale\]=sr-Cyrl/);
    await waitForValue(page.locator('input[name="title"]'), 'Радионица о џепном водичу у Бањој Луци');
    expect(await strapi.db.query(NEWS).count({ where: { documentId: second, locale: 'sr-Cyrl' } })).toBe(1);
  } finally {
    await strapi.documents(NEWS).delete({ documentId: second, locale: '*' });
  }
  expect(external).toEqual([]);
});

it('names, beside a language version, the links it lacks because their documents have no version in its language', async () => {
  const jwt = await loginAsNewAdmin(strapi);
  const workshop = await asAdmin(jwt, 'post', '/content-manager/collection-types/api::workshop.workshop?locale=bs').send({
    title: 'Radionica samo na bosanskom',
    startDate: '2026-06-01',
    timeZone: 'Europe/Sarajevo',
  });
  expect(workshop.status).toBe(201);
  const article = await asAdmin(jwt, 'post', `/content-manager/collection-types/${NEWS}?locale=bs`).send({
    title: 'Vijest s vezom na radionicu',
    publicationDate: '2026-06-02',
    workshops: { connect: [{ id: workshop.body.data.id }] },
  });
  expect(article.status).toBe(201);
  const news = article.body.data.documentId as string;
  try {
    const serbian = await asAdmin(jwt, 'put', `/content-manager/collection-types/${NEWS}/${news}?locale=sr-Latn`).send({
      title: 'Vest sa vezom na radionicu',
      publicationDate: '2026-06-02',
    });
    expect(serbian.status).toBe(200);
    await page.goto(`${origin}/admin/content-manager/collection-types/${NEWS}/${news}?plugins[i18n][locale]=sr-Latn`);
    await page.getByText('Not linked in this language').waitFor();
    await page.getByText('Radionica samo na bosanskom').waitFor();
    await screenshot('5-links-not-carried');
    // The Bosnian version, which has the link, shows no such note.
    await page.goto(`${origin}/admin/content-manager/collection-types/${NEWS}/${news}?plugins[i18n][locale]=bs`);
    await page.locator('input[name="title"]').waitFor();
    expect(await page.getByText('Not linked in this language').count()).toBe(0);
  } finally {
    await strapi.documents(NEWS).delete({ documentId: news, locale: '*' });
    await strapi.documents('api::workshop.workshop').delete({ documentId: workshop.body.data.documentId, locale: '*' });
  }
});
