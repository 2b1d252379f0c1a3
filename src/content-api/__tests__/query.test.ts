import { findPaginationProblem, findQueryProblem } from '../query';

describe('findPaginationProblem', () => {
  it.each([
    [{ page: '2', pageSize: '25' }],
    [{ page: 2, pageSize: 100 }],
    [{ start: '0', limit: '100' }],
    [{ pageSize: '10', withCount: 'false' }],
    [{ page: 1, withCount: true }],
    [undefined],
  ])('accepts %j', (pagination) => {
    expect(findPaginationProblem(pagination)).toBeUndefined();
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
    expect(findPaginationProblem(pagination)).toBe(message);
  });
});

describe('findQueryProblem', () => {
  it('checks status', () => {
    expect(findQueryProblem({ status: 'draft' })).toBeUndefined();
    expect(findQueryProblem({ status: 'deleted' })).toEqual({ param: 'status', message: 'status must be published or draft' });
  });

  it('leaves the parameters Strapi checks itself to Strapi', () => {
    expect(findQueryProblem({ filters: { name: { $eq: 'Gacko' } }, sort: 'name', populate: '*' })).toBeUndefined();
  });
});
