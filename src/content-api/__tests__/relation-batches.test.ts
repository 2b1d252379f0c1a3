import { createBatcher, loadedAll, pageOf, rowCap, splitPage } from '../relation-batches';

describe('createBatcher', () => {
  it('answers the loads made while one step resolves with one call, in their order', async () => {
    const calls: number[][] = [];
    const load = createBatcher<number, string>(async (keys) => (calls.push(keys), keys.map((key) => `#${key}`)), String);
    // Each caller awaits once before loading, as the GraphQL resolvers do.
    const answers = await Promise.all([3, 1, 2].map(async (key) => (await Promise.resolve(), load(key))));
    expect(answers).toEqual(['#3', '#1', '#2']);
    expect(calls).toEqual([[3, 1, 2]]);
  });

  it('answers a key it has loaded from memory and batches later loads anew', async () => {
    const calls: number[][] = [];
    const load = createBatcher<number, number>(async (keys) => (calls.push(keys), keys.map((key) => key * 10)), String);
    expect(await Promise.all([load(1), load(1)])).toEqual([10, 10]);
    expect(await Promise.all([load(1), load(2)])).toEqual([10, 20]);
    expect(calls).toEqual([[1], [2]]);
  });

  it('rejects the keys answered with an error, and every key when the batch fails', async () => {
    const perKey = createBatcher<number, number>(async (keys) => keys.map((key) => (key === 2 ? new Error('no 2') : key)), String);
    await expect(Promise.all([perKey(1), perKey(2).catch((error: Error) => error.message)])).resolves.toEqual([1, 'no 2']);
    const failing = createBatcher<number, number>(async () => Promise.reject(new Error('database down')), String);
    await expect(Promise.allSettled([failing(1), failing(2)])).resolves.toEqual([
      { status: 'rejected', reason: new Error('database down') },
      { status: 'rejected', reason: new Error('database down') },
    ]);
  });
});

describe('pages', () => {
  it('splits the page off a query; no limit or -1 means every row', () => {
    expect(splitPage({ where: { a: 1 }, offset: 5, limit: 10 })).toEqual({ unpaged: { where: { a: 1 } }, offset: 5, end: 15 });
    expect(splitPage({ limit: -1 })).toEqual({ unpaged: {}, offset: 0, end: undefined });
    expect(splitPage({})).toEqual({ unpaged: {}, offset: 0, end: undefined });
  });

  it('cuts a parent’s page from its rows', () => {
    expect(pageOf([1, 2, 3, 4, 5], 1, 3)).toEqual([2, 3]);
    expect(pageOf([1, 2], 0, undefined)).toEqual([1, 2]);
    expect(pageOf([1, 2], 5, 10)).toEqual([]);
  });

  it('caps a read one row above what every page plus the reads it replaces would take', () => {
    expect(rowCap(25, 2, 100)).toBe(25 * 102 + 1);
    expect(rowCap(25, undefined, 100)).toBeUndefined();
    expect(loadedAll(2550, 2551)).toBe(true);
    expect(loadedAll(2551, 2551)).toBe(false);
    expect(loadedAll(1_000_000, undefined)).toBe(true);
  });
});
