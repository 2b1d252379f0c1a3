/** Registers src/database/availability.ts: 503 while the database is unreachable. */
import type { Core } from '@strapi/strapi';
import { createDatabaseAvailabilityMiddleware } from '../database/availability';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => createDatabaseAvailabilityMiddleware(strapi);
