/**
 * Webhooks: partner URLs called on publish, unpublish and delete of the app's content, signed
 * with a per-webhook secret, retried with backoff, every delivery logged. Super admins manage
 * the webhooks and read the log in the Content Manager. Settings come from config/plugins.ts.
 */
import type { Core } from '@strapi/strapi';
import contentTypes from './server/content-types';
import deliveries from './server/deliveries';
import register from './server/register';

export default {
  register,
  contentTypes,
  services: { deliveries },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('webhooks').service('deliveries').start();
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('webhooks').service('deliveries').stop();
  },
};
