/**
 * Content history: every write of the app's content, on every path into it, recorded as
 * versions (who, how, which fields, the values) in the write's own transaction; and the feed of
 * published changes partner mirrors follow (`GET /api/changes`, GraphQL's `contentChanges`).
 * Retention from config/plugins.ts.
 */
import type { Core } from '@strapi/strapi';
import { ensureFeedEpoch } from './server/change-feed';
import contentTypes from './server/content-types';
import feed from './server/feed-api';
import { registerContentHistoryGraphql } from './server/graphql';
import history from './server/history-admin';
import translations from './server/translations-admin';
import { CHANGE, historyRecording, VERSION } from './server/recording';
import { pruneHistory, type Retention } from './server/retention';
import routes from './server/routes';
import { TRANSLATION } from './server/translations';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(historyRecording(strapi));
    // Staff-only: never part of the public GraphQL schema.
    for (const uid of [VERSION, CHANGE, TRANSLATION]) strapi.plugin('graphql')?.service('extension').shadowCRUD(uid).disable();
    // What readers may see of them: the feed (`contentChanges`) and each type's `translation`.
    registerContentHistoryGraphql(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureFeedEpoch(strapi);
  },
  contentTypes,
  controllers: { feed, history, translations },
  routes,
  services: {
    retention: ({ strapi }: { strapi: Core.Strapi }) => ({
      prune: (now?: Date) => pruneHistory(strapi, strapi.config.get('plugin::content-history') as Retention, now),
    }),
  },
};
