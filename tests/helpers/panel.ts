/**
 * A staff member at the admin panel in a real browser: an account with a role, signed in through
 * the sign-in page in the panel's language (Bosnian unless told), on Sarajevo's clock. Requests
 * that leave this server are collected in `external`, console errors in `consoleErrors`.
 */
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { translations } from '../../src/admin/translations';
import { contentTexts } from '../../src/content-manager/texts';
import { messages, type MessageKey } from '../../src/plugins/content-history/admin/src/messages';
import { historyTranslations } from '../../src/plugins/content-history/admin/src/translations';
import { createAdminUser } from './admin';
import { ensureAdminBuild } from './admin-build';
import { launchChromium } from './browser';
import { deleteNewsCreatedSince } from './cleanup';
import { listen, setupStrapi, teardownStrapi } from './strapi';

type SignIn = {
  role?: string;
  language?: string;
  external: string[];
  width?: number;
  consoleErrors?: string[];
  /** Checks on the sign-in page before signing in. */
  onSignInPage?: (page: Page) => Promise<void>;
};

export async function signInToPanel(
  strapi: Core.Strapi,
  browser: Browser,
  origin: string,
  { role, language = 'bs', external, width = 1440, consoleErrors, onSignInPage }: SignIn
): Promise<Page> {
  const roles = role ? [(await strapi.service('admin::role').findOne({ code: role })).id] : undefined;
  const { email, password } = await createAdminUser(strapi, roles, language);
  const context = await browser.newContext({ viewport: { width, height: 1000 }, timezoneId: 'Europe/Sarajevo', locale: 'bs-BA' });
  // As if this browser had been used by them before: the sign-in page in their language.
  await context.addInitScript({ content: `window.localStorage.setItem('strapi-admin-language', ${JSON.stringify(language)})` });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) external.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors?.push(`${message.text()} (${message.location().url})`);
  });
  await page.goto(`${origin}/admin/auth/login`);
  await page.locator('input[name="email"]').waitFor();
  await onSignInPage?.(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin\/?$/);
  return page;
}

/** The content-history plugin's words (History and Translation panels, Translations page) in a language, with `{name}` values filled in. */
export const contentHistoryWords =
  (language: string) =>
  (key: MessageKey, values: Record<string, string> = {}): string =>
    Object.entries(values).reduce((text, [name, value]) => text.replace(`{${name}}`, value), historyTranslations[language][messages[key].id]);

/** A field's label in the edit view, in a language. */
export const fieldLabel = (language: string, uid: string, field: string): string => contentTexts(language).types[uid].fields[field].label;

/** Polls until `check` holds (the panel's CSP forbids page.waitForFunction's eval). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (await check()) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits for the notifications on screen to go (they would cover the form in screenshots). */
export const notificationsGone = (page: Page) => until(async () => (await page.locator('[data-sonner-toast]').count()) === 0, 'the notifications to go');

/** The panel's words in a language, by message id: what the staff member reads. */
export function panelWords(language: string): (id: string) => string {
  return (id) => {
    const message = translations[language]?.[id];
    if (!message) throw new Error(`no ${language} message ${id}`);
    return message;
  };
}

/** Types into a form field as a person does, and leaves it. */
export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  const input = page.locator(`[name="${name}"]`);
  await input.fill(text);
  await input.press('Tab');
}

/** One test file's CMS, serving its built panel, and a browser. */
export type PanelTestbed = { strapi: Core.Strapi; origin: string; browser: Browser; close: () => Promise<void> };

/**
 * Starts the CMS (building the panel first if its sources changed) and a browser. `close` stops
 * both and deletes the news and workshops written meanwhile: other files read the SPIS content.
 */
export async function openPanelTestbed(): Promise<PanelTestbed> {
  ensureAdminBuild();
  const strapi = await setupStrapi();
  const startedAt = new Date();
  const origin = await listen(strapi);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await teardownStrapi();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await deleteNewsCreatedSince(strapi, startedAt);
    await strapi.db.query('api::workshop.workshop').deleteMany({ where: { createdAt: { $gte: startedAt } } });
    await teardownStrapi();
  };
  return { strapi, origin, browser, close };
}
