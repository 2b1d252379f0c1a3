import { fromPortable, toPortable, UnportableValueError } from '../values';

describe('toPortable', () => {
  it('writes timestamps as ISO instants, from a PostgreSQL Date or SQLite epoch milliseconds alike', () => {
    const instant = '2026-11-23T09:30:00.123Z';
    expect(toPortable(new Date(instant), 'datetime')).toBe(instant);
    expect(toPortable(Date.parse(instant), 'datetime')).toBe(instant);
    expect(toPortable(Date.parse(instant), 'timestamp')).toBe(instant);
  });

  it('parses JSON columns, so PostgreSQL and SQLite text of the same value agree', () => {
    expect(toPortable('{"b": 1, "a": [1, 2]}', 'jsonb')).toEqual({ a: [1, 2], b: 1 });
    expect(toPortable('{"a":[1,2],"b":1}', 'json')).toEqual({ a: [1, 2], b: 1 });
    expect(toPortable('"Čelinac"', 'jsonb')).toBe('Čelinac');
  });

  it('refuses a JSON column that does not hold JSON rather than guessing', () => {
    expect(() => toPortable('{oops', 'jsonb')).toThrow(UnportableValueError);
  });

  it('turns SQLite 0/1 into booleans and keeps everything else as it is', () => {
    expect(toPortable(1, 'boolean')).toBe(true);
    expect(toPortable(0, 'boolean')).toBe(false);
    expect(toPortable(false, 'boolean')).toBe(false);
    expect(toPortable('Шамац', 'string')).toBe('Шамац');
    expect(toPortable('9007199254740993', 'bigInteger')).toBe('9007199254740993');
    expect(toPortable('2026-11-23', 'date')).toBe('2026-11-23');
    expect(toPortable(undefined, 'text')).toBeNull();
  });

  it('refuses binary values instead of writing them as something else', () => {
    expect(() => toPortable(Buffer.from('x'), 'binary')).toThrow(UnportableValueError);
  });
});

describe('fromPortable', () => {
  it('gives the driver Dates for instants and JSON text for JSON columns', () => {
    expect(fromPortable('2026-11-23T09:30:00.123Z', 'datetime')).toEqual(new Date('2026-11-23T09:30:00.123Z'));
    expect(fromPortable({ a: [1, 2] }, 'jsonb')).toBe('{"a":[1,2]}');
    expect(fromPortable([], 'json')).toBe('[]');
    expect(fromPortable(null, 'jsonb')).toBeNull();
  });

  it('round-trips every portable value to the same portable value', () => {
    const samples: [unknown, string][] = [
      ['2026-01-02T03:04:05.006Z', 'datetime'],
      [{ nested: { list: ['ć', 'ђ'] } }, 'jsonb'],
      [true, 'boolean'],
      ['tekst', 'text'],
      [42, 'integer'],
    ];
    // What the driver is given is what it reads back (PostgreSQL: Date, JSON text).
    for (const [value, type] of samples) expect(toPortable(fromPortable(value, type), type)).toEqual(value);
  });
});
