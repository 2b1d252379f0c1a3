/** The site's menu as one tree (src/site-structure); public, published items only. */
export default {
  routes: [{ method: 'GET', path: '/navigation', handler: 'menu-item.navigation', config: { auth: false } }],
};
