import path from 'node:path';
import { graphqlErrorFormatter } from '../src/content-api/graphql-errors';
import { env } from '../src/env';
import { uploadProviderConfig } from '../src/media-storage';
import { UPLOAD_LIMIT_BYTES } from '../src/middlewares/upload-limit';
import { allowedHosts } from '../src/plugins/webhooks/server/target';

/** What editors may upload: photos and documents, never SVG (it can carry script). */
const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'];

export default () => ({
  upload: {
    config: {
      // The same limit the upload-limit middleware applies to the file as sent (Strapi's own check
      // comes after images are re-compressed).
      sizeLimit: UPLOAD_LIMIT_BYTES,
      security: { allowedTypes: UPLOAD_TYPES, deniedTypes: ['image/svg+xml'] },
      // Responsive formats made locally with sharp, besides the 245 px thumbnail.
      breakpoints: { large: 1600, medium: 1000, small: 600 },
      // The local disk, or an S3-compatible bucket (src/media-storage).
      ...uploadProviderConfig(env),
    },
  },
  'users-permissions': {
    config: { jwtSecret: env.JWT_SECRET },
  },
  // __dirname is dist/config when the server runs (it loads the compiled plugin) and config/
  // when `strapi build` reads this file (it bundles the plugin's admin sources).
  'serbian-cyrillic': {
    enabled: true,
    resolve: path.join(__dirname, '../src/plugins/serbian-cyrillic'),
  },
  'audit-log': {
    enabled: true,
    resolve: path.join(__dirname, '../src/plugins/audit-log'),
  },
  'content-history': {
    enabled: true,
    resolve: path.join(__dirname, '../src/plugins/content-history'),
    config: { keepVersions: env.HISTORY_KEEP_VERSIONS, keepDays: env.HISTORY_KEEP_DAYS, changesKeepDays: env.CHANGES_KEEP_DAYS },
  },
  webhooks: {
    enabled: true,
    resolve: path.join(__dirname, '../src/plugins/webhooks'),
    config: {
      retryDelaysMs: env.WEBHOOK_RETRY_DELAYS_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      pollIntervalMs: env.WEBHOOK_POLL_INTERVAL_MS,
      allowedHosts: allowedHosts(env.WEBHOOK_ALLOWED_HOSTS),
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      defaultLimit: 25,
      maxLimit: env.LIMIT_PAGE_SIZE,
      depthLimit: env.LIMIT_GRAPHQL_DEPTH,
      amountLimit: env.LIMIT_GRAPHQL_AMOUNT,
      // Relation fields load for all parents of a list at once (src/content-api/graphql-batching.ts);
      // false serves each parent's with Strapi's own resolver (the differential test compares them).
      batchRelations: true,
      // The Apollo landing page loads scripts from a CDN; this CMS stays offline.
      landingPage: false,
      // Apollo would stop itself on SIGTERM and fail the requests still in flight; the app's
      // own shutdown (src/lifecycle) drains them first.
      // Unexpected errors go out as an id only (never SQL or internals); the log has the rest.
      // CORS is strapi::cors's (the CORS_ORIGINS allowlist): the plugin's own answered `*` to any origin.
      apolloServer: { introspection: true, stopOnTerminationSignals: false, cors: false, formatError: graphqlErrorFormatter(() => strapi.log) },
    },
  },
});
