/**
 * Dates and times in the built admin panel as the Sarajevo office types them: `15.12.2026.`,
 * `5.3.2027`, ISO, `18:07`. What is typed is what is stored; what cannot be read is said at the
 * field and Save is refused — the panel never keeps an older or another date silently. The
 * calendar starts on Monday. Screenshots go to tests/e2e/artifacts/.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { contentTexts } from '../../src/content-manager/texts';
import { ARTIFACTS, waitForValue } from '../helpers/browser';
import { openPanelTestbed, signInToPanel, typeInto, type PanelTestbed } from '../helpers/panel';

jest.setTimeout(300_000);

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
/** The content types' words as a Bosnian staff member reads them. */
const BOSNIAN = contentTexts('bs');

let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let origin: string;
const external: string[] = [];

const screenshot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `local-dates-${name}.png`) });
const createView = (uid: string) => `${origin}/admin/content-manager/collection-types/${uid}/create?plugins[i18n][locale]=bs`;
const saveButton = () => page.locator('button[type="submit"]').first();

const type = (name: string, text: string) => typeInto(page, name, text);

let testbed: PanelTestbed;

beforeAll(async () => {
  testbed = await openPanelTestbed();
  ({ strapi, origin, browser } = testbed);
  page = await signInToPanel(strapi, browser, origin, { role: 'strapi-editor', external });
});

afterAll(() => testbed?.close());

it('stores the day typed in the local way, whatever its form', async () => {
  for (const [typed, stored] of [
    ['15.12.2026.', '2026-12-15'],
    ['5.3.2027', '2027-03-05'],
    ['2027-03-05', '2027-03-05'],
  ]) {
    await page.goto(createView(NEWS));
    await page.locator('input[name="title"]').fill(`Datum ${typed}`);
    await type('publicationDate', typed);
    await saveButton().click();
    await page.waitForURL(/news-article\/(?!create)[a-z0-9]+\?/);
    const documentId = /news-article\/([a-z0-9]+)\?/.exec(page.url())![1];
    // The field shows the day back the local way; the database holds exactly that day.
    await expectValue('publicationDate', stored.split('-').reverse().join('.') + '.');
    const saved = await strapi.db.query(NEWS).findOne({ where: { documentId, locale: 'bs' }, select: ['publicationDate'] });
    expect([typed, saved.publicationDate]).toEqual([typed, stored]);
  }
  await screenshot('1-saved');
});

it('refuses a day it cannot read, at the field, and saves nothing', async () => {
  await page.goto(createView(NEWS));
  await page.locator('input[name="title"]').fill('Nepostojeći dan');
  for (const typed of ['31.02.2027.', '03/05/2027']) {
    await type('publicationDate', typed);
    await page.locator('input[name="publicationDate"][aria-invalid="true"]').waitFor();
    await saveButton().click();
    // The server refuses it too (the form would otherwise have gone out): still on the create view.
    await page.getByText(`${BOSNIAN.types[NEWS].fields.publicationDate.label}: ${BOSNIAN.refusals.date}`).first().waitFor();
    expect(page.url()).toMatch(/\/create\?/);
  }
  await screenshot('2-refused');
  const stored = await strapi.db.query(NEWS).findMany({ where: { title: 'Nepostojeći dan' } });
  expect(stored).toEqual([]);
});

it('keeps the minute of a scheduled time and a workshop time', async () => {
  await page.goto(createView(WORKSHOP));
  await page.locator('input[name="title"]').fill('Radionica u 18:07');
  await type('startDate', '15.12.2026.');
  await type('startTime', '18:07');
  await type('scheduledPublishAt', '14.12.2026.');
  await type('scheduledPublishAt.time', '9:05');
  await saveButton().click();
  await page.waitForURL(/workshop\/(?!create)[a-z0-9]+\?/);
  const documentId = /workshop\/([a-z0-9]+)\?/.exec(page.url())![1];
  const saved = await strapi.db.query(WORKSHOP).findOne({ where: { documentId, locale: 'bs' }, select: ['startDate', 'startTime', 'scheduledPublishAt'] });
  expect(saved.startDate).toBe('2026-12-15');
  expect(saved.startTime).toMatch(/^18:07/);
  // The browser runs on Sarajevo time (CET in December): 09:05 there is 08:05 UTC.
  expect(new Date(saved.scheduledPublishAt).toISOString()).toBe('2026-12-14T08:05:00.000Z');
  await expectValue('scheduledPublishAt.time', '09:05');
  // A scheduled draft says so beside the form and in the list, to the minute.
  await page
    .getByText(/^Zakazano za .*14\.? ?12\.? ?2026\.?.* 09:05$/)
    .waitFor()
    .catch(async () => {
      throw new Error(`no "Zakazano za" beside the form: ${await page.locator('aside, [role="complementary"]').allTextContents()}`);
    });
  await screenshot('3-times');
  await page.goto(`${origin}/admin/content-manager/collection-types/${WORKSHOP}?plugins[i18n][locale]=bs`);
  const row = page.getByRole('row', { name: /Radionica u 18:07/ });
  await row.getByText(/^Zakazano za .* 09:05$/).waitFor();
  await screenshot('3a-scheduled-in-list');
});

it('opens a calendar whose weeks start on Monday', async () => {
  await page.goto(createView(NEWS));
  await type('publicationDate', '15.12.2026.');
  await page.locator('input[name="publicationDate"]').locator('xpath=..').getByRole('button').click();
  const grid = page.getByRole('grid');
  await grid.waitFor();
  const firstDay = await grid.locator('th').first().getAttribute('abbr');
  expect(firstDay?.toLowerCase()).toMatch(/^(ponedjeljak|monday|понедјељак|ponedeljak)$/);
  await grid.getByRole('button', { name: /24/ }).first().click();
  await expectValue('publicationDate', '24.12.2026.');
  await screenshot('4-calendar');
  expect(external).toEqual([]);
});

const expectValue = (name: string, expected: string) => waitForValue(page.locator(`input[name="${name}"]`), expected);
