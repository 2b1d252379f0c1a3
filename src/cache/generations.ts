/**
 * A counter per content type, raised whenever one of its rows changes; ALL's counter rises with
 * every change. A cached response remembers the counters of its tags when it was made and is
 * served only while they are unchanged, so invalidation is one increment, however many
 * responses it drops. In memory for one instance; in a Redis hash when several instances share
 * the cache, read on every lookup, so a change made on one instance shows on the next request
 * to any other.
 */
import type Redis from 'ioredis';
import { ALL } from './tags';

export interface Generations {
  /** The counters of these tags, in order (at once when they are in this process). */
  read(tags: readonly string[]): number[] | Promise<number[]>;
  /** Raises the counters of these content types, and ALL's. */
  raise(uids: readonly string[]): Promise<void>;
}

export const sameGenerations = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, index) => value === b[index]);

export class MemoryGenerations implements Generations {
  private readonly counters = new Map<string, number>();

  read(tags: readonly string[]): number[] {
    return tags.map((tag) => this.counters.get(tag) ?? 0);
  }

  async raise(uids: readonly string[]): Promise<void> {
    for (const tag of new Set([...uids, ALL])) this.counters.set(tag, (this.counters.get(tag) ?? 0) + 1);
  }
}

export class RedisGenerations implements Generations {
  constructor(
    private readonly redis: Redis,
    private readonly key: string
  ) {}

  async read(tags: readonly string[]): Promise<number[]> {
    if (tags.length === 0) return [];
    const values = await this.redis.hmget(this.key, ...tags);
    return values.map((value) => Number(value ?? 0));
  }

  async raise(uids: readonly string[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const tag of new Set([...uids, ALL])) pipeline.hincrby(this.key, tag, 1);
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }
}
