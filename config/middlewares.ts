import { env } from '../src/env';
import { mediaOrigin } from '../src/media-storage';

const bodyLimit = `${env.LIMIT_BODY_KB}kb`;

/** Images and media: from here, and from the bucket (or its CDN) when files live in S3. */
const mediaSources = ["'self' data: blob:", mediaOrigin(env)].filter(Boolean).join(' ');

/** Request lines are logged at `http`; below that level they would be formatted only to be dropped. */
const logsRequests = ['http', 'verbose', 'debug'].includes(env.LOG_LEVEL);

export default [
  ...(logsRequests ? ['strapi::logger'] : []),
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      // Strapi's defaults, minus the outside hosts: the admin panel works offline, and script
      // injected into it could not send data anywhere but back here. (Strings, not lists, so
      // Strapi's own defaults are replaced rather than merged in.)
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': "'self'",
          'img-src': mediaSources,
          'media-src': mediaSources,
          'font-src': "'self' data:",
          // The admin panel's styled-components write inline styles.
          'style-src': "'self' 'unsafe-inline'",
          upgradeInsecureRequests: null,
        },
      },
      // HTTPS only, remembered for a year, once deployed behind TLS.
      hsts: env.NODE_ENV === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    },
  },
  {
    name: 'strapi::cors',
    // Any origin in development; in production the PUBLIC_URL origin and CORS_ORIGINS only.
    // No credentials: partners send tokens, not cookies (and with credentials Strapi answered a
    // request without Origin with an empty Access-Control-Allow-Origin).
    config: { origin: env.CORS_ORIGINS, credentials: false },
  },
  'global::rate-limit',
  // Early, so a hit skips the rest; only 200s are stored, so requests the checks below refuse never hit.
  'global::response-cache',
  // After the cache (stale-if-error): pages already cached stay readable while the database is
  // down; only what must be read from it is refused with 503.
  'global::database-availability',
  // What the cache did not answer reads the database in one transaction.
  'global::read-transaction',
  // No strapi::poweredBy: the server does not announce what it runs.
  'strapi::query',
  'global::content-api-query',
  // Each read entry's translation state in `meta.translation` (before the cache stores the body).
  'global::translation-meta',
  {
    name: 'strapi::body',
    config: { jsonLimit: bodyLimit, formLimit: bodyLimit, textLimit: bodyLimit },
  },
  // Each uploaded file as sent, against UPLOAD_MAX_MB.
  'global::upload-limit',
  'global::staff-passwords',
  'global::webhook-targets',
  'global::graphql-document',
  // The Content Manager's help texts and refusals in each staff member's language; Strapi's AI-off 404s as what they mean.
  'global::localized-views',
  'global::panel-refusals',
  // Relation pickers search like the list: diacritic-, case- and script-blind, every text field.
  'global::relation-pickers',
  'global::ai-features-off',
  'strapi::session',
  'strapi::favicon',
  // Uploaded PDFs as downloads with a safe file name.
  'global::download-disposition',
  'strapi::public',
];
