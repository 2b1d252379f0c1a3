/**
 * Where cached responses live: an LRU bounded in bytes inside the process (the default), or
 * Redis when several instances should share them (entries expire there after a day, so keys
 * that nobody asks for again do not pile up).
 */
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { deserializeEntry, entrySize, serializeEntry, type CacheEntry } from './entry';

export interface ResponseStore {
  /** The entry, at once when it is in this process. */
  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
}

export class MemoryStore implements ResponseStore {
  private readonly entries: LRUCache<string, CacheEntry>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: entrySize });
  }

  get(key: string) {
    return this.entries.get(key);
  }

  async set(key: string, entry: CacheEntry) {
    // Larger than the whole budget: LRUCache would refuse it anyway; say so by not trying.
    if (entrySize(entry) <= this.entries.maxSize) this.entries.set(key, entry);
  }
}

const REDIS_TTL_SECONDS = 24 * 60 * 60;

export class RedisStore implements ResponseStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string
  ) {}

  /** Request keys can be long (GraphQL documents); Redis gets a digest of each. */
  private redisKey(key: string) {
    return `${this.prefix}${createHash('sha1').update(key).digest('base64url')}`;
  }

  async get(key: string) {
    const buffer = await this.redis.getBuffer(this.redisKey(key));
    return buffer ? deserializeEntry(buffer) : undefined;
  }

  async set(key: string, entry: CacheEntry) {
    await this.redis.set(this.redisKey(key), serializeEntry(entry), 'EX', REDIS_TTL_SECONDS);
  }
}
