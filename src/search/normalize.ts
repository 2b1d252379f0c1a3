/**
 * Search keys: text folded so that case, diacritics and script do not matter. `Čelinac`,
 * `ČELINAC`, `Челинац` and `celinac` all become `celinac`; `đ` becomes `dj`, as Bosnian,
 * Croatian and Serbian write it without diacritics. Pure functions.
 */
import { toLatin } from '../transliteration';

/** One text folded to lower-case ASCII words separated by single spaces. */
export const searchKey = (text: string): string =>
  toLatin(text.normalize('NFC'))
    .toLowerCase()
    .replaceAll('đ', 'dj')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The words of a search query, folded; duplicates and one-letter noise dropped. */
export const searchTerms = (query: string): string[] => [
  ...new Set(
    searchKey(query)
      .split(' ')
      .filter((word) => word.length > 1 || /\d/.test(word))
  ),
];

type BlockNode = { text?: unknown; children?: unknown };

const textOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textOf);
  if (value && typeof value === 'object') {
    const node = value as BlockNode;
    return [...textOf(node.text), ...textOf(node.children)];
  }
  return [];
};

/**
 * The stored index of a document version: every word of its texts, folded, with a space at
 * both ends so that a word prefix is always preceded by a space (`% celin%`).
 */
export const buildSearchIndex = (values: unknown[]): string => ` ${searchKey(values.flatMap(textOf).join(' '))} `;
