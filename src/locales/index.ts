/**
 * The languages the SPIS content is published in. Codes are BCP 47 tags that Strapi's i18n
 * plugin knows; Bosnian is the default because most source documents are written in it.
 */
import type { Core } from '@strapi/strapi';

export const LOCALES = [
  { code: 'bs', name: 'Bosanski (bs)' },
  { code: 'hr', name: 'Hrvatski (hr)' },
  { code: 'sr-Latn', name: 'Srpski, latinica (sr-Latn)' },
  { code: 'sr-Cyrl', name: 'Српски, ћирилица (sr-Cyrl)' },
  { code: 'en', name: 'English (en)' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];

export const DEFAULT_LOCALE: LocaleCode = 'bs';

export const LOCALE_CODES: readonly LocaleCode[] = LOCALES.map((locale) => locale.code);

export const isLocaleCode = (value: unknown): value is LocaleCode => typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value);

/** Creates the missing locales and makes `bs` the default; safe to run on every start. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: Array<{ code: string }> = await locales.find();
  for (const locale of LOCALES) {
    if (!existing.some((row) => row.code === locale.code)) await locales.create({ ...locale });
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
