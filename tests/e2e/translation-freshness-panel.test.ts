/**
 * Is this translation up to date? In the built admin panel: a Bosnian editor changes the headline,
 * dateline and lead of an article a colleague wrote and translated into English and Croatian. The
 * Bosnian version says it is the source; the English version's form marks those three fields out
 * of date at their labels (beside the i18n globe), and its Translation panel shows the Bosnian
 * lead's change word by word, and its old and new text side by side. The Translations page counts
 * the article among the out-of-date English versions, as the server does, and its number opens the
 * article's English edit view. A Translator (en) reads the Croatian version's state without being
 * offered to change it, marks the English lead up to date, then the rest: the marks go, the panel
 * says all is up to date in one line, readers of the API are told, and the page counts one fewer.
 * Nothing asks another server or logs a console error. Screenshots go to
 * tests/e2e/artifacts/freshness-*.png (the README's editors' guide shows some of them).
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Locator, Page } from 'playwright-core';
import { contentTexts } from '../../src/content-manager/texts';
import { asAdmin, contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { ARTIFACTS, waitForValue } from '../helpers/browser';
import { contentHistoryWords, fieldLabel, notificationsGone, openPanelTestbed, panelWords, signInToPanel, typeInto, until, type PanelTestbed } from '../helpers/panel';
import { api } from '../helpers/strapi';

jest.setTimeout(180_000);

const NEWS = 'api::news-article.news-article';

/** Strapi's and this CMS's words, and the plugin's, as a staff member reads them. */
const t = panelWords('bs');
const f = contentHistoryWords('bs');
const en = contentHistoryWords('en');
const label = (language: string, field: string) => fieldLabel(language, NEWS, field);

const TITLE = 'Tuzla: djeca o svojim pravima';
const NEW_TITLE = 'Tuzla: djeca i roditelji o svojim pravima';
const DATELINE = 'Tuzla';
const NEW_DATELINE = 'Tuzla, Bosna i Hercegovina';
const LEAD = 'Djeca iz Tuzle razgovarala su o pravima djeteta.';
const NEW_LEAD = 'Djeca i roditelji iz Tuzle razgovarali su o pravima djeteta.';
const EN = { title: 'Tuzla: children on their rights', dateline: 'Tuzla', lead: 'Children from Tuzla talked about the rights of the child.' };
const HR = { title: 'Tuzla: djeca o svojim pravima', dateline: 'Tuzla', lead: 'Djeca iz Tuzle razgovarala su o pravima djeteta.' };
/** The translated fields the editor changes, in the form's order. */
const CHANGED = ['title', 'dateline', 'lead'];

let testbed: PanelTestbed;
let strapi: Core.Strapi;
let origin: string;
let page: Page;
let translator: Page;
let documentId: string;
/** A colleague's admin JWT (an Editor): writes the article, and asks the server what it counts. */
let colleague: string;
/** The server's count of out-of-date English news before the Translator's confirmations. */
let staleBefore: number;
/** The Translations page's numbers, in the order of its columns (after the language). */
const COVERAGE_COLUMNS = ['versions', 'originals', 'fresh', 'stale', 'missing', 'untracked', 'untranslated'] as const;
const external: string[] = [];
const consoleErrors: string[] = [];

/** A screenshot once dialogs have finished opening (their animations run to their end). */
const screenshot = (name: string, on: Page = page) => on.screenshot({ path: path.join(ARTIFACTS, `freshness-${name}.png`), animations: 'disabled' });
const editView = (locale: string) => `/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=${locale}`;
const saveButton = () => page.getByRole('button', { name: t('global.save'), exact: true });

/** The row of a field's label: the label, the i18n globe, and the mark when there is one. */
async function labelRow(on: Page, field: string): Promise<Locator> {
  const id = await on.locator(`[name="${field}"]`).first().getAttribute('id');
  return on.locator(`label[for="${id}"]`).locator('xpath=..');
}
const markAt = async (on: Page, field: string) => (await labelRow(on, field)).locator('[data-translation-state]');
/** The fields of the form on screen that carry a mark, and what each says. */
async function marks(on: Page): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const field of ['title', 'dateline', 'lead']) {
    const mark = await markAt(on, field);
    if ((await mark.count()) > 0) found[field] = (await mark.textContent())!.trim();
  }
  expect(await on.locator('[data-translation-state]').count()).toBe(Object.keys(found).length);
  return found;
}

