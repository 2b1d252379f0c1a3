/**
 * What editors read about each type in the Content Manager — its name, each field's label and help
 * text, the names of enumeration values, why a value was refused — in each interface language
 * (translations/*.json; Serbian Cyrillic is the Serbian Latin transliterated). English is the base:
 * a text missing in a language is shown in English rather than not at all.
 */
import { interfaceTextToCyrillic } from '../transliteration';
import en from './translations/en.json';
import bs from './translations/bs.json';
import hr from './translations/hr.json';
import srLatn from './translations/sr-Latn.json';

export type FieldText = { label: string; description?: string };
type TypeTexts = { displayName: string; fields: Record<string, FieldText> };
/** `refusals`: why a value was refused, by the kind of value (see src/middlewares/panel-refusals.ts). */
export type ContentTexts = {
  types: Record<string, TypeTexts>;
  components: Record<string, TypeTexts>;
  enums: Record<string, string>;
  refusals: Record<string, string>;
};

const mapStrings = <T>(value: T, convert: (text: string) => string): T =>
  (typeof value === 'string'
    ? convert(value)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapStrings(inner, convert)]))
      : value) as T;

const TEXTS: Record<string, ContentTexts> = { en, bs, hr, 'sr-Latn': srLatn, 'sr-Cyrl': mapStrings(srLatn as ContentTexts, interfaceTextToCyrillic) };

export const ENGLISH_TEXTS: ContentTexts = en;

/** A type's (or component's) texts in a language, English where the language has none. */
function merged(base: TypeTexts | undefined, local: TypeTexts | undefined): TypeTexts | undefined {
  if (!base) return local;
  const fields = Object.fromEntries(Object.entries(base.fields).map(([field, text]) => [field, { ...text, ...local?.fields[field] }]));
  return { displayName: local?.displayName ?? base.displayName, fields };
}

/** Every text in this interface language (English for an unknown one). */
export function contentTexts(language: string | null | undefined): ContentTexts {
  const local = TEXTS[language ?? ''] ?? en;
  const group = (key: 'types' | 'components') => Object.fromEntries(Object.keys(en[key]).map((uid) => [uid, merged((en as ContentTexts)[key][uid], local[key][uid])!]));
  return { types: group('types'), components: group('components'), enums: { ...en.enums, ...local.enums }, refusals: { ...en.refusals, ...local.refusals } };
}
