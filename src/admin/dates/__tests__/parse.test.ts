import fc from 'fast-check';
import { fromInstant, monthWeeks, readDay, readTime, showDay, showTime, toInstant } from '../parse';

describe('readDay', () => {
  it.each([
    ['15.12.2026.', '2026-12-15'],
    ['15.12.2026', '2026-12-15'],
    ['05.03.2027', '2027-03-05'],
    ['5.3.2027.', '2027-03-05'],
    ['15. 12. 2026.', '2026-12-15'],
    [' 2027-03-05 ', '2027-03-05'],
    ['29.02.2028.', '2028-02-29'],
  ])('reads %s as %s', (typed, value) => {
    expect(readDay(typed)).toEqual({ kind: 'value', value });
  });

  it.each(['03/05/2027', '5.3.27', 'sutra', '15.12.', '2027-3-5', '15-12-2026', '1.1.2026.x'])('refuses %s as unreadable', (typed) => {
    expect(readDay(typed)).toEqual({ kind: 'unreadable' });
  });

  it.each(['31.02.2027.', '29.02.2027.', '00.01.2026.', '15.13.2026.', '2027-02-30'])('refuses %s: impossible', (typed) => {
    expect(readDay(typed)).toEqual({ kind: 'impossible' });
  });

  it('reads nothing typed as empty', () => {
    expect(readDay('  ')).toEqual({ kind: 'empty' });
  });

  it('reads back every day it shows', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (value) => expect(readDay(showDay(value))).toEqual({ kind: 'value', value })));
  });
});

describe('readTime', () => {
  it.each([
    ['18:07', '18:07'],
    ['18.07', '18:07'],
    ['9:05', '09:05'],
    ['18', '18:00'],
    ['18h', '18:00'],
    ['00:00', '00:00'],
  ])('reads %s as %s', (typed, value) => {
    expect(readTime(typed)).toEqual({ kind: 'value', value });
  });

  it.each(['6 pm', '18:7', 'podne', '18:07:30'])('refuses %s', (typed) => {
    expect(readTime(typed).kind).toBe('unreadable');
  });

  it.each(['24:00', '18:60'])('refuses %s: no such time', (typed) => {
    expect(readTime(typed).kind).toBe('impossible');
  });

  it('shows stored times as typed', () => {
    expect(showTime('18:07:00.000')).toBe('18:07');
    expect(showTime(null)).toBe('');
  });
});

describe('instants', () => {
  it('keeps the minute the editor typed, on the editor clock', () => {
    const instant = toInstant('2026-12-15', '18:07');
    expect(fromInstant(instant)).toEqual({ day: '2026-12-15', time: '18:07' });
    expect(new Date(instant).getMinutes()).toBe(7);
  });

  it('reads nothing from what is not an instant', () => {
    expect(fromInstant('nije datum')).toBeUndefined();
    expect(fromInstant(null)).toBeUndefined();
  });
});

describe('monthWeeks', () => {
  it('starts every week on Monday and holds the whole month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const weeks = monthWeeks(year, month);
        for (const week of weeks) expect(new Date(`${week[0]}T00:00:00Z`).getUTCDay()).toBe(1);
        const days = weeks.flat().filter((day) => day.startsWith(`${year}-${String(month).padStart(2, '0')}`));
        expect(days.length).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      })
    );
  });

  it('shows December 2026 from Monday 30 November', () => {
    const weeks = monthWeeks(2026, 12);
    expect(weeks[0][0]).toBe('2026-11-30');
    expect(weeks[0][1]).toBe('2026-12-01');
    expect(weeks.length).toBe(5);
  });
});