/** The Translation panel's list of fields that need a look. */
const fieldList = (on: Page, say = f) => on.getByRole('list', { name: say('fieldList') });
const trimmed = async (locator: Locator) => (await locator.allTextContents()).map((text) => text.trim());

/** What a partner site reads about the English version's fields. */
async function readerStates(): Promise<Record<string, string>> {
  const response = await api().get(`/api/news-articles/${documentId}`).query({ locale: 'en' });
  expect(response.status).toBe(200);
  const fields = response.body.meta.translation[documentId].fields as Record<string, { state: string }>;
  return Object.fromEntries(CHANGED.map((field) => [field, fields[field]?.state]));
}

/** The server's coverage of news in a language, as the colleague may read it. */
async function serverCoverage(locale: string) {
  const response = await asAdmin(colleague, 'get', '/content-history/translations/coverage').query({ uid: NEWS, locale });
  expect(response.status).toBe(200);
  return response.body.data[0] as Record<(typeof COVERAGE_COLUMNS)[number], number>;
}

/** The Translations page's table of news, row of one language: its cells' texts. */
async function coverageRow(on: Page, language: string, languageName: string) {
  const table = on.getByRole('region', { name: contentTexts(language).types[NEWS].displayName });
  const row = table.getByRole('row').filter({ hasText: languageName });
  await row.waitFor();
  return { row, cells: await trimmed(row.getByRole('gridcell')) };
}

beforeAll(async () => {
  testbed = await openPanelTestbed();
  ({ strapi, origin } = testbed);
  const editorRole = (await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id;
  [page, translator, colleague] = await Promise.all([
    signInToPanel(strapi, testbed.browser, origin, { role: 'strapi-editor', external, consoleErrors }),
    signInToPanel(strapi, testbed.browser, origin, { role: 'spis-translator-en', language: 'en', external, consoleErrors }),
    loginAsNewAdmin(strapi, [editorRole], 'bs'),
  ]);
  // Tall enough for the form and the Translation panel in the screenshots.
  await page.setViewportSize({ width: 1440, height: 1200 });
  await translator.setViewportSize({ width: 1440, height: 1200 });
});

afterAll(() => testbed?.close());

it('the editor changes the Bosnian headline, dateline and lead of an article translated into English and Croatian', async () => {
  const created = await contentManagerRequest(colleague, 'post', NEWS, '?locale=bs').send({ title: TITLE, dateline: DATELINE, publicationDate: '2026-12-10', lead: LEAD });
  expect(created.status).toBe(201);
  documentId = created.body.data.documentId;
  for (const [locale, data] of [
    ['en', EN],
    ['hr', HR],
  ] as const) {
    expect((await contentManagerRequest(colleague, 'put', NEWS, `/${documentId}?locale=${locale}`).send(data)).status).toBe(200);
  }
  for (const locale of ['bs', 'en']) expect((await contentManagerRequest(colleague, 'post', NEWS, `/${documentId}/actions/publish?locale=${locale}`).send({})).status).toBe(200);
  expect(await readerStates()).toEqual({ title: 'fresh', dateline: 'fresh', lead: 'fresh' });

  await page.goto(`${origin}${editView('bs')}`);
  await waitForValue(page.locator('input[name="title"]'), TITLE);
  // The source version says so, and carries no mark.
  await page.getByText(f('isSource', { language: f('language.bs') })).waitFor();
  await typeInto(page, 'title', NEW_TITLE);
  await typeInto(page, 'dateline', NEW_DATELINE);
  await typeInto(page, 'lead', NEW_LEAD);
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'PUT' && answer.url().includes(`/content-manager/collection-types/${NEWS}/${documentId}`)),
    saveButton().click(),
  ]);
  expect(response.status()).toBe(200);
  await until(() => saveButton().isDisabled(), 'the form to be saved');
  expect(await marks(page)).toEqual({});
});

