import { env } from '../src/env';

/**
 * The response cache of public reads (src/cache). Shared by all instances through Redis when
 * REDIS_URL is set; several instances without Redis would each miss the others' changes.
 */
export default {
  enabled: env.CACHE_ENABLED,
  maxBytes: env.CACHE_MAX_MB * 1024 * 1024,
  maxAgeSeconds: env.CACHE_MAX_AGE_SECONDS,
  staleWhileRevalidateSeconds: env.CACHE_STALE_WHILE_REVALIDATE_SECONDS,
  redisUrl: env.REDIS_URL,
};
