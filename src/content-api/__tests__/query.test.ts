import { findFilterProblem, findPaginationProblem, findQueryProblem, nestingDepth } from '../query';

const LIMITS = { pageSize: 100, filterDepth: 6, queryParams: 100 };

describe('findPaginationProblem', () => {
  it.each([
    [{ page: '2', pageSize: '25' }],
    [{ page: 2, pageSize: 100 }],
    [{ start: '0', limit: '100' }],
    [{ pageSize: '10', withCount: 'false' }],
    [{ page: 1, withCount: true }],
    [undefined],
  ])('accepts %j', (pagination) => {
    expect(findPaginationProblem(pagination, 100)).toBeUndefined();
  });

  it.each([
    [{ pageSize: '101' }, 'pagination[pageSize] must be between 1 and 100'],
    [{ pageSize: 1000 }, 'pagination[pageSize] must be between 1 and 100'],
    [{ pageSize: '1e3' }, 'pagination[pageSize] must be a whole number'],
    [{ page: '0' }, 'pagination[page] must be between 1 and 1000000'],
    [{ page: 2.5 }, 'pagination[page] must be a whole number'],
    [{ limit: '-1' }, 'pagination[limit] must be between 1 and 100'],
    [{ start: '-5' }, 'pagination[start] must be between 0 and 100000000'],
    [{ page: '1', limit: '10' }, 'pagination takes either page and pageSize, or start and limit (at most 100 per page)'],
    [{ size: '10' }, 'pagination takes either page and pageSize, or start and limit (at most 100 per page)'],
    ['10', 'pagination takes either page and pageSize, or start and limit (at most 100 per page)'],
    [{ withCount: 'yes' }, 'pagination[withCount] must be true or false'],
  ])('rejects %j: %s', (pagination, message) => {
    expect(findPaginationProblem(pagination, 100)).toBe(message);
  });
});

describe('limits', () => {
  it('uses the configured page size', () => {
    expect(findPaginationProblem({ pageSize: '30' }, 25)).toBe('pagination[pageSize] must be between 1 and 25');
    expect(findPaginationProblem({ pageSize: '25' }, 25)).toBeUndefined();
  });

  it('measures filter nesting', () => {
    expect(nestingDepth(undefined)).toBe(0);
    expect(nestingDepth({ name: { $eq: 'Gacko' } })).toBe(2);
    expect(nestingDepth({ $or: [{ name: { $eq: 'a' } }] })).toBe(4);
    expect(findFilterProblem({ $or: [{ name: { $eq: 'a' } }] }, 4)).toBeUndefined();
    expect(findFilterProblem({ $or: [{ $and: [{ name: { $eq: 'a' } }] }] }, 4)).toBe('filters nest deeper than 4 levels');
  });
});

describe('findQueryProblem', () => {
  it('checks status', () => {
    expect(findQueryProblem({ status: 'draft' }, LIMITS)).toBeUndefined();
    expect(findQueryProblem({ status: 'deleted' }, LIMITS)).toEqual({ param: 'status', message: 'status must be published or draft' });
  });

  it('checks filter depth', () => {
    const deep = { $and: [{ $and: [{ $and: [{ name: { $eq: 'x' } }] }] }] };
    expect(findQueryProblem({ filters: deep }, LIMITS)).toEqual({ param: 'filters', message: 'filters nest deeper than 6 levels' });
  });

  it('leaves the parameters Strapi checks itself to Strapi', () => {
    expect(findQueryProblem({ filters: { name: { $eq: 'Gacko' } }, sort: 'name', populate: '*' }, LIMITS)).toBeUndefined();
  });
});
