/**
 * rate-limiter-flexible's in-memory counter store, the one RateLimiterMemory wraps in a promise
 * (src/rate-limit counts with it directly, at once). The package ships no types for it.
 */
declare module 'rate-limiter-flexible/lib/component/MemoryStorage' {
  import type { RateLimiterRes } from 'rate-limiter-flexible';

  class MemoryStorage {
    /** Adds `value` to the key's count in its window (a new window of `durationSec` if none is open). */
    incrby(key: string, value: number, durationSec: number): RateLimiterRes;
  }
  export = MemoryStorage;
}
