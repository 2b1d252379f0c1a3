/**
 * Rate limits for the content API (REST and GraphQL) and the sign-in endpoints:
 * - per API token for requests that carry one (partners' tokens may get more than the public),
 * - per client IP otherwise, and always per IP on sign-in and password endpoints, tighter;
 * beyond a limit a request gets 429 with Retry-After. Counters live in Redis when REDIS_URL is
 * set, so every instance shares them (in memory if Redis stops answering), else in memory.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { LRUCache } from 'lru-cache';
import { contentApiPaths } from '../content-api/content-types';
import { redisClient } from '../redis';

export type RateLimits = { publicPerMinute: number; tokenPerMinute: number; authPerMinute: number };

/** Sign-in, sign-up and password endpoints of the admin panel and of users-permissions. */
const AUTH_PATHS = /^\/(admin\/(login|register-admin|register|forgot-password|reset-password|renew-token)|api\/auth\/|api\/connect\/)/i;

/** Counts one request of a key: resolves with the window's state, or refuses (throws or rejects) with it. */
type Counter = { consume(key: string): RateLimiterRes | Promise<RateLimiterRes> };

type Bucket = { counter: Counter; key: string; limit: number };

/** What the rate limit reads of a request: Koa's context, or the cache's early view of it. */
export type LimitedRequest = { path: string; ip: string; get(name: string): string };

/**
 * Counts a request against its bucket: sets the RateLimit-* headers, or throws a 429 error. At
 * once when the counts are in this process; with Redis, a promise.
 */
export type RateLimitCheck = (request: LimitedRequest, setHeader: (name: string, value: string) => void) => void | Promise<void>;

/** Keys one in-memory counter keeps at most (the least recently seen go first). */
const MAX_COUNTED_KEYS = 100_000;

/**
 * RateLimiterMemory's rule (a fixed window per key; refused beyond `points`) counted at once,
 * without its promise: on Node 20 every promise runs the async hooks of Strapi's request
 * context, and a cached 304 answered early reached 60 % of the raw ceiling counting through
 * RateLimiterMemory's promise, 67 % counting at once (docs/performance.md).
 */
class MemoryCounter implements Counter {
  private readonly windows: LRUCache<string, { consumed: number; endsAt: number }>;

  constructor(
    private readonly points: number,
    private readonly durationSeconds: number
  ) {
    // A window is forgotten when it ends (the cache's time to live), so the next request opens a new one.
    this.windows = new LRUCache({ max: MAX_COUNTED_KEYS, ttl: durationSeconds * 1000 });
  }

  consume(key: string): RateLimiterRes {
    const now = Date.now();
    let window = this.windows.get(key);
    const isFirstInDuration = window === undefined;
    if (!window) {
      window = { consumed: 0, endsAt: now + this.durationSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.consumed += 1;
    const state = new RateLimiterRes(Math.max(this.points - window.consumed, 0), window.endsAt - now, window.consumed, isFirstInDuration);
    if (window.consumed > this.points) throw state;
    return state;
  }
}

const checks = new WeakMap<Core.Strapi, RateLimitCheck>();

/** The app's one rate limit check (config/limits.ts), shared by the middleware and the cache's early answers. */
export function rateLimitCheck(strapi: Core.Strapi): RateLimitCheck {
  let check = checks.get(strapi);
  if (!check) {
    const { rate, redisUrl } = strapi.config.get('limits') as { rate: RateLimits; redisUrl?: string };
    check = createRateLimitCheck(strapi, rate, redisUrl);
    checks.set(strapi, check);
  }
  return check;
}

function createRateLimitCheck(strapi: Core.Strapi, limits: RateLimits, redisUrl?: string): RateLimitCheck {
  const { restPrefix, graphqlPath } = contentApiPaths(strapi);
  const redis = redisUrl ? redisClient(strapi, redisUrl) : undefined;

  const counter = (name: string, points: number): Counter => {
    const options = { keyPrefix: `spis:rate:${name}`, points, duration: 60 };
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) }) : new MemoryCounter(points, options.duration);
  };
  const counters = {
    public: counter('ip', limits.publicPerMinute),
    token: counter('token', limits.tokenPerMinute),
    auth: counter('auth', limits.authPerMinute),
  };

  const bucketFor = (path: string, ip: string, authorization: string | undefined): Bucket | undefined => {
    if (AUTH_PATHS.test(path)) return { counter: counters.auth, key: ip, limit: limits.authPerMinute };
    if (!path.startsWith(restPrefix) && path !== graphqlPath) return undefined;
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return { counter: counters.public, key: ip, limit: limits.publicPerMinute };
    // Keyed by a hash: the token itself never reaches Redis.
    return { counter: counters.token, key: createHash('sha256').update(token).digest('hex'), limit: limits.tokenPerMinute };
  };

  return (request, setHeader) => {
    const bucket = bucketFor(request.path.toLowerCase(), request.ip, request.get('Authorization') || undefined);
    if (!bucket) return;
    setHeader('RateLimit-Limit', String(bucket.limit));
    const counted = (state: RateLimiterRes) => setHeader('RateLimit-Remaining', String(state.remainingPoints));
    const refused = (rejection: unknown): never => {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      setHeader('Retry-After', String(retryAfter));
      setHeader('RateLimit-Remaining', '0');
      throw new errors.RateLimitError(`Too many requests; try again in ${retryAfter} s`, { retryAfter });
    };
    let state: RateLimiterRes | Promise<RateLimiterRes>;
    try {
      state = bucket.counter.consume(bucket.key);
    } catch (rejection) {
      return refused(rejection);
    }
    return state instanceof Promise ? state.then(counted, refused) : counted(state);
  };
}

export function createRateLimitMiddleware(strapi: Core.Strapi): Core.MiddlewareHandler {
  const check = rateLimitCheck(strapi);
  return async (ctx, next) => {
    await check(ctx, (name, value) => ctx.set(name, value));
    return next();
  };
}
