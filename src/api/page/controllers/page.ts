import { factories } from '@strapi/strapi';
import { pageByPath } from '../../../site-structure';

export default factories.createCoreController('api::page.page', ({ strapi }) => ({
  /** `GET /api/pages/by-path/<path>`: for partner routers that know a page by its address. */
  async findByPath(ctx) {
    const { entry, path, meta } = await pageByPath(strapi, ctx.params.path, ctx.query);
    const data = (await strapi.contentAPI.sanitize.output(entry, strapi.contentType('api::page.page'), { auth: ctx.state.auth })) as Record<string, unknown>;
    ctx.body = { data: { ...data, path }, meta };
  },
}));
