/** Registers the rate limits of src/rate-limit with the values of config/limits.ts. */
import type { Core } from '@strapi/strapi';
import { createRateLimitMiddleware, type RateLimits } from '../rate-limit';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const { rate, redisUrl } = strapi.config.get('limits') as { rate: RateLimits; redisUrl?: string };
  return createRateLimitMiddleware(strapi, rate, redisUrl);
};
