/** Registers the rate limits of src/rate-limit with the values of config/limits.ts. */
import type { Core } from '@strapi/strapi';
import { createRateLimitMiddleware } from '../rate-limit';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => createRateLimitMiddleware(strapi);
