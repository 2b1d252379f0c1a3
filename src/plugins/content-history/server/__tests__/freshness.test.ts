import { toCyrillic } from '../../../../transliteration';
import { confirmedRecords, defaultSourceOf, fieldState, nextRecords, type FieldRecord, type FreshnessRules } from '../freshness';
import type { DocumentState, VersionState } from '../snapshot';

const rules: FreshnessRules = {
  fields: ['title', 'lead'],
  baseLocale: 'bs',
  cyrillicSources: ['sr-Latn', 'bs'],
  toCyrillic: (_field, value) => (typeof value === 'string' ? toCyrillic(value) : value),
};

let rowId = 0;
const version = (values: Record<string, unknown>): VersionState => ({ values, rowId: ++rowId, updatedAt: null, publishedAt: null });
const stateOf = (drafts: Record<string, Record<string, unknown>>): DocumentState => new Map(Object.entries(drafts).map(([locale, values]) => [locale, { draft: version(values) }]));

const T0 = '2026-12-01T08:00:00.000Z';
const T1 = '2026-12-02T09:30:00.000Z';
const states = (records: FieldRecord[]) => Object.fromEntries(records.map((record) => [`${record.locale}.${record.field}`, record.state]));

describe('the source of a language version', () => {
  it('is the base language, for every version but the base itself', () => {
    expect(defaultSourceOf('en', ['bs', 'en', 'hr'], rules)).toBe('bs');
    expect(defaultSourceOf('bs', ['bs', 'en'], rules)).toBeUndefined();
  });
  it('is the first Latin version for Serbian Cyrillic', () => {
    expect(defaultSourceOf('sr-Cyrl', ['bs', 'sr-Latn', 'sr-Cyrl'], rules)).toBe('sr-Latn');
    expect(defaultSourceOf('sr-Cyrl', ['bs', 'sr-Cyrl'], rules)).toBe('bs');
  });
  it('is the first version when the document has no base-language version', () => {
    expect(defaultSourceOf('hr', ['en', 'hr'], rules)).toBe('en');
    expect(defaultSourceOf('en', ['en', 'hr'], rules)).toBeUndefined();
  });
});

describe('a field’s state', () => {
  it('is fresh while the source reads as it did, stale once it changed, missing when only the source has text', () => {
    expect(fieldState('en', 'lead', 'Text', 'Tekst', 'Tekst', 'bs', rules.toCyrillic)).toBe('fresh');
    expect(fieldState('en', 'lead', 'Text', 'Tekst, dopunjen', 'Tekst', 'bs', rules.toCyrillic)).toBe('stale');
    expect(fieldState('en', 'lead', null, 'Tekst', 'Tekst', 'bs', rules.toCyrillic)).toBe('missing');
    expect(fieldState('en', 'lead', '', null, null, 'bs', rules.toCyrillic)).toBe('fresh');
  });
  it('is fresh for Cyrillic that reads as its Latin source transliterated, whatever it was written from', () => {
    expect(fieldState('sr-Cyrl', 'title', 'Ђачке радионице', 'Đačke radionice', 'Stari naslov', 'sr-Latn', rules.toCyrillic)).toBe('fresh');
    expect(fieldState('sr-Cyrl', 'title', 'Ђачке радионице', 'Đačke radionice u Čapljini', 'Đačke radionice', 'sr-Latn', rules.toCyrillic)).toBe('stale');
  });
});

