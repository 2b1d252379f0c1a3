/**
 * In a real browser: the example partner site (examples/partner-site), served from its own
 * origin with the built client, reads the test's Strapi across origins and builds itself from
 * the API alone, in the visitor's language: the menu, the pages it leads to (found by path), and
 * on the home page the latest news, the resource library, the results chart and the
 * municipalities map. Bosnian picked with ?lang=, Serbian Cyrillic negotiated from the browser's
 * language (sr-RS). Nothing comes from elsewhere. Screenshots go to tests/e2e/artifacts/.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from '../helpers/browser';
import { ensureClientBuild } from '../helpers/client-build';
import { api, createApiToken, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(120_000);

const NEWS = 'api::news-article.news-article';
const RESOURCE = 'api::resource.resource';
const REACH = 'Children and their parents supported through the improved existing and newly developed services';
const SECTION = 'The Social Protection and Inclusion System in Bosnia and Herzegovina';
const CONTRIBUTE = 'How the project would contribute to the social protection and inclusion system in BiH?';
const ROOT = process.cwd();
/** What the static server may hand out, by URL path prefix. */
const SERVED = ['/examples/partner-site/', '/packages/client/dist/'];
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};
/** Latin letters, once the acronyms that stay Latin in Cyrillic text are taken out. */
const latinIn = (text: string) => text.replace(/\b(UNICEF|SPIS|API|EU|IPA)\b/g, '').match(/[A-Za-zČĆĐŠŽčćđšž]/g) ?? [];

let strapi: Core.Strapi;
let apiOrigin: string;
let site: http.Server;
let siteOrigin: string;
let browser: Browser;
let articleId: string;
let resourceId: string;
let pdf: { id: number; url: string; disk: string };

function serveStatic(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(ROOT, decodeURIComponent(pathname));
    const allowed = SERVED.some((prefix) => pathname.startsWith(prefix)) && file.startsWith(ROOT + path.sep);
    if (!allowed || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The news the page should show, straight from the API. */
const apiNews = async (locale: string) =>
  (await api().get('/api/news-articles').query({ locale, fallback: 'true', 'sort[0]': 'publicationDate:desc', 'sort[1]': 'title', 'pagination[pageSize]': 5 })).body.data as Array<{
    title: string;
    lead: string | null;
    localeSources: Record<string, { locale: string; transliterated?: boolean }>;
  }>;

const apiPlaceNames = async (locale: string) =>
  ((await api().get('/api/municipalities.geojson').query({ locale })).body.features as Array<{ properties: { name: string } }>).map((feature) => feature.properties.name).sort();

/** Opens the page as a visitor whose browser speaks `browserLocale`, and waits until it has rendered (or failed). */
async function visit(browserLocale: string, query: Record<string, string>, state: 'ready' | 'error' = 'ready') {
  const context = await browser.newContext({ locale: browserLocale, viewport: { width: 1100, height: 1400 } });
  const page = await context.newPage();
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(siteOrigin) && !request.url().startsWith(apiOrigin)) elsewhere.push(request.url());
  });
  const search = new URLSearchParams({ api: apiOrigin, ...query });
  await page.goto(`${siteOrigin}/examples/partner-site/index.html?${search}`);
  await page.locator(`body[data-state="${state}"]`).waitFor({ timeout: 20_000 });
  return { page, elsewhere };
}

const textOrNull = async (locator: Locator) => ((await locator.count()) > 0 ? locator.textContent() : null);

/** The menu as the visitor sees it: each link's words, where it leads and the language it is marked in. */
const menuOf = async (page: Page) =>
  Promise.all(
    (await page.locator('#menu a').all()).map(async (link) => ({ label: await link.textContent(), href: await link.getAttribute('href'), lang: await link.getAttribute('lang') }))
  );

