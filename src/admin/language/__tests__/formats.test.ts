import { formattingLocale, installLocalFormats } from '../formats';

describe('formattingLocale', () => {
  it('uses ijekavian Serbian data for Serbian and, when the runtime has none, for Bosnian', () => {
    expect(formattingLocale('bs', false)).toBe('sr-Latn-BA');
    expect(formattingLocale('bs', true)).toBe('bs');
    expect(formattingLocale('sr-Latn', true)).toBe('sr-Latn-BA');
    expect(formattingLocale('sr-Cyrl', true)).toBe('sr-Cyrl-BA');
    expect(formattingLocale('hr', false)).toBe('hr');
    expect(formattingLocale('en', false)).toBe('en-GB');
  });
});

describe('installLocalFormats', () => {
  // A copy of Intl, so the process's own stays as it is.
  const intl = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat, RelativeTimeFormat: Intl.RelativeTimeFormat } as typeof Intl;
  installLocalFormats(intl);
  const monday = new Date(Date.UTC(2026, 10, 30, 12));

  it('writes Serbian dates ijekavian, as in Bosnia and Herzegovina', () => {
    expect(new intl.DateTimeFormat('sr-Latn', { dateStyle: 'full', timeZone: 'UTC' }).format(monday)).toBe('ponedjeljak, 30. novembar 2026.');
    expect(new intl.DateTimeFormat('sr-Cyrl', { weekday: 'long', timeZone: 'UTC' }).format(monday)).toBe('понедјељак');
    expect(new intl.RelativeTimeFormat('sr-Latn').format(-5, 'minute')).toBe('prije 5 minuta');
  });

  it('keeps what formatters are: instances, prototypes and static methods', () => {
    const format = new intl.DateTimeFormat('bs');
    expect(format).toBeInstanceOf(Intl.DateTimeFormat);
    expect(intl.DateTimeFormat.supportedLocalesOf(['hr'])).toEqual(['hr']);
    expect(new intl.NumberFormat('bs').format(1234.5)).toBe('1.234,5');
  });
});