describe('records after a write', () => {
  const written = stateOf({ bs: { title: 'Naslov', lead: 'Uvod' }, en: { title: 'Title', lead: 'Lead' } });

  it('start every field of a new version fresh, against its source as it is', () => {
    const records = nextRecords(stateOf({ bs: { title: 'Naslov', lead: 'Uvod' } }), written, [], rules, T0, ['bs', 'en']);
    expect(records).toEqual([
      { locale: 'en', field: 'title', sourceLocale: 'bs', sourceValue: 'Naslov', state: 'fresh', since: T0 },
      { locale: 'en', field: 'lead', sourceLocale: 'bs', sourceValue: 'Uvod', state: 'fresh', since: T0 },
    ]);
  });

  it('of a document written before records began: its source changing makes the translation stale', () => {
    const records = nextRecords(written, stateOf({ bs: { title: 'Naslov', lead: 'Novi uvod' }, en: { title: 'Title', lead: 'Lead' } }), [], rules, T1, ['bs', 'en']);
    expect(states(records)).toEqual({ 'en.title': 'fresh', 'en.lead': 'stale' });
    expect(records.find((record) => record.field === 'lead')).toMatchObject({ sourceValue: 'Uvod', since: T1 });
  });

  it('make only the changed source field stale, since the write, and keep the other’s time', () => {
    const stored = nextRecords(new Map(), written, [], rules, T0, ['bs', 'en']);
    const after = stateOf({ bs: { title: 'Naslov', lead: 'Novi uvod' }, en: { title: 'Title', lead: 'Lead' } });
    const records = nextRecords(written, after, stored, rules, T1, ['bs', 'en']);
    expect(states(records)).toEqual({ 'en.title': 'fresh', 'en.lead': 'stale' });
    expect(records.find((record) => record.field === 'lead')).toMatchObject({ sourceValue: 'Uvod', since: T1 });
    expect(records.find((record) => record.field === 'title')).toMatchObject({ since: T0 });
  });

  it('make a stale field fresh when the translation is written, or when the source goes back', () => {
    const stale = nextRecords(
      written,
      stateOf({ bs: { title: 'Naslov', lead: 'Novi uvod' }, en: { title: 'Title', lead: 'Lead' } }),
      nextRecords(new Map(), written, [], rules, T0, ['bs', 'en']),
      rules,
      T1,
      ['bs', 'en']
    );
    const edited = stateOf({ bs: { title: 'Naslov', lead: 'Novi uvod' }, en: { title: 'Title', lead: 'New lead' } });
    expect(states(nextRecords(stateOf({ bs: { title: 'Naslov', lead: 'Novi uvod' }, en: { title: 'Title', lead: 'Lead' } }), edited, stale, rules, T1, ['bs', 'en']))).toEqual({
      'en.title': 'fresh',
      'en.lead': 'fresh',
    });
    const reverted = nextRecords(stateOf({ bs: { title: 'Naslov', lead: 'Novi uvod' }, en: { title: 'Title', lead: 'Lead' } }), written, stale, rules, T1, ['bs', 'en']);
    expect(states(reverted)).toEqual({ 'en.title': 'fresh', 'en.lead': 'fresh' });
  });

  it('drop the records of a version removed, and make none for the base', () => {
    const stored = nextRecords(new Map(), written, [], rules, T0, ['bs', 'en']);
    expect(nextRecords(written, stateOf({ bs: { title: 'Naslov', lead: 'Uvod' } }), stored, rules, T1, ['bs'])).toEqual([]);
  });

  it('confirm fields as still correct against the source now, or restart them all from a source an editor names', () => {
    const now = stateOf({ bs: { title: 'Naslov', lead: 'Novi uvod' }, hr: { title: 'Naslov hr', lead: 'Uvod hr' }, en: { title: 'Title', lead: 'Lead' } });
    expect(confirmedRecords(now, [], 'en', ['lead'], rules, T1)).toEqual([
      { locale: 'en', field: 'lead', sourceLocale: 'bs', sourceValue: 'Novi uvod', state: 'fresh', since: T1 },
    ]);
    expect(confirmedRecords(now, [], 'en', ['title', 'lead'], rules, T1, 'hr').map((record) => [record.sourceLocale, record.sourceValue])).toEqual([
      ['hr', 'Naslov hr'],
      ['hr', 'Uvod hr'],
    ]);
  });
});
