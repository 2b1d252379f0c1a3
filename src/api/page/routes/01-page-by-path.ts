/** The page at a path of slugs, for partner routers (src/site-structure); public, published pages only. */
export default {
  routes: [{ method: 'GET', path: '/pages/by-path/:path(.*)', handler: 'page.findByPath', config: { auth: false } }],
};
