/** Registers the response cache of src/cache (config/cache.ts). */
import type { Core } from '@strapi/strapi';
import { createResponseCacheMiddleware } from '../cache';
import { graphqlBodyReader } from './graphql-document';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => createResponseCacheMiddleware(strapi, graphqlBodyReader(strapi));
