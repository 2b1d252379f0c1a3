/**
 * Browser tests: the admin panel as Strapi builds it, served by the test's Strapi on a local
 * port, driven with Debian's Chromium through playwright-core (no browser download).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = process.cwd();
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium chromium-driver`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Waits until a form field shows this value. Polled from here: `page.waitForFunction` evaluates
 * its predicate with eval, which the admin panel's Content Security Policy forbids.
 */
export async function waitForValue(field: Locator, expected: string, timeoutMs = 15_000): Promise<void> {
  let value = '';
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((resolve) => setTimeout(resolve, 100))) {
    value = await field.inputValue().catch(() => '');
    if (value === expected) return;
  }
  throw new Error(`the field still shows ${JSON.stringify(value)}, not ${JSON.stringify(expected)}`);
}
