/**
 * Translation freshness, per field: each translated field of a language version remembers the
 * value its source field had when it was written (or confirmed), and is stale once the source
 * differs. Pure: the recorder hands in the document's states before and after a write and the
 * stored records, and gets back the records to write.
 *
 * The source of a language version is the one an editor named, else the document's base
 * language (bs when it has it, else its first version); Serbian Cyrillic's is the first Latin
 * version on its fallback chain. A Cyrillic field that reads as its Latin source's current text,
 * transliterated, follows that source and is never stale.
 */
import { isFilled } from '../../../locales/fallback';
import { sameValue, type DocumentState } from './snapshot';

export type FieldState = 'fresh' | 'stale' | 'missing';

/** What is stored per document, language and field. */
export type FieldRecord = { locale: string; field: string; sourceLocale: string; sourceValue: unknown; state: FieldState; since: string };

const same = (a: unknown, b: unknown) => sameValue(a ?? null, b ?? null);

/** Turns a Latin field value into Cyrillic (the app's transliteration of that field's kind). */
export type ToCyrillic = (field: string, value: unknown) => unknown;

export type FreshnessRules = {
  /** The localized fields that are translated (not derived, like a slug). */
  fields: string[];
  baseLocale: string;
  /** Latin versions Serbian Cyrillic is written from, in order of preference. */
  cyrillicSources: string[];
  toCyrillic: ToCyrillic;
};

/** The source of `locale` among the document's `locales` (undefined for the base version itself). */
export function defaultSourceOf(locale: string, locales: string[], rules: Pick<FreshnessRules, 'baseLocale' | 'cyrillicSources'>): string | undefined {
  const others = locales.filter((other) => other !== locale);
  const candidates = locale === 'sr-Cyrl' ? [...rules.cyrillicSources, rules.baseLocale] : [rules.baseLocale];
  if (locales.includes(rules.baseLocale) && locale === rules.baseLocale) return undefined;
  return candidates.find((candidate) => others.includes(candidate)) ?? (locales[0] === locale ? undefined : others[0]);
}

/** A translated field's state against its source's value now, given the source value it was written from. */
export function fieldState(locale: string, field: string, value: unknown, sourceNow: unknown, sourceThen: unknown, sourceLocale: string, toCyrillic: ToCyrillic): FieldState {
  if (!isFilled(value)) return isFilled(sourceNow) ? 'missing' : 'fresh';
  if (locale === 'sr-Cyrl' && sourceLocale !== 'sr-Cyrl' && same(value, toCyrillic(field, sourceNow))) return 'fresh';
  return same(sourceNow, sourceThen) ? 'fresh' : 'stale';
}

const draftValues = (state: DocumentState, locale: string) => state.get(locale)?.draft?.values ?? state.get(locale)?.published?.values;

/**
 * The records after a write: a field written in a language version is fresh again (against its
 * source as it is now); a source field written makes the fields translated from it stale (or
 * fresh again, when it is back to what they were written from). Versions removed lose theirs.
 * `locales` lists each version's locale in the order they were made (the first is the base when bs is absent).
 */
export function nextRecords(before: DocumentState, after: DocumentState, stored: FieldRecord[], rules: FreshnessRules, now: string, locales: string[]): FieldRecord[] {
  // A document last written before records began is taken as translated as it stood before this
  // write, so that this write's change of a source still makes its translations stale.
  if (stored.length === 0 && before.size > 0)
    stored = nextRecords(
      new Map(),
      before,
      [],
      rules,
      now,
      locales.filter((locale) => before.has(locale))
    );
  const byKey = new Map(stored.map((record) => [`${record.locale}\u0000${record.field}`, record]));
  const written = (locale: string, field: string) => !same(draftValues(before, locale)?.[field], draftValues(after, locale)?.[field]) || !before.has(locale);
  const result: FieldRecord[] = [];
  for (const locale of locales) {
    const values = draftValues(after, locale);
    if (!values) continue;
    for (const field of rules.fields) {
      const record = byKey.get(`${locale}\u0000${field}`);
      const sourceLocale = record?.sourceLocale ?? defaultSourceOf(locale, locales, rules);
      if (!sourceLocale || !after.has(sourceLocale)) continue;
      const sourceNow = draftValues(after, sourceLocale)?.[field];
      const sourceThen = !record || written(locale, field) ? sourceNow : record.sourceValue;
      const state = fieldState(locale, field, values[field], sourceNow, sourceThen, sourceLocale, rules.toCyrillic);
      const since = record && record.state === state && !written(locale, field) ? record.since : now;
      result.push({ locale, field, sourceLocale, sourceValue: sourceThen ?? null, state, since });
    }
  }
  return result;
}

/** The records after an editor confirms `fields` of `locale` still translate the source as it is now (or names a new source). */
export function confirmedRecords(
  state: DocumentState,
  stored: FieldRecord[],
  locale: string,
  fields: string[],
  rules: FreshnessRules,
  now: string,
  sourceLocale?: string
): FieldRecord[] {
  const values = draftValues(state, locale) ?? {};
  return fields.map((field) => {
    const record = stored.find((candidate) => candidate.locale === locale && candidate.field === field);
    const source = sourceLocale ?? record?.sourceLocale ?? defaultSourceOf(locale, [...state.keys()], rules)!;
    const sourceNow = draftValues(state, source)?.[field];
    const fresh = fieldState(locale, field, values[field], sourceNow, sourceNow, source, rules.toCyrillic);
    return { locale, field, sourceLocale: source, sourceValue: sourceNow ?? null, state: fresh, since: now };
  });
}
