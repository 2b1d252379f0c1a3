import { changedFields, sameInstant } from '../write-rights';

describe('changedFields', () => {
  it('names the fields that differ in any version, once, sorted', () => {
    const before = new Map([
      [1, { publicationDate: '2026-11-23', municipalities: ['a'], cover: { url: '/x.jpg' } }],
      [2, { publicationDate: '2026-11-23', municipalities: [] }],
    ]);
    const after = new Map([
      [1, { publicationDate: '2027-01-05', municipalities: ['a'], cover: { url: '/x.jpg' } }],
      [2, { publicationDate: '2027-01-05', municipalities: ['b'] }],
    ]);
    expect(changedFields(before, after)).toEqual(['municipalities', 'publicationDate']);
  });

  it('finds nothing when the values are equal, deeply', () => {
    const state = () => new Map([[1, { cover: { url: '/x.jpg', formats: { small: { width: 600 } } }, municipalities: ['a', 'b'] }]]);
    expect(changedFields(state(), state())).toEqual([]);
  });

  it('counts a field that appeared or vanished, and a reordering of links', () => {
    expect(changedFields(new Map([[1, { municipalities: ['a', 'b'] }]]), new Map([[1, { municipalities: ['b', 'a'], cover: null }]]))).toEqual(['cover', 'municipalities']);
  });
});

describe('sameInstant', () => {
  it('compares moments, not spellings', () => {
    expect(sameInstant(new Date('2026-11-23T10:00:00.000Z'), '2026-11-23T11:00:00+01:00')).toBe(true);
    expect(sameInstant('2026-11-23T10:00:00.000Z', '2026-11-23T10:00:01.000Z')).toBe(false);
  });

  it('treats empty as empty only', () => {
    expect(sameInstant(null, undefined)).toBe(true);
    expect(sameInstant(null, '2026-11-23T10:00:00.000Z')).toBe(false);
    expect(sameInstant('2026-11-23T10:00:00.000Z', null)).toBe(false);
  });

  it('never takes an unreadable time for the stored one', () => {
    expect(sameInstant('2026-11-23T10:00:00.000Z', 'soon')).toBe(false);
  });
});
