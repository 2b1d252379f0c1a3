/**
 * What the history panel shows between two versions, and what a restore writes back: texts
 * word by word in every script the site is written in (Latin with its diacritics, Serbian
 * Cyrillic), rich text as its paragraphs, everything else as old and new value.
 */
import fc from 'fast-check';
import type { Shape } from '../snapshot';
import { blocksText, diffVersions, restoreData, wordDiff, type WordChange } from '../version-diff';

const paragraph = (...children: Array<Record<string, unknown>>) => ({ type: 'paragraph', children });
const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });

describe('blocksText', () => {
  it('reads blocks as their paragraphs, inline marks and links included', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [text('Radionica u Čapljini')] },
      paragraph(text('Djeca su '), text('na prvom', { bold: true }), text(' mjestu, ')),
      paragraph(text('vidi '), { type: 'link', url: 'https://example.org', children: [text('izvještaj')] }, text('.')),
    ];
    expect(blocksText(blocks)).toBe('Radionica u Čapljini\n\nDjeca su na prvom mjestu, \n\nvidi izvještaj.');
  });

  it('puts list items on lines of their own', () => {
    const list = {
      type: 'list',
      format: 'unordered',
      children: [
        { type: 'list-item', children: [text('Teslić')] },
        { type: 'list-item', children: [text('Žepče')] },
      ],
    };
    expect(blocksText([paragraph(text('Općine:')), list])).toBe('Općine:\n\nTeslić\nŽepče');
  });

  it('reads nothing from what is not blocks, and an image as an empty paragraph', () => {
    expect(blocksText(null)).toBe('');
    expect(blocksText('tekst')).toBe('');
    expect(blocksText({ type: 'paragraph' })).toBe('');
    expect(blocksText([{ type: 'image', image: { url: '/uploads/a.png' }, children: [text('')] }, paragraph(text('Ispod slike'))])).toBe('\n\nIspod slike');
  });
});

/** The changes, as `=`, `+` and `-` with their text: easy to read in a failing test. */
const marked = (changes: WordChange[]) => changes.map(({ text, change }) => `${{ same: '=', added: '+', removed: '-' }[change]}${text}`);

describe('wordDiff', () => {
  it('keeps a Latin word with diacritics whole', () => {
    expect(marked(wordDiff('Đačke radionice u Čapljini', 'Đačke radionice u Žepču'))).toEqual(['=Đačke radionice u ', '-Čapljini', '+Žepču']);
    expect(marked(wordDiff('Šta je ćevap?', 'Šta je ćevapčić?'))).toEqual(['=Šta je ', '-ćevap', '+ćevapčić', '=?']);
  });

  it('keeps a Cyrillic word whole, as it does a Latin one', () => {
    expect(marked(wordDiff('Радионица у Мостару', 'Радионица у Тузли'))).toEqual(['=Радионица у ', '-Мостару', '+Тузли']);
    expect(marked(wordDiff('Дјеца су на првом мјесту.', 'Дјеца су увијек на првом мјесту.'))).toEqual(['=Дјеца су ', '+увијек ', '=на првом мјесту.']);
  });

  it('diffs a text changed from Latin to Cyrillic as one word for another', () => {
    expect(marked(wordDiff('Ђачке radionice', 'Ђачке радионице'))).toEqual(['=Ђачке ', '-radionice', '+радионице']);
  });

  it('keeps a word whole whose diacritics are combining marks (text pasted in decomposed form)', () => {
    const [before, after] = ['Radionica u Čapljini', 'Radionica u Žepču'].map((value) => value.normalize('NFD'));
    expect(marked(wordDiff(before, after))).toEqual(['=Radionica u ', `-${'Čapljini'.normalize('NFD')}`, `+${'Žepču'.normalize('NFD')}`]);
  });

  it('keeps every character: the parts of either side put together give that side back', () => {
    const before = 'Prvi pasus.\n\nДруги пасус, са „наводницима“ — и цртом.';
    const after = 'Prvi pasus, dopunjen.\n\nДруги пасус са «наводницима» и цртом!';
    const changes = wordDiff(before, after);
    expect(
      changes
        .filter(({ change }) => change !== 'added')
        .map(({ text }) => text)
        .join('')
    ).toBe(before);
    expect(
      changes
        .filter(({ change }) => change !== 'removed')
        .map(({ text }) => text)
        .join('')
    ).toBe(after);
  });

  it('keeps every character of any text, whatever its script, spaces and line ends', () => {
    const sides = (changes: ReturnType<typeof wordDiff>, left: 'added' | 'removed') =>
      changes
        .filter(({ change }) => change !== left)
        .map(({ text }) => text)
        .join('');
    const texts = fc.string({ unit: fc.constantFrom('a', 'č', 'Ђ', 'ж', 'c\u030C', ' ', '\n', '\r', '\r\n', '\t', '.', '„', '7', '😀', '\u00AD') });
    fc.assert(
      fc.property(texts, texts, (before, after) => {
        const changes = wordDiff(before, after);
        expect(sides(changes, 'added')).toBe(before);
        expect(sides(changes, 'removed')).toBe(after);
      }),
      { seed: 20_261_220, numRuns: 500 }
    );
  });

  it('says nothing changed for the same text, and all of it for a text from nothing', () => {
    expect(wordDiff('Isti tekst', 'Isti tekst')).toEqual([{ text: 'Isti tekst', change: 'same' }]);
    expect(wordDiff('', 'Нови текст')).toEqual([{ text: 'Нови текст', change: 'added' }]);
    expect(wordDiff('Stari tekst', '')).toEqual([{ text: 'Stari tekst', change: 'removed' }]);
  });
});