/** What the visitor sees: the page language, headings, each news item, the map's labels. */
async function shown(page: Page) {
  const news = [];
  for (const item of await page.locator('#news li').all()) {
    news.push({
      lang: await item.getAttribute('lang'),
      title: await item.locator('h3').textContent(),
      untranslated: await textOrNull(item.locator('.untranslated')),
      date: await textOrNull(item.locator('time')),
      datetime: await item.locator('time').getAttribute('datetime'),
      lead: await textOrNull(item.locator('.lead')),
    });
  }
  return {
    lang: await page.locator('html').getAttribute('lang'),
    headings: await page.locator('h1, h2').allTextContents(),
    news,
    labels: await page.locator('#map svg text').allTextContents(),
    dots: await page.locator('#map svg circle').count(),
    current: await page.locator('#languages a[aria-current="page"]').getAttribute('hreflang'),
    menu: await menuOf(page),
    // Each entry's lines as the visitor reads them (innerText puts a blank line between paragraphs).
    resources: (await page.locator('#resources li').allInnerTexts()).map((entry) => entry.replace(/\n+/g, '\n')),
    download: await textOrNull(page.locator('#resources a.download')),
    downloadHref: (await page.locator('#resources a.download').count()) > 0 ? await page.locator('#resources a.download').getAttribute('href') : null,
    results: await page.locator('#results svg desc').textContent(),
  };
}

beforeAll(async () => {
  ensureClientBuild();
  strapi = await setupStrapi();
  apiOrigin = await listen(strapi);
  site = await serveStatic();
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // The newest article, written in Bosnian only: Serbian Cyrillic readers get it transliterated.
  const token = await createApiToken(strapi);
  const created = await api()
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs' })
    .send({ data: { title: 'Đurđevdanski susreti u Čelincu', publicationDate: '2026-05-06', lead: 'Djeca, roditelji i UNICEF: džepni vodič kroz socijalnu zaštitu.' } });
  expect(created.status).toBe(201);
  articleId = created.body.data.documentId;
  // A report in the library, in Bosnian, with its PDF.
  const hash = `partner_site_${Date.now()}`;
  const disk = path.join(ROOT, 'public', 'uploads', `${hash}.pdf`);
  fs.writeFileSync(disk, '%PDF-1.4\n%%EOF\n');
  const file = await strapi.db
    .query('plugin::upload.file')
    .create({ data: { name: 'Model budžetiranja.pdf', hash, ext: '.pdf', mime: 'application/pdf', size: 0.02, url: `/uploads/${hash}.pdf`, provider: 'local', folderPath: '/' } });
  pdf = { id: file.id, url: file.url, disk };
  const resource = await strapi
    .documents(RESOURCE)
    .create({ locale: 'bs', status: 'published', data: { title: 'Model budžetiranja za djecu', kind: 'model', year: 2012, file: pdf.id, fileLanguages: ['bs', 'en'] } as never });
  resourceId = resource.documentId;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  if (articleId) await strapi.documents(NEWS).delete({ documentId: articleId, locale: '*' });
  if (resourceId) await strapi.documents(RESOURCE).delete({ documentId: resourceId, locale: '*' });
  if (pdf) {
    await strapi.db.query('plugin::upload.file').delete({ where: { id: pdf.id } });
    fs.rmSync(pdf.disk, { force: true });
  }
  await teardownStrapi();
});

