import type { Core } from '@strapi/strapi';
import { registerCacheInvalidation } from './cache';
import { answerCacheHitsEarly } from './cache/early';
import { ensureReadIndexes } from './database/indexes';
import { applyContentManagerLayouts } from './content-manager';
import { registerAltTextCheck } from './content-api/alt-text';
import { registerDateFieldValidation } from './content-api/date-fields';
import { registerGraphqlBatching } from './content-api/graphql-batching';
import { registerGraphqlLimits } from './content-api/graphql-limits';
import { registerLocaleFallback } from './content-api/locale-fallback';
import { registerMixedScriptCheck } from './content-api/mixed-script-check';
import { registerNamedDocuments } from './content-api/named-documents';
import { registerSharedAcrossLocales } from './content-api/locale-versions';
import { env } from './env';
import { registerFeeds } from './feeds';
import { registerOpenApi } from './openapi';
import { registerPreview } from './preview';
import { registerPublishedOnly } from './content-api/published-only';
import { registerQueryShapeCheck } from './content-api/query-shape';
import { registerLifecycle } from './lifecycle';
import { registerDefaultInterfaceLanguage } from './interface-language';
import { ensureLocales } from './locales';
import { closeRedis, connectRedis } from './redis';
import { ensureAdminRoles } from './permissions/admin-roles';
import { ensureFirstAdmin } from './permissions/first-admin';
import { registerLocaleCreationCheck } from './permissions/locale-creation';
import { registerTokenScope } from './permissions/token-scope';
import { registerWriteRights } from './permissions/write-rights';
import { grantPublicRead } from './permissions/public-read';
import { ensureSearchIndexes, registerSearch } from './search';
import { registerSlugGeneration } from './slugs';
import { seedIfEmpty } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Document Service middlewares run in this order: reads are checked, then narrowed, before
    // fallback fills them; writes are checked against the writer's rights, then get shared
    // fields, then a slug, then their search index.
    registerQueryShapeCheck(strapi);
    registerPublishedOnly(strapi);
    registerLocaleFallback(strapi);
    registerWriteRights(strapi);
    registerSharedAcrossLocales(strapi);
    registerSlugGeneration(strapi);
    registerSearch(strapi);
    registerDateFieldValidation(strapi);
    registerNamedDocuments(strapi);
    registerMixedScriptCheck(strapi);
    registerGraphqlLimits(strapi);
    registerGraphqlBatching(strapi);
    registerLocaleCreationCheck(strapi);
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
    await ensureReadIndexes(strapi);
    answerCacheHitsEarly(strapi);
  },

  async destroy() {
    await closeRedis();
  },
};
