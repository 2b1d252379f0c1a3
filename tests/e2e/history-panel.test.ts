/**
 * The History panel in the built admin panel: a Bosnian editor edits twice an article a colleague
 * wrote and published; the panel beside the form lists each version (when, what, who, how, draft or
 * published, which fields by their labels); a version opens on its changes word by word, against
 * the version before it or any other; one field of an old version goes back into the draft (the
 * published version untouched, the document Modified); a Translator (en) reads the Bosnian
 * history without being offered a restore. Nothing asks another server or logs a console error.
 * Screenshots go to tests/e2e/artifacts/history-*.png (the README's editors' guide shows them).
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Locator, Page } from 'playwright-core';
import { asAdmin, contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { ARTIFACTS, waitForValue } from '../helpers/browser';
import { contentHistoryWords, fieldLabel, notificationsGone, openPanelTestbed, panelWords, signInToPanel, typeInto, until, type PanelTestbed } from '../helpers/panel';
import { api } from '../helpers/strapi';

jest.setTimeout(180_000);

const NEWS = 'api::news-article.news-article';

/** The panel's words (Strapi's and this CMS's), and the History panel's, as a staff member reads them. */
const t = panelWords('bs');
const h = contentHistoryWords('bs');
const en = contentHistoryWords('en');
const label = (language: string, field: string) => fieldLabel(language, NEWS, field);

const TITLE = 'Zenica: roditelji o pravima djeteta';
const EDITED_TITLE = 'Zenica: roditelji i nastavnici o pravima djeteta';
const LEAD = 'Roditelji i djeca iz Zenice razgovarali su o pravima djeteta.';
const SECOND_LEAD = 'Roditelji, nastavnici i djeca iz Zenice razgovarali su o pravima djeteta.';
const THIRD_LEAD = 'Roditelji, nastavnici i djeca iz Zenice govorili su o pravima i zaštiti djeteta.';

let testbed: PanelTestbed;
let strapi: Core.Strapi;
let origin: string;
let page: Page;
let translator: Page;
let documentId: string;
let editorEmail: string;
/** A colleague's admin JWT, and the name the history gives them. */
let colleague: string;
let colleagueEmail: string;
const external: string[] = [];
const consoleErrors: string[] = [];

const screenshot = (name: string, on: Page = page) => on.screenshot({ path: path.join(ARTIFACTS, `history-${name}.png`) });
const editView = (locale: string) => `${origin}/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=${locale}`;
const saveButton = () => page.getByRole('button', { name: t('global.save'), exact: true });
const versionList = (on: Page, words = h) => on.getByRole('list', { name: words('listLabel') });

/** Saves the form and waits until the saved document is back in it. */
async function save() {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => ['POST', 'PUT'].includes(answer.request().method()) && answer.url().includes(`/content-manager/collection-types/${NEWS}`)),
    saveButton().click(),
  ]);
  expect(response.status()).toBeLessThan(300);
  await until(() => saveButton().isDisabled(), 'the form to be saved');
}

const texts = (locator: Locator) => locator.allTextContents();
/** The words a diff marks, without the spaces around them (where a space falls is the diff's choice). */
const marked = async (locator: Locator) => (await texts(locator)).map((text) => text.trim());

