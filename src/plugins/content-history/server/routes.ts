const staffOnly = { policies: ['admin::isAuthenticatedAdmin'] };

/**
 * `GET /api/changes` (the content API's prefix, not the plugin's): public, as what it lists is.
 * The history panel's routes are the admin API's, under `/content-history`.
 */
export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [{ method: 'GET', path: '/changes', handler: 'feed.changes', config: { auth: false } }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/documents/:uid/:documentId/versions', handler: 'history.list', config: staffOnly },
      { method: 'GET', path: '/versions/:id', handler: 'history.findOne', config: staffOnly },
      { method: 'POST', path: '/versions/:id/restore', handler: 'history.restore', config: staffOnly },
      { method: 'GET', path: '/translations/coverage', handler: 'translations.coverage', config: staffOnly },
      { method: 'GET', path: '/translations/:uid/:documentId', handler: 'translations.findOne', config: staffOnly },
      { method: 'POST', path: '/translations/:uid/:documentId/confirm', handler: 'translations.confirm', config: staffOnly },
    ],
  },
};
