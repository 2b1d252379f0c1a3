/**
 * The communications team's work in a real browser, on the built admin panel: an Editor writes a
 * news article in Bosnian with diacritics, previews the draft, adds its English version, and its
 * Serbian Cyrillic one with the transliteration action; publishes the three and finds them in the
 * public REST and GraphQL APIs and the RSS feed; unpublishes the Bosnian one and finds it gone. An Author is not
 * offered Publish. The panel asks nothing of any other server. Screenshots of each step go to
 * tests/e2e/artifacts/ (the README's "For editors" guide shows them).
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { ensureAdminBuild } from '../helpers/admin-build';
import { ARTIFACTS, launchChromium, waitForValue } from '../helpers/browser';
import { signInToPanel } from '../helpers/panel';
import { api, graphql, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(300_000);

const NEWS = 'api::news-article.news-article';
const TEXT = {
  bs: { title: 'Đačke radionice u Čapljini: šta smo naučili', lead: 'Učenici, roditelji i socijalni radnici iz Čapljine razgovarali su o dječijoj zaštiti.' },
  en: { title: 'Pupils’ workshops in Čapljina: what we learned', lead: 'Pupils, parents and social workers in Čapljina talked about child protection.' },
  'sr-Cyrl': { title: 'Ђачке радионице у Чапљини: шта смо научили' },
};

let strapi: Core.Strapi;
let browser: Browser;
let origin: string;
let documentId: string | undefined;
const external: string[] = [];

/** This walk is in English: a staff member who chose English sees the same panel. */
const signedIn = (role: string): Promise<Page> => signInToPanel(strapi, browser, origin, { role, language: 'en', external, width: 1600 });

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `editor-${name}.png`) });
const editView = (locale: string) => `${origin}/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=${locale}`;

/** Opens a version in the edit view and waits until its form and actions are ready. */
async function open(page: Page, locale: string) {
  await page.goto(editView(locale));
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
}

async function fillAndSave(page: Page, text: { title: string; lead?: string }) {
  await page.locator('input[name="title"]').fill(text.title);
  if (text.lead) await page.locator('textarea[name="lead"]').fill(text.lead);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved document').first().waitFor();
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Published document').first().waitFor();
}

const publicRead = (locale: string) => api().get(`/api/news-articles/${documentId}`).query({ locale });
const graphqlRead = (locale: string) =>
  graphql(
    `
      query ($id: ID!, $locale: I18NLocaleCode) {
        newsArticle(documentId: $id, locale: $locale) {
          title
        }
      }
    `,
    { id: documentId, locale }
  );
const rss = async (locale: string) => (await api().get(`/feeds/news.${locale}.rss`)).text;

beforeAll(async () => {
  ensureAdminBuild();
  strapi = await setupStrapi();
  origin = await listen(strapi);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (documentId) await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

it('an Editor writes, translates, publishes and unpublishes a news article; the public sees exactly that', async () => {
  const page = await signedIn('strapi-editor');

  await page.goto(`${origin}/admin/content-manager/collection-types/${NEWS}?plugins[i18n][locale]=bs`);
  await page.getByRole('link', { name: 'Create new entry' }).first().waitFor();
  await screenshot(page, '0-news-list');
  await page.getByRole('link', { name: 'Create new entry' }).first().click();
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  await page.locator('input[name="dateline"]').fill('Čapljina');
  await page.locator('input[name="publicationDate"]').fill('27.11.2026.');
  await page.keyboard.press('Tab');
  await fillAndSave(page, TEXT.bs);
  // The panel moves from …/create to the new document's address once it is saved.
  await page.waitForURL(/news-article\/(?!create)[a-z0-9]+\?/);
  documentId = /news-article\/([a-z0-9]+)\?/.exec(page.url())?.[1];
  expect(documentId).toBeDefined();
  await screenshot(page, '1-bosnian-draft');

  // The draft as a partner page shows it, in the preview beside the form.
  await page.getByRole('link', { name: 'Open preview' }).click();
  await page.waitForURL(/\/preview\?/);
  const frame = page.locator('iframe[data-testid="preview-iframe"]');
  expect(await frame.getAttribute('src')).toMatch(/^\/preview\?token=/);
  await frame.contentFrame().getByRole('heading', { level: 1, name: TEXT.bs.title }).waitFor();
  expect(await frame.contentFrame().getByRole('status').textContent()).toMatch(/^Pregled nacrta: nije objavljeno/);
  await page.getByText('Saved document').first().waitFor({ state: 'hidden' });
  await screenshot(page, '1a-preview');
  expect((await publicRead('bs')).status).toBe(404);

  // The English version, from the language menu.
  await open(page, 'bs');
  await page.getByRole('combobox', { name: 'Locales' }).click();
  await page.getByRole('option', { name: 'Create English (en) locale' }).click();
  await page.waitForURL(/locale\]=en/);
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  await fillAndSave(page, TEXT.en);
  await screenshot(page, '2-english-version');

  // The Serbian Cyrillic version, written from the Bosnian text by the transliteration action.
  await open(page, 'bs');
  await page.getByRole('button', { name: 'More document actions' }).click();
  await page.getByRole('menuitem', { name: 'Create Cyrillic version' }).click();
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/locale\]=sr-Cyrl/);
  await waitForValue(page.locator('input[name="title"]'), TEXT['sr-Cyrl'].title);
  await screenshot(page, '3-cyrillic-version');

  for (const locale of ['sr-Cyrl', 'en', 'bs']) {
    await open(page, locale);
    await publish(page);
  }
  await screenshot(page, '4-published');

  const slugs = { bs: 'djacke-radionice-u-capljini-sta-smo-naucili', en: 'pupils-workshops-in-capljina-what-we-learned', 'sr-Cyrl': 'djacke-radionice-u-capljini-sta-smo-naucili' };
  for (const [locale, { title }] of Object.entries(TEXT)) {
    const rest = await publicRead(locale);
    expect([locale, rest.status, rest.body.data?.title, rest.body.data?.slug]).toEqual([locale, 200, title, slugs[locale as keyof typeof slugs]]);
    expect((await graphqlRead(locale)).body.data.newsArticle).toEqual({ title });
    expect(await rss(locale)).toContain(`<title>${title}</title>`);
  }

  // Unpublished in Bosnian: gone from every public path in Bosnian, the other languages stay.
  await open(page, 'bs');
  await page.getByRole('button', { name: 'More document actions' }).last().click();
  await page.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
  await page.getByText('Unpublished document').first().waitFor();
  await screenshot(page, '5-unpublished');
  expect((await publicRead('bs')).status).toBe(404);
  expect((await graphqlRead('bs')).body.data.newsArticle).toBeNull();
  expect(await rss('bs')).not.toContain(TEXT.bs.title);
  expect((await publicRead('en')).body.data.title).toBe(TEXT.en.title);

  // What the panel showed is what was stored: the Bosnian version a draft again, nothing lost.
  const bosnian = await strapi.db.query(NEWS).findMany({ where: { documentId, locale: 'bs' }, select: ['title', 'dateline', 'publishedAt'] });
  expect(bosnian).toEqual([{ title: TEXT.bs.title, dateline: 'Čapljina', publishedAt: null }]);
  expect(external).toEqual([]);
});

it('an Author reads an Editor’s article and is not offered Publish', async () => {
  const page = await signedIn('strapi-author');
  await open(page, 'en');
  expect(await page.locator('input[name="title"]').inputValue()).toBe(TEXT.en.title);
  // Publishing is not offered at all (it was a greyed-out button).
  expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
  await screenshot(page, '6-author-without-publish');
  expect(external).toEqual([]);
});
