import fc from 'fast-check';
import { collationOf, COLLATIONS, sortKey, type Collation } from '../keys';

const byKey = (collation: Collation, texts: string[]) =>
  [...texts].sort((a, b) => (sortKey(collation, a) < sortKey(collation, b) ? -1 : sortKey(collation, a) > sortKey(collation, b) ? 1 : 0));

describe('each language its alphabet', () => {
  it('Croatian rules (bs, hr, sr-Latn): č and ć after c, dž and đ after d, lj, nj, š, ž', () => {
    const names = [
      'Žepče',
      'Zenica',
      'Višegrad',
      'Šamac',
      'Sarajevo',
      'Nz',
      'Njivice',
      'Novi Grad',
      'Lz',
      'Ljubuški',
      'Livno',
      'Đakovo',
      'Džamija',
      'Dz',
      'Doboj',
      'Ćuprija',
      'Čelinac',
      'Cazin',
      'Bihać',
    ];
    expect(byKey('hr', names)).toEqual([
      'Bihać',
      'Cazin',
      'Čelinac',
      'Ćuprija',
      'Doboj',
      'Dz',
      'Džamija',
      'Đakovo',
      'Livno',
      'Lz',
      'Ljubuški',
      'Novi Grad',
      'Nz',
      'Njivice',
      'Sarajevo',
      'Šamac',
      'Višegrad',
      'Zenica',
      'Žepče',
    ]);
  });

  it('Serbian Cyrillic: ђ, ј, љ, њ, ћ, џ inside the alphabet', () => {
    const letters = ['Ш', 'Џ', 'Ч', 'Ц', 'У', 'Ћ', 'Т', 'О', 'Њ', 'Н', 'М', 'Љ', 'Л', 'К', 'Ј', 'И', 'Е', 'Ђ', 'Д'];
    expect(byKey('sr-Cyrl', letters).join('')).toBe('ДЂЕИЈКЛЉМНЊОТЋУЦЧЏШ');
    expect(byKey('sr-Cyrl', ['Челинац', 'Бања Лука', 'Зеница', 'Ђаковица', 'Вишеград'])).toEqual(['Бања Лука', 'Вишеград', 'Ђаковица', 'Зеница', 'Челинац']);
  });

  it('English: accents only break ties', () => {
    expect(byKey('en', ['Zenica', 'Čelinac', 'Cazin', 'Ljubuški', 'Livno', 'celinac'])).toEqual(['Cazin', 'celinac', 'Čelinac', 'Livno', 'Ljubuški', 'Zenica']);
  });

  it('case and accents decide only among equal letters, lower case first', () => {
    expect(byKey('hr', ['b', 'A', 'a', 'á', 'Á'])).toEqual(['a', 'A', 'á', 'Á', 'b']);
  });

  it('a text sorts before the longer texts it begins', () => {
    expect(byKey('hr', ['Banja Luka', 'Banja', 'Ban'])).toEqual(['Ban', 'Banja', 'Banja Luka']);
    expect(sortKey('hr', '')).toBe('');
    expect(sortKey('hr', null)).toBe('');
  });

  it('keys are lowercase hex, which databases order byte by byte', () => {
    expect(sortKey('sr-Cyrl', 'Бања Лука, 2026. – ☂')).toMatch(/^[0-9a-f]+$/);
  });

  it('maps locales to their orders', () => {
    expect(['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'].map(collationOf)).toEqual(['hr', 'hr', 'hr', 'sr-Cyrl', 'en']);
  });
});

/** Texts in the languages served: their letters in both cases, the digraphs, digits, space, punctuation. */
const letters = [
  ...'abcčćdđefghijklmnoprsštuvzžqwxyABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽáéöü',
  'dž',
  'Dž',
  'DŽ',
  'lj',
  'Lj',
  'LJ',
  'nj',
  'Nj',
  'NJ',
  ...'абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ',
  ...'0123456789 -.,',
];
const text = fc.array(fc.constantFrom(...letters), { maxLength: 12 }).map((parts) => parts.join(''));

it.each(COLLATIONS)('orders generated texts as the %s collator does', (collation) => {
  const collator = new Intl.Collator(collation);
  fc.assert(
    fc.property(text, text, (a, b) => {
      const byCollator = Math.sign(collator.compare(a, b));
      const [ka, kb] = [sortKey(collation, a), sortKey(collation, b)];
      // Texts the collator finds equal may differ in their keys only by code point, never in order against others.
      if (byCollator !== 0) expect({ a, b, order: Math.sign(ka < kb ? -1 : ka > kb ? 1 : 0) }).toEqual({ a, b, order: byCollator });
    }),
    { numRuns: 20_000 }
  );
});
