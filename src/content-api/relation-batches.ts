/**
 * The pure parts of GraphQL's batched relation loading (graphql-batching.ts): collecting the
 * loads one execution step asks for into one call, and cutting each parent's page out of the
 * rows loaded for all parents at once.
 */

/** Loads many keys at once; answers one value (or error) per key, in the keys' order. */
export type BatchLoad<K, V> = (keys: K[]) => Promise<Array<V | Error>>;

/**
 * Collects the `load` calls made while the current microtasks run and answers them with one
 * `loadMany` call. GraphQL resolves a field for every entry of a list before any of those
 * resolvers' promises settle, so one relation on a page of parents becomes one batch. Keys
 * already loaded in this batcher's lifetime (one request) are answered from memory.
 */
export function createBatcher<K, V>(loadMany: BatchLoad<K, V>, cacheKey: (key: K) => string): (key: K) => Promise<V> {
  const answered = new Map<string, Promise<V>>();
  let pending: Array<{ key: K; resolve: (value: V) => void; reject: (error: unknown) => void }> = [];

  const dispatch = async () => {
    const batch = pending;
    pending = [];
    try {
      const values = await loadMany(batch.map((item) => item.key));
      batch.forEach((item, index) => {
        const value = values[index];
        if (value instanceof Error) item.reject(value);
        else item.resolve(value);
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };

  return (key) => {
    const id = cacheKey(key);
    const known = answered.get(id);
    if (known) return known;
    const promise = new Promise<V>((resolve, reject) => {
      // After the microtasks already queued (the sibling resolvers' awaits), as DataLoader does.
      if (pending.length === 0) void Promise.resolve().then(() => process.nextTick(dispatch));
      pending.push({ key, resolve, reject });
    });
    answered.set(id, promise);
    return promise;
  };
}

/** A Strapi database query's page, and the query without it (to load every parent's rows at once). */
export function splitPage<Q extends { offset?: unknown; limit?: unknown }>(query: Q): { unpaged: Omit<Q, 'offset' | 'limit'>; offset: number; end: number | undefined } {
  const { offset, limit, ...unpaged } = query;
  const start = Number(offset ?? 0);
  // Strapi reads a limit of -1 (or none) as "all of them".
  const count = limit === undefined || limit === null || Number(limit) < 0 ? undefined : Number(limit);
  return { unpaged, offset: start, end: count === undefined ? undefined : start + count };
}

/**
 * How many rows to load for `parents` parents at once: one more than their pages could show
 * together, plus `rowsPerParentRead` for each parent (what reading a parent's links on its own
 * would cost, priced in rows), so a short answer proves it holds every parent's rows and a full
 * one cost no more than the reads it replaces. Undefined: no page, so no cap.
 */
export const rowCap = (parents: number, end: number | undefined, rowsPerParentRead: number): number | undefined =>
  end === undefined ? undefined : parents * (end + rowsPerParentRead) + 1;

/** Whether rows loaded under `cap` are all there are (the cap was not reached). */
export const loadedAll = (rows: number, cap: number | undefined): boolean => cap === undefined || rows < cap;

/** A parent's page of its rows (in the order loaded). */
export const pageOf = <T>(rows: T[], offset: number, end: number | undefined): T[] => rows.slice(offset, end);
