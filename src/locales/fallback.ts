/**
 * Locale fallback chains and the merge of a document's locale versions into one entry.
 * Pure functions; the Document Service middleware in src/content-api applies them.
 */
import { z } from 'zod';
import { LOCALE_CODES, type LocaleCode } from './index';

const localeCode = z.enum(LOCALE_CODES as [LocaleCode, ...LocaleCode[]]);

const fallbackConfigSchema = z
  .strictObject({
    enabledByDefault: z.boolean(),
    chains: z.partialRecord(localeCode, z.array(localeCode)),
  })
  .superRefine((config, ctx) => {
    for (const [locale, chain] of Object.entries(config.chains)) {
      if (chain.includes(locale as LocaleCode)) {
        ctx.addIssue({ code: 'custom', path: ['chains', locale], message: `the chain of ${locale} leads back to ${locale}` });
      }
      const repeated = chain.find((code, index) => chain.indexOf(code) !== index);
      if (repeated) ctx.addIssue({ code: 'custom', path: ['chains', locale], message: `${repeated} appears twice` });
    }
  });

export type FallbackConfig = z.infer<typeof fallbackConfigSchema>;

/** Validates config/locales.ts `fallback`; throws naming the bad entry. */
export function parseFallbackConfig(raw: unknown): FallbackConfig {
  const result = fallbackConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `locales.fallback.${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid locale fallback configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return result.data;
}

/** The locales to look in, in order, for a request in `locale`. */
export const chainFor = (config: FallbackConfig, locale: LocaleCode): LocaleCode[] => [locale, ...(config.chains[locale] ?? [])];

/**
 * Which of a document's versions (of one status) each reader's locale is served from: the first
 * locale on that reader's chain the document has. Absent when the chain holds none of them.
 */
export function servingLocales(config: FallbackConfig, versionLocales: Iterable<string>): Partial<Record<LocaleCode, LocaleCode>> {
  const present = new Set(versionLocales);
  const serving: Partial<Record<LocaleCode, LocaleCode>> = {};
  for (const reader of LOCALE_CODES) {
    const source = chainFor(config, reader).find((locale) => present.has(locale));
    if (source) serving[reader] = source;
  }
  return serving;
}

/** Latin-script locales whose texts a Serbian Cyrillic reader gets transliterated. */
export const LATIN_SOURCES_FOR_CYRILLIC = new Set<string>(['sr-Latn', 'bs', 'hr']);

/** The Latin-script locales a Serbian Cyrillic text is written from, in the order of its chain. */
export const cyrillicSources = (config: FallbackConfig): LocaleCode[] => chainFor(config, 'sr-Cyrl').filter((locale) => LATIN_SOURCES_FOR_CYRILLIC.has(locale));

export type LocaleSource = { locale: string; transliterated?: true };

type Entry = Record<string, unknown>;

/** A value a reader can use: not null, not blank, not an empty list. */
export const isFilled = (value: unknown): boolean =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

/**
 * One entry from a document's versions: the first version along the chain is the base, and
 * each localized field the base lacks comes from the next version that has it. For a
 * `sr-Cyrl` request, text from a Latin-script version is transliterated and marked so.
 */
export function mergeVersions({
  requested,
  chain,
  versions,
  fields,
  toCyrillic,
}: {
  requested: LocaleCode;
  chain: LocaleCode[];
  versions: ReadonlyMap<string, Entry>;
  fields: string[];
  toCyrillic: (field: string, value: unknown) => unknown;
}): { entry: Entry; localeSources: Record<string, LocaleSource> } | undefined {
  const base = chain.find((locale) => versions.has(locale));
  if (!base) return undefined;
  const entry: Entry = { ...versions.get(base) };
  const localeSources: Record<string, LocaleSource> = {};

  for (const field of fields.filter((name) => name in entry)) {
    const source = chain.find((locale) => isFilled(versions.get(locale)?.[field])) ?? base;
    const value = versions.get(source)?.[field] ?? entry[field];
    if (requested === 'sr-Cyrl' && LATIN_SOURCES_FOR_CYRILLIC.has(source) && isFilled(value)) {
      entry[field] = toCyrillic(field, value);
      localeSources[field] = { locale: source, transliterated: true };
    } else {
      entry[field] = value;
      localeSources[field] = { locale: source };
    }
  }
  return { entry, localeSources };
}
