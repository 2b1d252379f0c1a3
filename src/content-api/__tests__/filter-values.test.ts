import type { Attribute } from '../content-types';
import { filterValueProblem, unfilterableReason } from '../filter-values';

const of = (type: string, extra: Partial<Attribute> = {}): Attribute => ({ type, ...extra });

describe('filterValueProblem', () => {
  it.each([
    ['integer', '$eq', '42'],
    ['integer', '$lt', -2147483648],
    ['integer', '$gt', '+2147483647'],
    ['biginteger', '$eq', '9223372036854775807'],
    ['float', '$gt', '44.5'],
    ['decimal', '$lte', '1e3'],
    ['boolean', '$eq', 'true'],
    ['boolean', '$eq', 'F'],
    ['boolean', '$ne', false],
    ['date', '$gte', '2026-02-28'],
    ['datetime', '$gt', '2026-12-15T09:00:00Z'],
    ['datetime', '$gt', '2026-12-15T09:00:00.123+01:00'],
    ['datetime', '$lt', '2026-12-15'],
    ['datetime', '$lt', '1765789200000'],
    ['time', '$eq', '09:30:00'],
    ['string', '$containsi', 'šđčćž Ђура'],
    ['text', '$eq', 12],
    ['string', '$null', 'true'],
    ['integer', '$eq', null],
  ])('%s %s %j is accepted', (type, operator, value) => {
    expect(filterValueProblem(value, of(type), operator)).toBeUndefined();
  });

  it.each([
    ['integer', '$eq', 'abc', /whole number/],
    ['integer', '$eq', '2147483648', /whole number/],
    ['integer', '$eq', '1.5', /whole number/],
    ['integer', '$eq', '', /whole number/],
    ['biginteger', '$eq', '9223372036854775808', /whole number/],
    ['float', '$gt', 'x', /must be a number/],
    ['float', '$gt', 'Infinity', /must be a number/],
    ['boolean', '$eq', 'yes', /true or false/],
    ['date', '$eq', '2026-02-30', /YYYY-MM-DD/],
    ['date', '$eq', '15.12.2026.', /YYYY-MM-DD/],
    ['datetime', '$gt', 'tomorrow', /ISO 8601/],
    ['datetime', '$gt', '2026-13-01T00:00:00Z', /ISO 8601/],
    ['time', '$eq', '25:00:00', /HH:mm:ss/],
    ['time', '$eq', '09:30', /HH:mm:ss/],
    ['string', '$eq', 'a\u0000', /NUL/],
    ['date', '$containsi', '2026', /compares text/],
    ['boolean', '$notNull', 'x', /true or false/],
  ])('%s %s %j is refused', (type, operator, value, message) => {
    expect(filterValueProblem(value, of(type), operator)).toMatch(message);
  });

  it('holds enumerations to their values for exact comparisons only', () => {
    const kind = of('enumeration', { enum: ['news', 'story'] });
    expect(filterValueProblem('story', kind, '$eq')).toBeUndefined();
    expect(filterValueProblem('poem', kind, '$in')).toBe('must be one of news, story');
    expect(filterValueProblem('sto', kind, '$startsWith')).toBeUndefined();
  });

  it('names structured fields as not filterable', () => {
    expect(unfilterableReason(of('blocks'))).toBe('a blocks field cannot be filtered');
    expect(unfilterableReason(of('json'))).toBe('a json field cannot be filtered');
    expect(unfilterableReason(of('string'))).toBeUndefined();
  });
});
