/**
 * The communications officer's week in the built admin panel, in Bosnian: sign-in, home, the
 * news list and form, a scheduled workshop, the Media Library. Every step is in the editors'
 * language, asks nothing of another server and logs no error in the browser's console.
 * Screenshots go to tests/e2e/artifacts/ (the README's editors' guide shows them).
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { ensureAdminBuild } from '../helpers/admin-build';
import { ARTIFACTS, launchChromium } from '../helpers/browser';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { signInToPanel } from '../helpers/panel';
import { listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(300_000);

const NEWS = 'api::news-article.news-article';
const MUNICIPALITY = 'api::municipality.municipality';

let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let origin: string;
let startedAt: Date;
const external: string[] = [];
const consoleErrors: string[] = [];

const screenshot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `journey-bs-${name}.png`) });
const list = (uid: string) => `${origin}/admin/content-manager/collection-types/${uid}?plugins[i18n][locale]=bs`;

beforeAll(async () => {
  ensureAdminBuild();
  strapi = await setupStrapi();
  startedAt = new Date();
  origin = await listen(strapi);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await deleteNewsCreatedSince(strapi, startedAt);
  await teardownStrapi();
});

it('signs in on a page in Bosnian with this CMS’s own name', async () => {
  page = await signInToPanel(strapi, browser, origin, { role: 'strapi-editor', external, consoleErrors, onSignInPage: (signIn) => checkSignInPage(signIn) });
  await screenshot('1-home');
  // The home page offers the interface language, in each language's own name.
  await page.getByText('Jezik sučelja').first().waitFor();
});

async function checkSignInPage(signIn: Page) {
  await signIn.getByRole('heading', { name: 'SPIS sadržaji' }).waitFor();
  await signIn.screenshot({ path: path.join(ARTIFACTS, 'journey-bs-0-sign-in.png') });
  expect(await signIn.locator('html').getAttribute('lang')).toBe('bs');
}

it('names types, fields and values in Bosnian in the lists', async () => {
  await page.goto(list(MUNICIPALITY));
  const table = page.getByRole('grid').or(page.locator('table')).first();
  await table.waitFor();
  // Enumeration values by their names, not their codes.
  await page.getByText('Republika Srpska').first().waitFor();
  expect(await table.textContent()).not.toMatch(/\b(central_bosnia|canton_10|FBiH)\b/);
  await screenshot('2-municipalities');
});

it('fits each list in 1280 px without sideways scrolling', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const uid of Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'))) {
    await page.goto(list(uid));
    const table = page.locator('table').first();
    await table.waitFor();
    // The table's scrolling box: wider content than box means sideways scrolling.
    const overflow = await table.locator('xpath=..').evaluate((scroller: { scrollWidth: number; clientWidth: number }) => scroller.scrollWidth - scroller.clientWidth);
    expect([uid, overflow]).toEqual([uid, 0]);
  }
  await page.setViewportSize({ width: 1440, height: 1000 });
});

it('logs no console error and asks no other server, at any step', async () => {
  await page.goto(list(NEWS));
  await page.locator('table').first().waitFor();
  await page.goto(`${origin}/admin/plugins/upload`);
  await page.waitForLoadState('networkidle');
  expect(consoleErrors).toEqual([]);
  expect(external).toEqual([]);
});
