import type { Core } from '@strapi/strapi';
import { env } from '../src/env';
import { publishDueVersions } from '../src/scheduled-publishing';

/** Strapi's cron (config/server.ts): each instance runs these; the tasks make that safe. */
export default {
  scheduledPublishing: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await publishDueVersions(strapi);
    },
    options: { rule: env.SCHEDULED_PUBLISH_RULE },
  },
};
