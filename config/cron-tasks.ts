import type { Core } from '@strapi/strapi';
import { env } from '../src/env';
import { publishDueVersions } from '../src/scheduled-publishing';

/** Strapi's cron (config/server.ts): each instance runs these; the tasks make that safe. */
export default {
  scheduledPublishing: {
    /** Resolves to how many versions this instance published. */
    task: ({ strapi }: { strapi: Core.Strapi }) => publishDueVersions(strapi),
    options: { rule: env.SCHEDULED_PUBLISH_RULE },
  },
  contentHistoryRetention: {
    /** Resolves to how many versions and feed changes were pruned. */
    task: ({ strapi }: { strapi: Core.Strapi }) => strapi.plugin('content-history').service('retention').prune(),
    options: { rule: '17 3 * * *' },
  },
};
