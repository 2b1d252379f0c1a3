import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { VersionExistsError } from './service';

const paramsSchema = z.strictObject({
  model: z.string().regex(/^api::[\w-]+\.[\w-]+$/, 'must be a content type of the app, e.g. api::news-article.news-article'),
  documentId: z.string().regex(/^[a-z0-9]{1,64}$/, 'must be a documentId'),
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /serbian-cyrillic/collection-types/:model/:documentId → 201 with the new draft. */
  async create(ctx: Context) {
    const params = paramsSchema.safeParse(ctx.params);
    if (!params.success) {
      throw new errors.ValidationError('Invalid request', {
        errors: params.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      });
    }
    const { userAbility, user } = ctx.state;
    try {
      const version = await strapi
        .plugin('serbian-cyrillic')
        .service('cyrillic-version')
        .create({ ...params.data, userAbility, user });
      ctx.created({ data: version });
    } catch (error) {
      if (error instanceof VersionExistsError) return ctx.conflict(error.message);
      throw error;
    }
  },
});
