/**
 * Which of our five locales a reader wants: `?locale=` first, then `Accept-Language`, then the
 * default. Tags are matched the way CLDR does it, by BCP 47 lookup after adding likely subtags,
 * so `sr`, `sr-RS` and `sr-BA` mean Serbian in Cyrillic (CLDR's likely script for Serbian) and
 * `sr-Latn-RS` or `sr-ME` mean Serbian in Latin. Pure functions, no Strapi.
 */
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from './index';

/** Strapi's "every locale"; `all` is the Strapi 4 spelling partners may still send. */
export const ALL_LOCALES = '*';
const ALL_LOCALES_ALIASES = new Set(['*', 'all']);

/** CLDR likely subtags: the script Serbian is written in where no script is given. */
const SERBIAN_LATIN_REGIONS = new Set(['ME', 'RO', 'RU', 'TR']);

type Tag = { language: string; script?: string; region?: string };

const parseTag = (tag: string): Tag | undefined => {
  const parts = tag.trim().split(/[-_]/);
  const [language, ...rest] = parts;
  if (!/^[a-zA-Z]{2,3}$/.test(language ?? '')) return undefined;
  const script = rest.find((part) => /^[a-zA-Z]{4}$/.test(part));
  const region = rest.find((part) => /^([a-zA-Z]{2}|\d{3})$/.test(part));
  return {
    language: language.toLowerCase(),
    script: script && script[0].toUpperCase() + script.slice(1).toLowerCase(),
    region: region?.toUpperCase(),
  };
};

/** Adds the likely script where it decides the match (Serbian), and resolves old aliases. */
const maximize = ({ language, script, region }: Tag): Tag => {
  if (language === 'sh') return { language: 'sr', script: script ?? 'Latn', region }; // Serbo-Croatian
  if (language === 'sr') return { language, script: script ?? (region && SERBIAN_LATIN_REGIONS.has(region) ? 'Latn' : 'Cyrl'), region };
  return { language, script, region };
};

/** The supported locale a BCP 47 tag asks for, by lookup (language-script, then language). */
export function matchLocale(tag: string): LocaleCode | undefined {
  const parsed = parseTag(tag);
  if (!parsed) return undefined;
  const { language, script } = maximize(parsed);
  const candidates = script ? [`${language}-${script}`, language] : [language];
  return candidates.map((candidate) => LOCALE_CODES.find((code) => code.toLowerCase() === candidate.toLowerCase())).find(Boolean);
}

/** `Accept-Language` ranges in order of preference (quality, then position); q=0 and `*` dropped. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((entry, position) => {
      const [range, ...params] = entry.trim().split(';');
      const quality = params.map((param) => param.trim().match(/^q=([01](?:\.\d{0,3})?)$/i)).find(Boolean);
      return { range: range.trim(), q: quality ? Number(quality[1]) : 1, position };
    })
    .filter(({ range, q }) => range !== '' && range !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position)
    .map(({ range }) => range);
}

export type LocaleChoice = { ok: true; locale: LocaleCode | typeof ALL_LOCALES; source: 'query' | 'header' | 'default' } | { ok: false; requested: string };

/** The locale of a request; an unsupported `?locale=` is an error, an unsupported header is not. */
export function negotiateLocale({ query, acceptLanguage }: { query?: unknown; acceptLanguage?: string }): LocaleChoice {
  if (query !== undefined) {
    if (typeof query === 'string' && ALL_LOCALES_ALIASES.has(query.toLowerCase())) return { ok: true, locale: ALL_LOCALES, source: 'query' };
    const locale = typeof query === 'string' ? matchLocale(query) : undefined;
    return locale ? { ok: true, locale, source: 'query' } : { ok: false, requested: String(query) };
  }
  for (const range of parseAcceptLanguage(acceptLanguage)) {
    const locale = matchLocale(range);
    if (locale) return { ok: true, locale, source: 'header' };
  }
  return { ok: true, locale: DEFAULT_LOCALE, source: 'default' };
}
