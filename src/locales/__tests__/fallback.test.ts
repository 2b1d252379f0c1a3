import { chainFor, cyrillicSources, isFilled, mergeVersions, parseFallbackConfig, servingLocales } from '../fallback';

const config = parseFallbackConfig({
  enabledByDefault: false,
  chains: { 'sr-Cyrl': ['sr-Latn', 'bs', 'hr', 'en'], hr: ['bs', 'sr-Latn', 'en'], en: ['bs'] },
});

describe('parseFallbackConfig', () => {
  it('builds chains that start with the requested locale', () => {
    expect(chainFor(config, 'hr')).toEqual(['hr', 'bs', 'sr-Latn', 'en']);
    expect(chainFor(config, 'sr-Latn')).toEqual(['sr-Latn']);
  });

  it.each([
    [{ enabledByDefault: false, chains: { hr: ['bs', 'hr'] } }, 'locales.fallback.chains.hr: the chain of hr leads back to hr'],
    [{ enabledByDefault: false, chains: { hr: ['bs', 'en', 'bs'] } }, 'locales.fallback.chains.hr: bs appears twice'],
    [{ enabledByDefault: false, chains: { hr: ['de'] } }, 'locales.fallback.chains.hr.0'],
    [{ enabledByDefault: false, chains: { de: ['bs'] } }, 'locales.fallback.chains: Unrecognized key: "de"'],
    [{ chains: {} }, 'locales.fallback.enabledByDefault'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseFallbackConfig(raw)).toThrow(message);
  });
});

describe('cyrillicSources', () => {
  it('lists the Latin-script locales of the sr-Cyrl chain in its order, never English', () => {
    expect(cyrillicSources(config)).toEqual(['sr-Latn', 'bs', 'hr']);
    expect(cyrillicSources(parseFallbackConfig({ enabledByDefault: false, chains: { 'sr-Cyrl': ['bs', 'en'] } }))).toEqual(['bs']);
  });
});

describe('servingLocales', () => {
  it('serves each reader from the first locale of their chain the document has', () => {
    expect(servingLocales(config, ['en', 'bs'])).toEqual({ bs: 'bs', hr: 'bs', 'sr-Cyrl': 'bs', en: 'en' });
    expect(servingLocales(config, ['sr-Latn', 'en'])).toEqual({ 'sr-Latn': 'sr-Latn', hr: 'sr-Latn', 'sr-Cyrl': 'sr-Latn', en: 'en' });
  });

  it('serves nobody from a document without versions', () => {
    expect(servingLocales(config, [])).toEqual({});
  });
});

describe('mergeVersions', () => {
  const toCyrillic = (_field: string, value: unknown) => `CYR(${value})`;

  it('takes the first version on the chain and fills its empty fields from the next ones', () => {
    const versions = new Map<string, Record<string, unknown>>([
      ['hr', { title: 'Radionica', lead: '  ', body: [] }],
      ['bs', { title: 'Radionica (bs)', lead: 'Uvod', body: [{ type: 'paragraph' }] }],
    ]);
    expect(mergeVersions({ requested: 'hr', chain: chainFor(config, 'hr'), versions, fields: ['title', 'lead', 'body', 'missing'], toCyrillic })).toEqual({
      entry: { title: 'Radionica', lead: 'Uvod', body: [{ type: 'paragraph' }] },
      localeSources: { title: { locale: 'hr' }, lead: { locale: 'bs' }, body: { locale: 'bs' } },
    });
  });

  it('writes Latin-script text into Cyrillic for sr-Cyrl, but never English', () => {
    const versions = new Map<string, Record<string, unknown>>([
      ['bs', { title: 'Radionica', lead: null }],
      ['en', { title: 'Workshop', lead: 'Intro' }],
    ]);
    expect(mergeVersions({ requested: 'sr-Cyrl', chain: chainFor(config, 'sr-Cyrl'), versions, fields: ['title', 'lead'], toCyrillic })).toEqual({
      entry: { title: 'CYR(Radionica)', lead: 'Intro' },
      localeSources: { title: { locale: 'bs', transliterated: true }, lead: { locale: 'en' } },
    });
  });

  it('finds nothing when no locale on the chain has the document', () => {
    expect(mergeVersions({ requested: 'en', chain: ['en', 'bs'], versions: new Map([['hr', {}]]), fields: [], toCyrillic })).toBeUndefined();
  });

  it('counts blank strings and empty lists as missing', () => {
    expect([null, undefined, '', '  ', []].map(isFilled)).toEqual([false, false, false, false, false]);
    expect(['x', 0, false, [1], {}].map(isFilled)).toEqual([true, true, true, true, true]);
  });
});
