/**
 * The panel as each role meets it: an Author reads other people's articles read-only, with a
 * note saying why, and writes their own; nothing offers them what their role cannot do.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS } from '../helpers/browser';
import { openPanelTestbed, panelWords, signInToPanel, type PanelTestbed } from '../helpers/panel';

jest.setTimeout(300_000);

const NEWS = 'api::news-article.news-article';
const t = panelWords('bs');

let strapi: Core.Strapi;
let browser: Browser;
let author: Page;
let origin: string;
const external: string[] = [];

const screenshot = (name: string) => author.screenshot({ path: path.join(ARTIFACTS, `roles-${name}.png`) });
const editView = (documentId: string) => `${origin}/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=bs`;

let testbed: PanelTestbed;

beforeAll(async () => {
  testbed = await openPanelTestbed();
  ({ strapi, origin, browser } = testbed);
  author = await signInToPanel(strapi, browser, origin, { role: 'strapi-author', external });
});

afterAll(() => testbed?.close());

it('opens an article someone else wrote read-only, saying why', async () => {
  const imported = await strapi.db.query(NEWS).findOne({ where: { locale: 'bs', publishedAt: null }, select: ['documentId'] });
  await author.goto(editView(imported.documentId));
  const title = author.locator('input[name="title"]');
  await title.waitFor();
  await author.getByText('Samo za čitanje').waitFor();
  expect(await title.isDisabled()).toBe(true);
  await screenshot('1-author-reads-others');
});

it('lets the Author write and save their own article', async () => {
  await author.goto(`${origin}/admin/content-manager/collection-types/${NEWS}/create?plugins[i18n][locale]=bs`);
  await author.locator('input[name="title"]').fill('Autorica piše o Tesliću');
  await author.locator('input[name="publicationDate"]').fill('10.12.2026.');
  await author.locator('button[type="submit"]').first().click();
  await author.waitForURL(/news-article\/(?!create)[a-z0-9]+\?/);
  const title = author.locator('input[name="title"]');
  // The document's panel (Save and what else this role may do) is shown once its rights are known.
  await author.getByRole('button', { name: t('global.save'), exact: true }).waitFor();
  expect(await title.isDisabled()).toBe(false);
  expect(await author.getByText('Samo za čitanje').count()).toBe(0);
  // Nothing that publishes is offered: no Publish, and no "…" menu of Unpublish, Discard or
  // "publish multiple locales" (with those gone, the panel has no such menu at all).
  expect(await author.getByRole('button', { name: t('app.utils.publish'), exact: true }).count()).toBe(0);
  expect(await author.getByRole('button', { name: t('content-manager.containers.edit.panels.default.more-actions') }).count()).toBe(0);
  for (const id of ['app.utils.unpublish', 'content-manager.actions.discard.label', 'i18n.CMEditViewBulkLocale.publish-title']) {
    expect(await author.getByText(t(id), { exact: true }).count()).toBe(0);
  }
  await screenshot('2-author-own');
  expect(external).toEqual([]);
});
