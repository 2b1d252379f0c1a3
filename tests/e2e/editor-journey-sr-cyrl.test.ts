/**
 * The panel in Serbian Cyrillic, for a staff member who chose it: sign-in, lists, a workshop with
 * dates and times typed as people here type them, the Cyrillic version of an article. Every word
 * the panel shows is in Cyrillic (names like SPIS and acronyms aside); no console error, no other
 * server. Screenshots go to tests/e2e/artifacts/.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, waitForValue } from '../helpers/browser';
import { openPanelTestbed, panelWords, signInToPanel, typeInto, type PanelTestbed } from '../helpers/panel';

jest.setTimeout(300_000);

const WORKSHOP = 'api::workshop.workshop';

const t = panelWords('sr-Cyrl');

let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let origin: string;
const external: string[] = [];
const consoleErrors: string[] = [];

const screenshot = (name: string, on: Page = page) => on.screenshot({ path: path.join(ARTIFACTS, `journey-sr-cyrl-${name}.png`) });
const listView = (uid: string) => `${origin}/admin/content-manager/collection-types/${uid}?plugins[i18n][locale]=sr-Cyrl`;
const saveButton = () => page.getByRole('button', { name: t('global.save'), exact: true });
/** Latin letters outside names and acronyms (SPIS, API, URL...) that stay Latin in Serbian Cyrillic. */
const latinWords = (text: string) =>
  (text.match(/\p{Script=Latin}{2,}/gu) ?? []).filter(
    (word) => !/^(\p{Lu}{2,}\p{L}*|\p{L}+\p{Lu}\p{L}*|sr|Cyrl|Latn|bs|hr|en|English|Bosanski|Hrvatski|Srpski|latinica|Strapi)$/u.test(word)
  );

const type = (name: string, text: string) => typeInto(page, name, text);

let testbed: PanelTestbed;

beforeAll(async () => {
  testbed = await openPanelTestbed();
  ({ strapi, origin, browser } = testbed);
});

afterAll(() => testbed?.close());

it('signs in and lists in Cyrillic, values by their names', async () => {
  page = await signInToPanel(strapi, browser, origin, {
    role: 'strapi-editor',
    language: 'sr-Cyrl',
    external,
    consoleErrors,
    onSignInPage: async (signIn) => {
      await signIn.getByRole('button', { name: t('Auth.form.button.login') }).waitFor();
      expect(latinWords(await signIn.locator('main').innerText())).toEqual([]);
      await screenshot('0-sign-in', signIn);
    },
  });
  await page.goto(listView('api::municipality.municipality'));
  await page.getByText('Република Српска').first().waitFor();
  expect(latinWords(await page.locator('main').innerText())).toEqual([]);
  await screenshot('1-municipalities');
});

it('takes a workshop’s dates and times as typed here, and shows it scheduled', async () => {
  await page.goto(`${origin}/admin/content-manager/collection-types/${WORKSHOP}/create?plugins[i18n][locale]=sr-Cyrl`);
  await saveButton().waitFor();
  await type('title', 'Радионица за социјалне раднике у Бијељини');
  await type('startDate', '5.3.2027');
  await type('startTime', '18.07');
  await type('scheduledPublishAt', '2027-03-01');
  await type('scheduledPublishAt.time', '8:00');
  await saveButton().click();
  await page.getByText(t('content-manager.success.record.save')).first().waitFor();
  await page.waitForURL(/workshop\/(?!create)[a-z0-9]+\?/);
  const documentId = /workshop\/([a-z0-9]+)\?/.exec(page.url())![1];
  const stored = await strapi.db.query(WORKSHOP).findOne({ where: { documentId, locale: 'sr-Cyrl' }, select: ['startDate', 'startTime', 'scheduledPublishAt'] });
  expect([stored.startDate, stored.startTime.slice(0, 5), new Date(stored.scheduledPublishAt).toISOString()]).toEqual(['2027-03-05', '18:07', '2027-03-01T07:00:00.000Z']);
  await waitForValue(page.locator('input[name="startDate"]'), '05.03.2027.');
  expect(latinWords(await page.locator('main').innerText())).toEqual([]);
  await screenshot('2-workshop');
  await page.goto(listView(WORKSHOP));
  await page
    .getByRole('row', { name: /Бијељини/ })
    .getByText(/^Заказано за .*08:00$/)
    .waitFor();
  await screenshot('3-scheduled');
  expect(consoleErrors).toEqual([]);
  expect(external).toEqual([]);
});
