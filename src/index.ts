import type { Core } from '@strapi/strapi';
import { registerCacheInvalidation } from './cache';
import { ensureSortKeys, registerSortKeys } from './collation';
import { registerDocumentPipeline } from './document-pipeline';
import { answerCacheHitsEarly } from './cache/early';
import { ensureReadIndexes } from './database/indexes';
import { applyContentManagerLayouts } from './content-manager';
import { registerAltTextCheck } from './content-api/alt-text';
import { registerGraphqlBatching } from './content-api/graphql-batching';
import { registerGraphqlLimits } from './content-api/graphql-limits';
import { ensureServedFlags, registerServedFlags } from './content-api/served-versions';
import { env } from './env';
import { registerFeeds } from './feeds';
import { registerOpenApi } from './openapi';
import { registerPreview } from './preview';
import { closeReadinessProbe, registerLifecycle } from './lifecycle';
import { registerDefaultInterfaceLanguage } from './interface-language';
import { ensureLocales } from './locales';
import { closeRedis, connectRedis } from './redis';
import { ensureAdminRoles } from './permissions/admin-roles';
import { ensureFirstAdmin } from './permissions/first-admin';
import { registerTokenScope } from './permissions/token-scope';
import { grantPublicRead } from './permissions/public-read';
import { ensureSearchIndexes } from './search';
import { seedIfEmpty } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerSortKeys(strapi);
    registerServedFlags(strapi);
    registerDocumentPipeline(strapi);
    registerGraphqlLimits(strapi);
    registerGraphqlBatching(strapi);
    registerTokenScope(strapi);
    registerLifecycle(strapi);
    registerFeeds(strapi);
    registerOpenApi(strapi);
    registerPreview(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerCacheInvalidation(strapi);
    registerDefaultInterfaceLanguage(strapi);
    registerAltTextCheck(strapi);
    await connectRedis(strapi, env.REDIS_URL);
    await ensureLocales(strapi);
    await grantPublicRead(strapi);
    await ensureAdminRoles(strapi);
    await ensureFirstAdmin(strapi, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    await applyContentManagerLayouts(strapi);
    await seedIfEmpty(strapi);
    await ensureSearchIndexes(strapi);
    await ensureSortKeys(strapi);
    await ensureServedFlags(strapi);
    await ensureReadIndexes(strapi);
    answerCacheHitsEarly(strapi);
  },

  async destroy() {
    await closeReadinessProbe();
    await closeRedis();
  },
};
