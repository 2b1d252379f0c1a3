import { periodProblem } from '..';

describe('periodProblem', () => {
  it('refuses a period that ends before it starts, at that field', () => {
    expect(
      periodProblem('unit', [
        { periodStart: '2011-01-01', periodEnd: '2012-12-31' },
        { periodStart: '2013-01-01', periodEnd: '2012-12-31' },
      ])
    ).toEqual({
      path: ['periods', 1, 'periodEnd'],
      message: 'Period 2 ends (2012-12-31) before it starts (2013-01-01)',
    });
  });

  it('keeps percentages at most 100, overall and per municipality, and counts without a ceiling', () => {
    expect(periodProblem('percentage', [{ periodStart: '2012-01-01', periodEnd: '2012-12-31', target: 80, municipalities: [{ actual: '120' }] }])?.message).toBe(
      'Period 1 has 120: a percentage is at most 100'
    );
    expect(periodProblem('percentage', [{ target: 100, actual: null, municipalities: [{ target: 0 }] }])).toBeUndefined();
    expect(periodProblem('unit', [{ target: 5000 }])).toBeUndefined();
  });
});
