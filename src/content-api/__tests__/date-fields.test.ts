import { findBadDateField } from '../date-fields';

const attributes = { title: { type: 'string' }, startDate: { type: 'date' }, startTime: { type: 'time' }, at: { type: 'datetime' } };

describe('findBadDateField', () => {
  it('accepts well-formed values and empty ones', () => {
    expect(findBadDateField(attributes, { title: 'x', startDate: '2012-02-29', startTime: '09:30', at: '2012-11-19T09:00:00+01:00' })).toBeUndefined();
    expect(findBadDateField(attributes, { startDate: null, startTime: undefined })).toBeUndefined();
  });

  it.each([
    [{ startDate: '2012-02-30' }, 'date', 'startDate must be a date (YYYY-MM-DD)'],
    [{ startDate: '23.02.2012' }, 'date', 'startDate must be a date (YYYY-MM-DD)'],
    [{ startDate: 20120223 }, 'date', 'startDate must be a date (YYYY-MM-DD)'],
    [{ startTime: '25:00' }, 'time', 'startTime must be a time (HH:mm or HH:mm:ss)'],
    [{ at: 'tomorrow' }, 'datetime', 'at must be an ISO 8601 date-time'],
  ])('names the field of %j and the kind of value it wants', (data, kind, message) => {
    expect(findBadDateField(attributes, data)).toEqual({ field: Object.keys(data)[0], kind, message });
  });
});
