/** `GET /api/changes` (the content API's prefix, not the plugin's): public, as what it lists is. */
export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [{ method: 'GET', path: '/changes', handler: 'feed.changes', config: { auth: false } }],
  },
};