it('shows a Bosnian visitor (?lang=bs) the API’s Bosnian news and the 21 places with their Bosnian names', async () => {
  const { page, elsewhere } = await visit('en-US', { lang: 'bs' });
  const view = await shown(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'partner-site-bs.png'), fullPage: true });

  expect(view.lang).toBe('bs');
  expect(view.current).toBe('bs');
  expect(view.headings).toEqual(['SPIS: vijesti i općine', 'Najnovije vijesti', 'Dokumenti', 'Rezultati programa', 'Općine u programu']);
  // The menu the API serves: its one published item, in English (no Bosnian text yet), marked so.
  expect(view.menu).toEqual([
    {
      label: 'Social Protection and Inclusion Systems for Children',
      href: '?api=' + encodeURIComponent(apiOrigin) + '&lang=bs&page=social-protection-and-inclusion-system',
      lang: 'en',
    },
  ]);
  expect(view.resources).toEqual([expect.stringMatching(/^Model budžetiranja za djecu\nModel · 2012\nPreuzmi PDF \(Jezici dokumenta: Bosanski, English\)$/)]);
  expect(view.downloadHref).toBe(`${apiOrigin}${pdf.url}`);
  const download = await fetch(view.downloadHref!);
  expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="model-budzetiranja\.pdf"/);
  expect(view.results).toBe(`${REACH} (2011–2012): cilj 5.000, ostvareno još nije izvještavano`);
  await expect(page.getByRole('img', { name: 'Rezultati programa' }).count()).resolves.toBe(1);

  const news = await apiNews('bs');
  expect(view.news.map((item) => item.title)).toEqual(news.map((article) => article.title));
  expect(view.news[0]).toMatchObject({
    lang: null,
    title: 'Đurđevdanski susreti u Čelincu',
    datetime: '2026-05-06',
    date: '6. maj 2026.',
    lead: 'Djeca, roditelji i UNICEF: džepni vodič kroz socijalnu zaštitu.',
    untranslated: null,
  });
  // The article only written in English says so, and is marked as English.
  const english = view.news.find((item) => item.datetime === '2012-11-05');
  expect(english).toMatchObject({
    lang: 'en',
    untranslated: '(još nije prevedeno)',
    title: 'Cantonal Workshops on Integrated Approach to Social Protection and Inclusion of Children',
  });

  expect(view.labels).toHaveLength(21);
  expect(view.dots).toBe(21);
  expect([...view.labels].sort()).toEqual(await apiPlaceNames('bs'));
  expect(view.labels).toEqual(expect.arrayContaining(['Čelinac', 'Mrkonjić Grad', 'Brčko distrikt']));
  await expect(page.getByRole('img', { name: 'Općine u programu' }).count()).resolves.toBe(1);
  expect(elsewhere).toEqual([]);
});

it('shows a visitor whose browser asks for sr-RS everything in Serbian Cyrillic', async () => {
  const { page, elsewhere } = await visit('sr-RS', {});
  const view = await shown(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'partner-site-sr-Cyrl.png'), fullPage: true });

  expect(view.lang).toBe('sr-Cyrl');
  expect(view.current).toBe('sr-Cyrl');
  expect(view.headings).toEqual(['SPIS: вијести и општине', 'Најновије вијести', 'Документи', 'Резултати програма', 'Општине у програму']);
  expect(view.menu.map(({ label, lang }) => ({ label, lang }))).toEqual([{ label: 'Social Protection and Inclusion Systems for Children', lang: 'en' }]);
  // The Bosnian report, written in Cyrillic for this reader.
  expect(view.resources).toEqual([expect.stringMatching(/^Модел буџетирања за дјецу\nМодел · 2012\nПреузми PDF \(Језици документа: Bosanski, English\)$/)]);
  expect(view.results).toBe(`${REACH} (2011–2012): циљ 5.000, остварено још није извјештавано`);

  const news = await apiNews('sr-Cyrl');
  expect(view.news.map((item) => item.title)).toEqual(news.map((article) => article.title));
  expect(view.news[0]).toMatchObject({
    lang: null,
    title: 'Ђурђевдански сусрети у Челинцу',
    datetime: '2026-05-06',
    date: '6. мај 2026.',
    lead: 'Дјеца, родитељи и UNICEF: џепни водич кроз социјалну заштиту.',
  });
  // Everything in the page's language is Cyrillic; the English-only article is marked English.
  const inPageLanguage = view.news.filter((item) => item.lang === null);
  expect(inPageLanguage.length).toBeGreaterThanOrEqual(2);
  for (const item of inPageLanguage) expect(latinIn(`${item.title} ${item.lead ?? ''} ${item.date}`)).toEqual([]);
  expect(view.news.filter((item) => item.lang !== null)).toEqual([expect.objectContaining({ lang: 'en', untranslated: '(још није преведено)' })]);

  expect(view.labels).toHaveLength(21);
  expect([...view.labels].sort()).toEqual(await apiPlaceNames('sr-Cyrl'));
  expect(view.labels).toContain('Челинац');
  expect(latinIn(view.labels.join(' '))).toEqual([]);
  await expect(page.getByRole('img', { name: 'Општине у програму' }).count()).resolves.toBe(1);
  expect(elsewhere).toEqual([]);
});

