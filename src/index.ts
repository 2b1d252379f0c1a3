import type { Core } from '@strapi/strapi';
import { registerDateFieldValidation } from './content-api/date-fields';
import { registerGraphqlPagination } from './content-api/graphql-pagination';
import { registerLocaleFallback } from './content-api/locale-fallback';
import { registerMixedScriptCheck } from './content-api/mixed-script-check';
import { registerSharedAcrossLocales } from './content-api/locale-versions';
import { registerPublishedOnly } from './content-api/published-only';
import { ensureLocales } from './locales';
import { grantPublicRead } from './permissions/public-read';
import { ensureSearchIndexes, registerSearch } from './search';
import { registerSlugGeneration } from './slugs';
import { seedIfEmpty } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Document Service middlewares run in this order: reads are narrowed before fallback fills
    // them; writes get shared fields, then a slug, then their search index.
    registerPublishedOnly(strapi);
    registerLocaleFallback(strapi);
    registerSharedAcrossLocales(strapi);
    registerSlugGeneration(strapi);
    registerSearch(strapi);
    registerDateFieldValidation(strapi);
    registerMixedScriptCheck(strapi);
    registerGraphqlPagination(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await grantPublicRead(strapi);
    await seedIfEmpty(strapi);
    await ensureSearchIndexes(strapi);
  },
};
