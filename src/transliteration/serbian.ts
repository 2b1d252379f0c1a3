/**
 * Serbian Latin ↔ Cyrillic, letter by letter (Vuk Karadžić's one-letter-per-sound alphabet and
 * its Latin counterpart, where lj/nj/dž are single letters). Word-level exceptions, such as
 * `konjunkcija` where n and j stay two letters, belong to the caller.
 */

const LATIN_TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  // Digraphs first, so that "lj" is not read as "l" + "j".
  ['dž', 'џ'],
  ['Dž', 'Џ'],
  ['DŽ', 'Џ'],
  ['lj', 'љ'],
  ['Lj', 'Љ'],
  ['LJ', 'Љ'],
  ['nj', 'њ'],
  ['Nj', 'Њ'],
  ['NJ', 'Њ'],
  // One-character digraph forms (U+01C4–U+01CC).
  ['ǆ', 'џ'],
  ['ǅ', 'Џ'],
  ['Ǆ', 'Џ'],
  ['ǉ', 'љ'],
  ['ǈ', 'Љ'],
  ['Ǉ', 'Љ'],
  ['ǌ', 'њ'],
  ['ǋ', 'Њ'],
  ['Ǌ', 'Њ'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'ц'],
  ['č', 'ч'],
  ['ć', 'ћ'],
  ['d', 'д'],
  ['đ', 'ђ'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'ј'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['š', 'ш'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['z', 'з'],
  ['ž', 'ж'],
  ['A', 'А'],
  ['B', 'Б'],
  ['C', 'Ц'],
  ['Č', 'Ч'],
  ['Ć', 'Ћ'],
  ['D', 'Д'],
  ['Đ', 'Ђ'],
  ['E', 'Е'],
  ['F', 'Ф'],
  ['G', 'Г'],
  ['H', 'Х'],
  ['I', 'И'],
  ['J', 'Ј'],
  ['K', 'К'],
  ['L', 'Л'],
  ['M', 'М'],
  ['N', 'Н'],
  ['O', 'О'],
  ['P', 'П'],
  ['R', 'Р'],
  ['S', 'С'],
  ['Š', 'Ш'],
  ['T', 'Т'],
  ['U', 'У'],
  ['V', 'В'],
  ['Z', 'З'],
  ['Ž', 'Ж'],
];

/** The first Latin spelling listed for a Cyrillic letter wins: `Џ` → `Dž`, not `DŽ` or `ǅ`. */
const CYRILLIC_TO_LATIN = new Map<string, string>();
for (const [latin, cyrillic] of LATIN_TO_CYRILLIC) {
  if (!CYRILLIC_TO_LATIN.has(cyrillic)) CYRILLIC_TO_LATIN.set(cyrillic, latin);
}

const latinPattern = new RegExp(LATIN_TO_CYRILLIC.map(([latin]) => latin).join('|'), 'g');
const latinMap = new Map(LATIN_TO_CYRILLIC);

/** Serbian Latin to Cyrillic; characters outside the Serbian Latin alphabet are kept. */
export const latinToCyrillic = (text: string): string => text.normalize('NFC').replace(latinPattern, (letters) => latinMap.get(letters) ?? letters);

/**
 * Serbian Cyrillic to Latin; characters outside the Serbian Cyrillic alphabet are kept.
 * A capital digraph letter becomes `LJ` when the next letter is a capital too (`ЉУБАВ` →
 * `LJUBAV`), otherwise `Lj` (`Љубав` → `Ljubav`).
 */
export const cyrillicToLatin = (text: string): string => {
  const chars = Array.from(text.normalize('NFC'));
  return chars
    .map((char, index) => {
      const latin = CYRILLIC_TO_LATIN.get(char) ?? char;
      if (latin.length === 2 && /^\p{Lu}$/u.test(char)) {
        const next = chars[index + 1] ?? '';
        const previous = chars[index - 1] ?? '';
        const inCapitals = /^\p{Lu}$/u.test(next) || (next === '' && /^\p{Lu}$/u.test(previous));
        return inCapitals ? latin.toUpperCase() : latin;
      }
      return latin;
    })
    .join('');
};
