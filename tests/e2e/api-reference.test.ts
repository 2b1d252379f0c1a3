/**
 * In a real browser: a developer opens /api/docs and reads the API reference, rendered from
 * /api/openapi.json by Swagger UI served from this server, under its content security policy,
 * with no request beyond this server and no script error. A screenshot goes to tests/e2e/artifacts/.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, launchChromium } from '../helpers/browser';
import { listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

let browser: Browser;
let origin: string;

beforeAll(async () => {
  origin = await listen(await setupStrapi());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

it('shows every type and feed, and an operation with its parameters and response schema, offline', async () => {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const external: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) external.push(request.url());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.goto(`${origin}/api/docs`);
  await page.getByRole('heading', { name: /SPIS content API/ }).waitFor();
  for (const tag of ['Contact', 'Municipality', 'News article', 'Phase', 'Programme', 'Workshop', 'Feeds']) {
    await page.locator(`h3[data-tag="${tag}"]`).waitFor();
  }

  await page.locator('#operations-News_article-listNewsArticles .opblock-summary').click();
  const operation = page.locator('#operations-News_article-listNewsArticles');
  await operation.getByText('pagination[pageSize]', { exact: true }).waitFor();
  await operation.getByText('fallback', { exact: true }).first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'api-reference.png'), fullPage: false });

  expect(external).toEqual([]);
  expect(problems).toEqual([]);
});
