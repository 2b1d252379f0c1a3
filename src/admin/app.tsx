/**
 * Admin panel settings. The panel works offline: it does not ask GitHub for Strapi releases.
 */
export default {
  config: {
    notifications: { releases: false },
  },
};