it('marks the English headline, dateline and lead out of date at their labels, beside the i18n globe', async () => {
  await page.goto(`${origin}${editView('en')}`);
  await waitForValue(page.locator('textarea[name="lead"]'), EN.lead);
  await until(async () => (await page.locator('[data-translation-state]').count()) === 3, 'three marks');
  expect(await marks(page)).toEqual({ title: f('state.stale'), dateline: f('state.stale'), lead: f('state.stale') });
  // The app's globe is still there, before the mark.
  expect(await (await labelRow(page, 'lead')).textContent()).toBe(`${label('bs', 'lead')}${t('i18n.Field.localized')}${f('state.stale')}`);
  // A field whose source did not change (the body, empty in both) has none.
  expect(await page.locator('[data-translation-state]').count()).toBe(3);
});

it('lists them in the Translation panel, with the Bosnian lead’s change word by word and side by side', async () => {
  await notificationsGone(page);
  const list = fieldList(page);
  await until(async () => (await list.getByRole('listitem').count()) === 3, 'three fields in the panel');
  expect(await list.getByRole('heading', { level: 3 }).allTextContents()).toEqual(CHANGED.map((field) => label('bs', field)));
  await page.getByText(f('toCheck', { language: f('language.bs'), count: '3' })).waitFor();
  const lead = list.getByRole('region', { name: label('bs', 'lead') });
  expect(await trimmed(lead.locator('del'))).toEqual(['razgovarala']);
  expect(await trimmed(lead.locator('ins'))).toEqual(['i roditelji', 'razgovarali']);
  // Underline and strike-through are said in words, not only in colour.
  await page.getByText(f('legend')).first().waitFor();
  // An Editor may mark them, one by one or all at once.
  for (const field of CHANGED) await list.getByRole('button', { name: f('markFreshNamed', { field: label('bs', field) }) }).waitFor();
  await page.getByRole('button', { name: f('markAllFresh'), exact: true }).waitFor();
  await screenshot('1-marked');

  await lead.getByRole('button', { name: f('sideBySideNamed', { field: label('bs', 'lead') }) }).click();
  const dialog = page.getByRole('dialog');
  const then = dialog.getByRole('region', { name: f('sourceThen', { language: f('language.bs') }) });
  const now = dialog.getByRole('region', { name: f('sourceNow', { language: f('language.bs') }) });
  await then.waitFor();
  // Each side reads as the whole text: the old one with its removed words struck, the new one with its added words underlined.
  expect((await then.locator('p').textContent())!).toBe(LEAD);
  expect((await now.locator('p').textContent())!).toBe(NEW_LEAD);
  expect([await trimmed(then.locator('del')), await then.locator('ins').count()]).toEqual([['razgovarala'], 0]);
  expect([await trimmed(now.locator('ins')), await now.locator('del').count()]).toEqual([['i roditelji', 'razgovarali'], 0]);
  await screenshot('2-side-by-side');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

it('counts the article on the Translations page as the server does, and opens its English edit view from there', async () => {
  await page.getByRole('link', { name: f('coverageMenu'), exact: true }).click();
  await page.waitForURL(/\/admin\/plugins\/content-history\/translations$/);
  const server = await serverCoverage('en');
  staleBefore = server.stale;
  expect(staleBefore).toBeGreaterThanOrEqual(1);
  const { row, cells } = await coverageRow(page, 'bs', 'Engleski (en)');
  expect(cells).toEqual(['Engleski (en)', ...COVERAGE_COLUMNS.map((count) => String(server[count]))]);
  expect((await coverageRow(page, 'bs', 'Bosanski (bs)')).cells[0]).toBe(`Bosanski (bs)${f('coverageSourceLanguage')}`);
  await page.getByRole('heading', { level: 1, name: f('coverageTitle') }).waitFor();
  // The menu link's tooltip goes once neither the pointer nor the focus is on it.
  await page.getByRole('heading', { level: 1, name: f('coverageTitle') }).click();
  await until(async () => (await page.getByRole('tooltip').count()) === 0, 'the tooltip to go');
  await screenshot('3-coverage');

  await row.getByRole('button', { name: f('coverageShow', { count: String(staleBefore), state: f('state.stale').toLowerCase(), language: f('language.en') }) }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('heading', { name: f('coverageListTitle', { type: contentTexts('bs').types[NEWS].displayName, language: f('language.en'), state: f('state.stale').toLowerCase() }) })
    .waitFor();
  const link = dialog.getByRole('link', { name: EN.title, exact: true });
  expect(await link.getAttribute('href')).toBe(editView('en'));
  await screenshot('4-stale-list');
  await link.click();
  await page.waitForURL(`${origin}${editView('en')}`);
  await waitForValue(page.locator('textarea[name="lead"]'), EN.lead);
  await until(async () => (await (await markAt(page, 'lead')).count()) === 1, 'the lead’s mark');
});

it('shows a Translator (en) the Croatian version’s state without offering to mark it', async () => {
  await translator.goto(`${origin}${editView('hr')}`);
  await waitForValue(translator.locator('textarea[name="lead"]'), HR.lead);
  const list = fieldList(translator, en);
  await until(async () => (await list.getByRole('listitem').count()) === 3, 'three fields in the panel');
  expect(await marks(translator)).toEqual({ title: en('state.stale'), dateline: en('state.stale'), lead: en('state.stale') });
  expect(await translator.getByRole('button', { name: new RegExp(`^(${en('markFresh')}|${en('markAllFresh')})`) }).count()).toBe(0);
});

it('lets a Translator (en) mark the English lead up to date, then the rest: the marks go and readers are told', async () => {
  expect(await readerStates()).toEqual({ title: 'stale', dateline: 'stale', lead: 'stale' });
  await translator.goto(`${origin}${editView('en')}`);
  await waitForValue(translator.locator('textarea[name="lead"]'), EN.lead);
  const list = fieldList(translator, en);
  await until(async () => (await list.getByRole('listitem').count()) === 3, 'three fields in the panel');

  await list.getByRole('button', { name: en('markFreshNamed', { field: label('en', 'lead') }) }).click();
  let confirm = translator.getByRole('alertdialog');
  await confirm.getByText(en('confirmFreshField', { field: label('en', 'lead') })).waitFor();
  await confirm.getByRole('button', { name: en('confirmFresh'), exact: true }).click();
  await translator.getByText(en('markedField', { field: label('en', 'lead') })).waitFor();
  await until(async () => (await list.getByRole('listitem').count()) === 2, 'two fields left in the panel');
  await until(async () => (await (await markAt(translator, 'lead')).count()) === 0, 'the lead’s mark to go');
  expect(await marks(translator)).toEqual({ title: en('state.stale'), dateline: en('state.stale') });
  expect(await readerStates()).toEqual({ title: 'stale', dateline: 'stale', lead: 'fresh' });

  await translator.getByRole('button', { name: en('markAllFresh'), exact: true }).click();
  confirm = translator.getByRole('alertdialog');
  await confirm.getByText(en('confirmFreshAll', { fields: `${label('en', 'title')} and ${label('en', 'dateline')}` })).waitFor();
  await confirm.getByRole('button', { name: en('confirmFresh'), exact: true }).click();
  await translator.getByText(en('allFresh', { language: en('language.bs') }), { exact: true }).waitFor();
  await until(async () => (await translator.locator('[data-translation-state]').count()) === 0, 'the marks to go');
  expect(await fieldList(translator, en).count()).toBe(0);
  expect(await readerStates()).toEqual({ title: 'fresh', dateline: 'fresh', lead: 'fresh' });
  await notificationsGone(translator);
  await translator.getByRole('heading', { level: 1, name: EN.title }).scrollIntoViewIfNeeded();
  await screenshot('5-up-to-date', translator);
});

it('counts one out-of-date English article fewer on the Translations page', async () => {
  await translator.getByRole('link', { name: en('coverageMenu'), exact: true }).click();
  await translator.waitForURL(/\/admin\/plugins\/content-history\/translations$/);
  const server = await serverCoverage('en');
  expect(server.stale).toBe(staleBefore - 1);
  const { cells } = await coverageRow(translator, 'en', 'English (en)');
  expect(cells[1 + COVERAGE_COLUMNS.indexOf('stale')]).toBe(String(server.stale));
});

it('logged no console error and asked no other server', () => {
  expect(consoleErrors).toEqual([]);
  expect(external).toEqual([]);
});
