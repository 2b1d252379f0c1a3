import { parse } from '@formatjs/icu-messageformat-parser';
import { messageToCyrillic } from '../cyrillic';

describe('messageToCyrillic', () => {
  it('converts the text and keeps arguments, plural keywords and tags', () => {
    const converted = messageToCyrillic('{count, plural, one {# datoteka odabrana} few {# datoteke odabrane} other {# datoteka odabrano}}');
    expect(parse(converted)).toEqual(parse('{count, plural, one {# датотека одабрана} few {# датотеке одабране} other {# датотека одабрано}}'));
    expect(messageToCyrillic('Sačuvaj <b>{name}</b>')).toBe('Сачувај <b>{name}</b>');
  });

  it('keeps product names and acronyms in Latin', () => {
    expect(messageToCyrillic('Dobro došli u Strapi API i GraphQL')).toBe('Добро дошли у Strapi API и GraphQL');
  });

  it('gives a message that parses to the same arguments', () => {
    const message = 'Odabrano: {number, number} od {total, plural, one {# unosa} other {# unosa}} ({name})';
    expect(() => parse(messageToCyrillic(message))).not.toThrow();
    expect(messageToCyrillic(message)).toContain('{number, number}');
  });

  it('converts, around their syntax, the messages ICU cannot parse', () => {
    expect(messageToCyrillic('{status, select, OVER_LIMIT {Preko} AT_LIMIT {Na}} granice mjesta')).toBe('{status, select, OVER_LIMIT {Preko} AT_LIMIT {Na}} границе мјеста');
    expect(messageToCyrillic('npr. Strapi <no-reply@strapi.io>')).toBe('нпр. Strapi <no-reply@strapi.io>');
  });
});