const SHAPE: Shape = {
  title: { kind: 'scalar', type: 'string' },
  slug: { kind: 'scalar', type: 'uid' },
  lead: { kind: 'scalar', type: 'text' },
  body: { kind: 'scalar', type: 'blocks' },
  publicationDate: { kind: 'scalar', type: 'date' },
  population: { kind: 'scalar', type: 'integer' },
  kind: { kind: 'scalar', type: 'enumeration' },
  noIndex: { kind: 'scalar', type: 'boolean' },
  quotes: { kind: 'component', repeatable: true, shape: { text: { kind: 'scalar', type: 'text' }, speaker: { kind: 'scalar', type: 'string' } } },
  geo: { kind: 'component', repeatable: false, shape: { lat: { kind: 'scalar', type: 'float' }, lon: { kind: 'scalar', type: 'float' } } },
  municipalities: { kind: 'relation', many: true },
  cover: { kind: 'media', many: false },
};

const VALUES = {
  title: 'Radionica u Mostaru',
  slug: 'radionica-u-mostaru',
  lead: 'Uvod.',
  body: [paragraph(text('Prvi pasus.'))],
  publicationDate: '2026-12-02',
  population: 105797,
  kind: 'city',
  noIndex: false,
  quotes: [{ text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić' }],
  geo: { lat: 43.34, lon: 17.81 },
  municipalities: ['mostar'],
  cover: 20,
};

describe('diffVersions', () => {
  it('lists only the fields that differ, in the type’s order', () => {
    const after = { ...VALUES, lead: 'Uvod, dopunjen.', population: 105800, municipalities: ['mostar', 'capljina'] };
    expect(diffVersions(SHAPE, VALUES, after).map(({ field }) => field)).toEqual(['lead', 'population', 'municipalities']);
    expect(diffVersions(SHAPE, VALUES, { ...VALUES })).toEqual([]);
  });

  it('diffs texts and rich text word by word, and other fields as old and new value', () => {
    const after = {
      ...VALUES,
      title: 'Радионица у Мостару',
      body: [paragraph(text('Prvi pasus, dopunjen.')), paragraph(text('Drugi.'))],
      geo: { lat: 43.35, lon: 17.81 },
      noIndex: true,
    };
    const byField = Object.fromEntries(diffVersions(SHAPE, VALUES, after).map((change) => [change.field, change]));
    expect(marked(byField.title.words!)).toEqual(['-Radionica', '+Радионица', '= ', '-u', '+у', '= ', '-Mostaru', '+Мостару']);
    expect(marked(byField.body.words!)).toEqual(['=Prvi pasus', '+, dopunjen', '=.', '+\n\nDrugi.']);
    expect(byField.body).toMatchObject({ before: VALUES.body, after: after.body });
    expect(byField.geo).toEqual({ field: 'geo', before: { lat: 43.34, lon: 17.81 }, after: { lat: 43.35, lon: 17.81 } });
    expect(byField.noIndex).toEqual({ field: 'noIndex', before: false, after: true });
  });

  it('diffs against nothing for a version with no content (created, unpublished, deleted)', () => {
    const created = diffVersions(SHAPE, null, { title: 'Novi naslov', municipalities: [] });
    expect(created).toEqual([
      { field: 'title', before: null, after: 'Novi naslov', words: [{ text: 'Novi naslov', change: 'added' }] },
      { field: 'municipalities', before: null, after: [] },
    ]);
    const removed = diffVersions(SHAPE, { title: 'Stari naslov' }, null);
    expect(removed).toEqual([{ field: 'title', before: 'Stari naslov', after: null, words: [{ text: 'Stari naslov', change: 'removed' }] }]);
  });

  it('treats a missing value and null alike, and ignores what the type no longer has', () => {
    expect(diffVersions(SHAPE, { title: 'A', lead: null, retired: 'x' }, { title: 'A', retired: 'y' })).toEqual([]);
  });
});

describe('restoreData', () => {
  it('writes every field of the version back, links by documentId, media by id, components from their values', () => {
    expect(restoreData(SHAPE, VALUES)).toEqual(VALUES);
  });

  it('writes back only the fields named, and never one the type does not have', () => {
    expect(restoreData(SHAPE, VALUES, ['quotes', 'geo', 'searchIndex', 'retired'])).toEqual({ quotes: VALUES.quotes, geo: VALUES.geo });
  });

  it('clears a field the version had empty', () => {
    expect(restoreData(SHAPE, { ...VALUES, lead: null, quotes: [], geo: null, municipalities: [], cover: null }, ['lead', 'quotes', 'geo', 'municipalities', 'cover'])).toEqual({
      lead: null,
      quotes: [],
      geo: null,
      municipalities: [],
      cover: null,
    });
  });
});