it('tells the visitor when the API refuses an unknown language, in Bosnian', async () => {
  const { page } = await visit('en-US', { lang: 'de' }, 'error');
  expect(await page.locator('html').getAttribute('lang')).toBe('bs');
  expect(await page.getByRole('status').textContent()).toBe(
    'Sadržaj trenutno nije dostupan: Unknown locale "de"; locale must be one of bs, hr, sr-Latn, sr-Cyrl, en (or * for all)'
  );
  expect(await page.locator('#news li').count()).toBe(0);
});

/** The page shown: its breadcrumbs, title, text, credit and sub-pages. */
async function pageShown(page: Page) {
  return {
    breadcrumbs: await page.locator('#page .breadcrumbs a').allTextContents(),
    title: await page.locator('#page h2').textContent(),
    titleLang: await page.locator('#page h2').getAttribute('lang'),
    untranslated: await textOrNull(page.locator('#page .untranslated')),
    listItems: await page.locator('#page .body ol li').allTextContents(),
    paragraphs: (await page.locator('#page .body p').allTextContents()).length,
    credit: await textOrNull(page.locator('#page .credit')),
    subpages: await page.locator('#page .subpages a').allTextContents(),
    subpagesHeading: await textOrNull(page.locator('#page .subpages h3')),
    homeHidden: await page.locator('#home').isHidden(),
  };
}

it('takes a Bosnian visitor from the menu to the seed 003 section and its page, as the API serves them', async () => {
  const { page, elsewhere } = await visit('en-US', { lang: 'bs' });
  await page.getByRole('navigation', { name: 'Glavni meni' }).getByRole('link', { name: 'Social Protection and Inclusion Systems for Children' }).click();
  await page.locator('body[data-state="ready"] #page h2').waitFor();
  expect(await pageShown(page)).toEqual({
    breadcrumbs: [],
    title: SECTION,
    titleLang: 'en',
    untranslated: '(još nije prevedeno)',
    listItems: [],
    paragraphs: 0,
    credit: null,
    subpages: [CONTRIBUTE],
    subpagesHeading: 'U ovom dijelu',
    homeHidden: true,
  });
  expect(await page.locator('#menu a[aria-current="page"]').textContent()).toBe('Social Protection and Inclusion Systems for Children');

  await page.getByRole('link', { name: CONTRIBUTE }).click();
  await page.waitForURL(/how-the-project-would-contribute/);
  await page.locator('body[data-state="ready"] #page h2').waitFor();
  const view = await pageShown(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'partner-site-page-bs.png'), fullPage: true });
  const served = (await api().get('/api/pages/by-path/social-protection-and-inclusion-system/how-the-project-would-contribute').query({ locale: 'bs', fallback: 'true' })).body;
  expect(view).toMatchObject({ breadcrumbs: [SECTION], title: served.data.title, titleLang: 'en', credit: 'Fotografija: © UNICEF/BiH/Anthony Asael', subpages: [] });
  expect(view.title).toBe(CONTRIBUTE);
  expect(view.listItems).toEqual([
    'at the level of community;',
    'at the level of social protection institutions (institutions for education, health and social welfare);',
    'at the level of development and policy making (entity, state, cantonal ministries and institutions).',
  ]);
  expect(view.paragraphs).toBe(served.data.body.filter((block: { type: string }) => block.type === 'paragraph').length);
  // Switching language keeps the visitor on the page.
  expect(await page.locator('#languages a[hreflang="sr-Cyrl"]').getAttribute('href')).toContain('page=social-protection-and-inclusion-system%2Fhow-the-project-would-contribute');
  expect(elsewhere).toEqual([]);
});

it('shows the same page to a Serbian Cyrillic visitor with the site’s words in Cyrillic, and says when a path has no page', async () => {
  const { page } = await visit('sr-RS', { page: 'social-protection-and-inclusion-system/how-the-project-would-contribute' });
  const view = await pageShown(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'partner-site-page-sr-Cyrl.png'), fullPage: true });
  expect(view).toMatchObject({
    title: CONTRIBUTE,
    titleLang: 'en',
    untranslated: '(још није преведено)',
    credit: 'Фотографија: © UNICEF/BiH/Anthony Asael',
    breadcrumbs: [SECTION],
  });
  expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl');

  const missing = await visit('sr-RS', { page: 'no-such-page' }, 'error');
  expect(await missing.page.getByRole('status').textContent()).toBe('Ова страница не постоји');
});