beforeAll(async () => {
  testbed = await openPanelTestbed();
  ({ strapi, origin } = testbed);
  const editorRole = (await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id;
  [page, translator, colleague] = await Promise.all([
    signInToPanel(strapi, testbed.browser, origin, { role: 'strapi-editor', external, consoleErrors }),
    signInToPanel(strapi, testbed.browser, origin, { role: 'spis-translator-en', language: 'en', external, consoleErrors }),
    loginAsNewAdmin(strapi, [editorRole], 'bs'),
  ]);
  // Tall enough for the panel's versions beside the form in the screenshots.
  await page.setViewportSize({ width: 1440, height: 1200 });
  const me = await asAdmin(colleague, 'get', '/admin/users/me');
  colleagueEmail = me.body.data.email;
  const editors = await strapi.db.query('admin::user').findMany({ where: { roles: { code: 'strapi-editor' } }, orderBy: { id: 'desc' }, select: ['email'] });
  editorEmail = editors.find((user: { email: string }) => user.email !== colleagueEmail).email;
});

afterAll(() => testbed?.close());

it('the editor edits, twice, an article a colleague wrote and published', async () => {
  // The colleague works in the panel too (its API, as the panel calls it).
  const created = await contentManagerRequest(colleague, 'post', NEWS, '?locale=bs').send({ title: TITLE, publicationDate: '2026-12-15', lead: LEAD });
  expect(created.status).toBe(201);
  documentId = created.body.data.documentId;
  expect((await contentManagerRequest(colleague, 'post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);

  await page.goto(editView('bs'));
  await waitForValue(page.locator('input[name="title"]'), TITLE);
  await typeInto(page, 'title', EDITED_TITLE);
  await typeInto(page, 'lead', SECOND_LEAD);
  await save();
  await typeInto(page, 'lead', THIRD_LEAD);
  await save();
});

it('lists the versions beside the form: when, what, who, how, draft or published, which fields', async () => {
  await notificationsGone(page);
  const list = versionList(page);
  const entries = list.getByRole('listitem');
  await until(async () => (await entries.count()) === 4, 'four versions');
  const [edited, firstEdit, published, created] = await texts(entries);
  const today = new Intl.DateTimeFormat('sr-Latn-BA', { dateStyle: 'short', timeZone: 'Europe/Sarajevo' }).format(new Date());
  for (const entry of [edited, firstEdit, published, created]) expect(entry).toContain(today);
  for (const entry of [edited, firstEdit]) expect(entry).toContain(`${editorEmail} · ${h('path.panel')}`);
  for (const entry of [published, created]) expect(entry).toContain(`${colleagueEmail} · ${h('path.panel')}`);
  expect(edited).toContain(`${h('action.update')} · `);
  expect(edited).toContain(h('draft'));
  expect(edited).toContain(h('fields', { fields: label('bs', 'lead') }));
  // Named by their labels, in the form's order.
  expect(firstEdit).toContain(h('fields', { fields: `${label('bs', 'title')}, ${label('bs', 'lead')}` }));
  expect(published).toContain(`${h('action.publish')} · `);
  expect(published).toContain(h('published'));
  expect(created).toContain(`${h('action.create')} · `);
  await screenshot('1-panel');
});

it('opens a version on its changes word by word, against the one before or any other', async () => {
  await versionList(page).getByRole('listitem').first().getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: label('bs', 'lead') }).waitFor();
  expect(await dialog.getByRole('heading', { level: 3 }).allTextContents()).toEqual([label('bs', 'lead')]);
  expect(await marked(dialog.locator('section ins'))).toEqual(['govorili', 'i zaštiti']);
  expect(await marked(dialog.locator('section del'))).toEqual(['razgovarali']);
  // The legend says in words what underline and strike-through mean.
  await dialog.getByText(h('legend')).waitFor();

  await dialog.getByRole('combobox', { name: h('compareTo') }).click();
  await page.getByRole('option', { name: new RegExp(`${h('action.create')} · `) }).click();
  await dialog.getByRole('heading', { name: label('bs', 'title') }).waitFor();
  const added = await marked(dialog.locator('section ins'));
  expect(added).toEqual(expect.arrayContaining(['govorili', 'i zaštiti']));
  expect(added.filter((text) => text.includes('nastavnici'))).toHaveLength(2); // in the title and in the lead
  await screenshot('2-diff');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

it('restores one field of the first version into the draft, leaving the published version alone', async () => {
  await versionList(page).getByRole('listitem').last().getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: h('restoreFieldNamed', { field: label('bs', 'lead') }) }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText(h('confirmTitle')).waitFor();
  await confirm.getByRole('button', { name: h('confirm'), exact: true }).click();
  await page.getByText(h('restoredField', { field: label('bs', 'lead') })).waitFor();
  await dialog.waitFor({ state: 'detached' });

  // The form shows the old text; the other fields keep their edits; still Published, and Modified.
  await waitForValue(page.locator('textarea[name="lead"]'), LEAD);
  expect(await page.locator('input[name="title"]').inputValue()).toBe(EDITED_TITLE);
  await page.getByRole('status', { name: 'modified' }).first().waitFor();
  const rows: Array<{ title: string; lead: string; publishedAt: unknown }> = await strapi.db
    .query(NEWS)
    .findMany({ where: { documentId, locale: 'bs' }, select: ['title', 'lead', 'publishedAt'] });
  expect(rows.find((row) => row.publishedAt === null)).toMatchObject({ title: EDITED_TITLE, lead: LEAD });
  expect(rows.find((row) => row.publishedAt !== null)).toMatchObject({ title: TITLE, lead: LEAD });
  const published = await api().get(`/api/news-articles/${documentId}`).query({ locale: 'bs' });
  expect(published.body.data.title).toBe(TITLE);

  // The restore is a version of its own, saying so.
  const newest = versionList(page).getByRole('listitem').first();
  await until(async () => (await newest.textContent())!.includes(`${editorEmail} · ${h('path.restore')}`), 'the restore in the list');
  expect(await newest.textContent()).toContain(h('fields', { fields: label('bs', 'lead') }));
  await screenshot('3-restored');
});

it('shows a Translator (en) the history of the Bosnian version, without restore', async () => {
  await translator.goto(editView('bs'));
  const entries = versionList(translator, en).getByRole('listitem');
  await until(async () => (await entries.count()) === 5, 'five versions');
  expect((await texts(entries))[0]).toContain(`${en('action.update')} · ${editorEmail} · ${en('path.restore')}`);
  await entries.nth(1).getByRole('button').click();
  const dialog = translator.getByRole('dialog');
  await dialog.getByRole('heading', { name: label('en', 'lead') }).waitFor();
  expect(await marked(dialog.locator('section del'))).toEqual(['razgovarali']);
  expect(await dialog.getByRole('button', { name: new RegExp(`^(${en('restoreField')}|${en('restoreVersion')})`) }).count()).toBe(0);
  await screenshot('4-translator', translator);
});

it('logged no console error and asked no other server', () => {
  expect(consoleErrors).toEqual([]);
  expect(external).toEqual([]);
});
