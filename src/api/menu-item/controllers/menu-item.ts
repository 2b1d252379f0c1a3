import { factories } from '@strapi/strapi';
import { siteNavigation } from '../../../site-structure';

export default factories.createCoreController('api::menu-item.menu-item', ({ strapi }) => ({
  /** `GET /api/navigation`: the whole menu in one read, nested and ordered. */
  async navigation(ctx) {
    ctx.body = await siteNavigation(strapi, ctx.query);
  },
}));
