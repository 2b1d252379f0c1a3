/**
 * Serbian text from Latin to Cyrillic and back, for whole texts as editors write them:
 * - lj, nj, dž are one letter (љ, њ, џ) except where a prefix or a foreign word joins two
 *   letters (`nadživjeti` → `надживјети`, `konjunkcija` → `конјункција`);
 * - ijekavian `dj` is two letters (`gdje` → `гдје`): đ is its own letter;
 * - URLs, e-mail addresses, `code`, words with letters Serbian does not have (Wi-Fi, WHO) and
 *   the acronyms usage keeps in Latin stay as they are.
 */
import { cyrillicToLatin, latinToCyrillic } from './serbian';

/**
 * Acronyms Serbian Cyrillic texts keep in Latin. BiH is not one: the SPIS sources themselves
 * write it БиХ in Cyrillic.
 */
export const LATIN_ACRONYMS: ReadonlySet<string> = new Set(['UNICEF', 'EU', 'IPA', 'SPIS']);

/**
 * Stems in which a digraph's two letters are two sounds, split with `|`. Prefixes od-, nad-,
 * pod-, pred- before ž, and the Latin con-/in- before j.
 */
const TWO_LETTER_STEMS = ['od|žal', 'od|živ', 'nad|živ', 'nad|žnj', 'pod|žan', 'pod|ždr', 'pred|živ', 'kon|jug', 'kon|junk', 'kon|jekt', 'in|jek', 'in|junk', 'van|jez'].map(
  (stem) => {
    const [before, after] = stem.split('|');
    return new RegExp(`(${before})(${after})`, 'giu');
  }
);

/** Marks a split between two letters; it never survives a conversion. */
const SPLIT = '\u0000';

const splitDigraphs = (word: string) => TWO_LETTER_STEMS.reduce((result, stem) => result.replace(stem, `$1${SPLIT}$2`), word);

/** Segments that are never converted: URLs, e-mail addresses and `code`. */
const PROTECTED = /(https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`]*`)/u;
const WORD = /([\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*)/u; // hyphenated compounds are one word
const NOT_SERBIAN_LATIN = /[qwxyQWXY]/;

const wordToCyrillic = (word: string) => (LATIN_ACRONYMS.has(word) || NOT_SERBIAN_LATIN.test(word) ? word : latinToCyrillic(splitDigraphs(word)).replaceAll(SPLIT, ''));

/** Serbian Latin text in Cyrillic. */
export function toCyrillic(text: string): string {
  return text
    .normalize('NFC')
    .split(PROTECTED)
    .map((segment, index) =>
      index % 2 === 1
        ? segment
        : segment
            .split(WORD)
            .map((part, i) => (i % 2 === 1 ? wordToCyrillic(part) : part))
            .join('')
    )
    .join('');
}

/**
 * Interface text (labels, help, messages) in Cyrillic. Names and acronyms stay in Latin as
 * Serbian Cyrillic interfaces write them: all-capital words (API, URL, RSS, IATI, EUR),
 * technical names with a capital inside (iCal, GeoJSON, GraphQL), Roman numerals after a word
 * (Faza II) and product names. BiH is written БиХ, as the SPIS sources write it.
 */
const KEEP_LATIN = /((?<!\p{L})(?!BiH(?!\p{L}))(?:\p{Lu}{2,}\p{L}*|\p{L}+\p{Lu}\p{L}*|Strapi|Markdown|Marketplace|Discord|Sentry|Cloud)(?!\p{L})|(?<=\s)[IVX]{1,4}(?!\p{L}))/u;

export const interfaceTextToCyrillic = (text: string): string =>
  text
    .split(KEEP_LATIN)
    .map((part, index) => (index % 2 === 1 ? part : toCyrillic(part)))
    .join('');

/** Serbian Cyrillic text in Latin. */
export const toLatin = (text: string): string => cyrillicToLatin(text);

type BlockNode = { type?: string; text?: string; url?: string; children?: BlockNode[]; [key: string]: unknown };

/**
 * Converts the text of Strapi blocks node by node; code blocks and link targets are kept.
 */
export function transliterateBlocks<T extends BlockNode>(nodes: T[], convert: (text: string) => string): T[] {
  return nodes.map((node) => {
    if (node.type === 'code') return node;
    const converted: BlockNode = { ...node };
    if (typeof node.text === 'string' && !node.code) converted.text = convert(node.text);
    if (Array.isArray(node.children)) converted.children = transliterateBlocks(node.children, convert);
    return converted as T;
  });
}
