import { matchLocale, negotiateLocale, parseAcceptLanguage } from '../negotiate';

describe('matchLocale (BCP 47 lookup with CLDR likely subtags)', () => {
  it.each([
    ['bs', 'bs'],
    ['bs-BA', 'bs'],
    ['bs-Latn-BA', 'bs'],
    ['BS-ba', 'bs'],
    ['bs_BA', 'bs'],
    ['hr', 'hr'],
    ['hr-BA', 'hr'],
    ['hr-HR', 'hr'],
    ['sr', 'sr-Cyrl'],
    ['sr-RS', 'sr-Cyrl'],
    ['sr-BA', 'sr-Cyrl'],
    ['sr-Cyrl', 'sr-Cyrl'],
    ['sr-Cyrl-BA', 'sr-Cyrl'],
    ['sr-cyrl-rs', 'sr-Cyrl'],
    ['sr-Latn', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['sr-Latn-BA', 'sr-Latn'],
    ['sr-ME', 'sr-Latn'],
    ['sh', 'sr-Latn'],
    ['sh-BA', 'sr-Latn'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
  ])('%s → %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it.each(['de', 'de-AT', 'sl', 'mk', '', 'x', '123', 'english'])('%j matches nothing', (tag) => {
    expect(matchLocale(tag)).toBeUndefined();
  });
});

describe('parseAcceptLanguage', () => {
  it('orders by quality, then by position, and drops q=0 and *', () => {
    expect(parseAcceptLanguage('en;q=0.5, sr-RS;q=0.9, de, *;q=0.1, hr;q=0')).toEqual(['de', 'sr-RS', 'en']);
  });

  it('reads nothing from an empty or missing header', () => {
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('')).toEqual([]);
  });
});

describe('negotiateLocale', () => {
  it('takes ?locale= first, matching it like a header tag', () => {
    expect(negotiateLocale({ query: 'en', acceptLanguage: 'sr' })).toEqual({ ok: true, locale: 'en', source: 'query' });
    expect(negotiateLocale({ query: 'sr-RS' })).toEqual({ ok: true, locale: 'sr-Cyrl', source: 'query' });
  });

  it('keeps Strapi\'s "every locale", spelt * or all', () => {
    expect(negotiateLocale({ query: '*' })).toEqual({ ok: true, locale: '*', source: 'query' });
    expect(negotiateLocale({ query: 'all' })).toEqual({ ok: true, locale: '*', source: 'query' });
  });

  it('refuses an unsupported ?locale=', () => {
    expect(negotiateLocale({ query: 'de' })).toEqual({ ok: false, requested: 'de' });
    expect(negotiateLocale({ query: ['bs', 'en'] })).toEqual({ ok: false, requested: 'bs,en' });
  });

  it('then takes the best supported language of Accept-Language', () => {
    expect(negotiateLocale({ acceptLanguage: 'de-DE, sr-RS;q=0.9, en;q=0.5' })).toEqual({ ok: true, locale: 'sr-Cyrl', source: 'header' });
    expect(negotiateLocale({ acceptLanguage: 'sr-Latn-RS,sr;q=0.8' })).toEqual({ ok: true, locale: 'sr-Latn', source: 'header' });
  });

  it('falls back to bs', () => {
    expect(negotiateLocale({ acceptLanguage: 'de, fr;q=0.5' })).toEqual({ ok: true, locale: 'bs', source: 'default' });
    expect(negotiateLocale({})).toEqual({ ok: true, locale: 'bs', source: 'default' });
  });
});
