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
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { contentApiPaths } from '../content-api/content-types';
import { redisClient } from '../redis';

export type RateLimits = { publicPerMinute: number; tokenPerMinute: number; authPerMinute: number };

/** Sign-in, sign-up and password endpoints of the admin panel and of users-permissions. */
const AUTH_PATHS = /^\/(admin\/(login|register-admin|register|forgot-password|reset-password|renew-token)|api\/auth\/|api\/connect\/)/i;

type Bucket = { limiter: RateLimiterAbstract; key: string; limit: number };

export function createRateLimitMiddleware(strapi: Core.Strapi, limits: RateLimits, redisUrl?: string): Core.MiddlewareHandler {
  const { restPrefix, graphqlPath } = contentApiPaths(strapi);
  const redis = redisUrl ? redisClient(strapi, redisUrl) : undefined;

  const limiter = (name: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix: `spis:rate:${name}`, points, duration: 60 };
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
  };
  const limiters = {
    public: limiter('ip', limits.publicPerMinute),
    token: limiter('token', limits.tokenPerMinute),
    auth: limiter('auth', limits.authPerMinute),
  };

  const bucketFor = (path: string, ip: string, authorization: string | undefined): Bucket | undefined => {
    if (AUTH_PATHS.test(path)) return { limiter: limiters.auth, key: ip, limit: limits.authPerMinute };
    if (!path.startsWith(restPrefix) && path !== graphqlPath) return undefined;
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return { limiter: limiters.public, key: ip, limit: limits.publicPerMinute };
    // Keyed by a hash: the token itself never reaches Redis.
    return { limiter: limiters.token, key: createHash('sha256').update(token).digest('hex'), limit: limits.tokenPerMinute };
  };

  return async (ctx, next) => {
    const bucket = bucketFor(ctx.path.toLowerCase(), ctx.ip, ctx.get('Authorization') || undefined);
    if (!bucket) return next();
    ctx.set('RateLimit-Limit', String(bucket.limit));
    let state: RateLimiterRes;
    try {
      state = await bucket.limiter.consume(bucket.key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(retryAfter));
      ctx.set('RateLimit-Remaining', '0');
      throw new errors.RateLimitError(`Too many requests; try again in ${retryAfter} s`, { retryAfter });
    }
    ctx.set('RateLimit-Remaining', String(state.remainingPoints));
    return next();
  };
}
