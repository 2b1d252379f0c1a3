/**
 * Dates, numbers and "5 minutes ago" in the interface language the way they are written in Bosnia
 * and Herzegovina. Chromium-based browsers carry no Bosnian formatting data (`bs` formats as
 * "2026 M11 30, Mon" and 1,234.5), and their `sr-Latn`/`sr-Cyrl` are ekavian ("ponedeljak");
 * CLDR's Serbian for Bosnia and Herzegovina writes exactly the Bosnian forms (ponedjeljak,
 * 30. novembar 2026., prije 5 minuta, 1.234,5) and the ijekavian Serbian ones. English is
 * written as in Europe (15/12/2026, 18:07), not as in the United States.
 */

/** The locale whose formatting data stands in for each interface language. */
export function formattingLocale(locale: string, hasBosnianData: boolean): string {
  if (locale === 'bs' && !hasBosnianData) return 'sr-Latn-BA';
  if (locale === 'sr-Latn') return 'sr-Latn-BA';
  if (locale === 'sr-Cyrl') return 'sr-Cyrl-BA';
  // English as written in Europe: day before month, the 24-hour clock.
  if (locale === 'en') return 'en-GB';
  return locale;
}

const mapLocales = (locales: string | readonly string[] | undefined, hasBosnianData: boolean) =>
  locales === undefined ? undefined : typeof locales === 'string' ? formattingLocale(locales, hasBosnianData) : locales.map((locale) => formattingLocale(locale, hasBosnianData));

type IntlConstructor = 'DateTimeFormat' | 'NumberFormat' | 'RelativeTimeFormat';

/**
 * Makes the browser's Intl formatters (which react-intl and the panel use) take the stand-in data.
 * The formatters keep their own prototypes, so `instanceof` and static methods still hold.
 */
export function installLocalFormats(intl: typeof Intl = Intl): void {
  const hasBosnianData = new intl.DateTimeFormat('bs', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 15))) === 'januar';
  for (const name of ['DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat'] as IntlConstructor[]) {
    const Native = intl[name] as unknown as new (locales?: string | readonly string[], options?: object) => object;
    const StandIn = function (this: unknown, locales?: string | readonly string[], options?: object) {
      return new Native(mapLocales(locales, hasBosnianData), options);
    } as unknown as typeof Native;
    Object.setPrototypeOf(StandIn, Native);
    Object.defineProperty(StandIn, 'prototype', { value: Native.prototype });
    Object.defineProperty(intl, name, { value: StandIn, writable: true, configurable: true });
  }
}
