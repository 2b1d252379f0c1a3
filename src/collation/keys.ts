/**
 * Sort keys: text turned into a string whose plain character order is the order a language's
 * readers expect (CLDR, as ICU implements it), so that a database compares them as any text
 * (PostgreSQL and SQLite alike) and an index keeps the order.
 *
 * The weights come from Node's own ICU collators, read once per collation: the characters of
 * the languages served (and the digraphs Croatian rules treat as letters: dž, lj, nj) sorted
 * with the collator, a new primary weight wherever the base letter changes, a secondary where
 * only the accent does, a tertiary where only the case does. A key is the primaries of the
 * text's letters, then their secondaries, then their tertiaries (the Unicode Collation
 * Algorithm's sort key), each weight as fixed-width lowercase hex (four digits a letter, one for
 * its accent, one for its case), a column of which PostgreSQL and SQLite order byte by byte
 * whatever the database's own collation.
 */

/** The orders this server sorts by: Croatian rules (bs, hr, sr-Latn), Serbian Cyrillic, English. */
export const COLLATIONS = ['hr', 'sr-Cyrl', 'en'] as const;
export type Collation = (typeof COLLATIONS)[number];

/** The order a reader of `locale` expects. */
export const collationOf = (locale: string): Collation => (locale === 'sr-Cyrl' ? 'sr-Cyrl' : locale === 'en' ? 'en' : 'hr');

/**
 * Keys need only tell texts apart this far; past it, texts sort by what follows in the sort.
 * Every read of a row reads its keys too, so they are kept short.
 */
const MAX_KEY_CHARACTERS = 48;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index));
/**
 * Printable ASCII, Latin-1 and Latin Extended-A letters, Cyrillic; less the letters the
 * collators expand into two (æ is "ae"), which a weight per character cannot express: they
 * sort after every known character, by code point.
 */
const EXPANDING = new Set(['Æ', 'æ', 'Œ', 'œ', 'ß', 'Ĳ', 'ĳ', 'Ŀ', 'ŀ', 'ŉ', 'ſ', 'Þ', 'þ', 'ĸ']);
const CHARACTERS = [...range(0x20, 0x7e), ...range(0xa0, 0x17f), ...range(0x400, 0x45f)].filter((character) => !EXPANDING.has(character));
/** Croatian rules sort these pairs as single letters (CLDR hr: &D<dž, &L<lj, &N<nj). */
const DIGRAPHS = ['dž', 'Dž', 'DŽ', 'ǆ', 'ǅ', 'Ǆ', 'lj', 'Lj', 'LJ', 'ǉ', 'ǈ', 'Ǉ', 'nj', 'Nj', 'NJ', 'ǌ', 'ǋ', 'Ǌ'];

type Weights = [primary: number, secondary: number, tertiary: number];
type Table = { weights: Map<string, Weights>; longest: number; unknownFrom: number; collator: Intl.Collator };

function buildTable(collation: Collation): Table {
  const full = new Intl.Collator(collation, { sensitivity: 'variant' });
  const base = new Intl.Collator(collation, { sensitivity: 'base' });
  const accent = new Intl.Collator(collation, { sensitivity: 'accent' });
  // Characters the collator ignores entirely (controls, format characters) get no weight.
  const elements = [...CHARACTERS, ...(collation === 'hr' ? DIGRAPHS : [])].filter((element) => full.compare(element, '') !== 0).sort(full.compare);
  const weights = new Map<string, Weights>();
  let previous: string | undefined;
  let [primary, secondary, tertiary] = [0, 0, 0];
  for (const element of elements) {
    if (previous === undefined || base.compare(previous, element) !== 0) [primary, secondary, tertiary] = [primary + 1, 1, 1];
    else if (accent.compare(previous, element) !== 0) [secondary, tertiary] = [secondary + 1, 1];
    else if (full.compare(previous, element) !== 0) tertiary += 1;
    weights.set(element, [primary, secondary, tertiary]);
    previous = element;
  }
  // A hex digit each for accents and cases within a letter, four for letters (see sortKey).
  const widest = Math.max(...[...weights.values()].flatMap(([, s, t]) => [s, t]));
  if (widest > 0xf || primary > 0x0fff) throw new Error(`collation ${collation}: weights outgrow their digits`);
  return { weights, longest: collation === 'hr' ? 2 : 1, unknownFrom: primary + 1, collator: full };
}

const tables = new Map<Collation, Table>();
const tableOf = (collation: Collation) => {
  let table = tables.get(collation);
  if (!table) tables.set(collation, (table = buildTable(collation)));
  return table;
};

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** The sort key of `text` in `collation`; '' for no text (which sorts first, as SQL's empty string). */
export function sortKey(collation: Collation, text: string | null | undefined): string {
  if (!text) return '';
  const { weights, longest, unknownFrom, collator } = tableOf(collation);
  const characters = [...text.normalize('NFC')].slice(0, MAX_KEY_CHARACTERS);
  const primaries: string[] = [];
  const secondaries: string[] = [];
  const tertiaries: string[] = [];
  for (let index = 0; index < characters.length; ) {
    let length = Math.min(longest, characters.length - index);
    while (length > 1 && !weights.has(characters.slice(index, index + length).join(''))) length -= 1;
    const element = characters.slice(index, index + length).join('');
    index += length;
    const known = weights.get(element);
    // Ignorable (combining marks on their own, controls): no weight, as the collator.
    if (!known && collator.compare(element, '') === 0) continue;
    // Characters outside the table: after it, by code point (those past the Basic Multilingual Plane share the last weight).
    const [primary, secondary, tertiary] = known ?? [Math.min(unknownFrom + element.codePointAt(0)!, 0xffff), 1, 1];
    primaries.push(hex(primary, 4));
    secondaries.push(hex(secondary, 1));
    tertiaries.push(hex(tertiary, 1));
  }
  // Level separators below every weight: a text that is a prefix of another sorts first.
  return `${primaries.join('')}0000${secondaries.join('')}0${tertiaries.join('')}`;
}
