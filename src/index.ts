import type { Core } from '@strapi/strapi';
import { registerPublishedOnly } from './content-api/published-only';
import { ensureLocales } from './locales';
import { grantPublicRead } from './permissions/public-read';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPublishedOnly(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await grantPublicRead(strapi);
  },
};
