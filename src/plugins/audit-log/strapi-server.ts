/**
 * Audit log: who published, unpublished or deleted what, and when. Entries are written by a
 * Document Service middleware (server/register.ts) and read by super admins at
 * GET /audit-log/entries. Compiled with the app, like the other local plugins.
 */
import controller from './server/controller';
import contentTypes from './server/content-types';
import register from './server/register';

export default {
  register,
  contentTypes,
  controllers: { entries: controller },
  routes: {
    admin: {
      type: 'admin',
      routes: [{ method: 'GET', path: '/entries', handler: 'entries.find', config: { policies: ['admin::isAuthenticatedAdmin'] } }],
    },
  },
};
