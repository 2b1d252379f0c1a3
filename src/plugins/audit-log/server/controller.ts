import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';

const querySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  documentId: z
    .string()
    .regex(/^[a-z0-9]{1,64}$/)
    .optional(),
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /audit-log/entries: newest first; super admins only. */
  async find(ctx: Context) {
    const isSuperAdmin = strapi.service('admin::role').hasSuperAdminRole(ctx.state.user);
    if (!isSuperAdmin) throw new errors.ForbiddenError('Only super admins may read the audit log');
    const query = querySchema.safeParse(ctx.query);
    if (!query.success) throw new errors.ValidationError(query.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const { page, pageSize, documentId } = query.data;
    const where = documentId ? { subjectDocumentId: documentId } : {};
    const [results, total] = await Promise.all([
      strapi.db.query('plugin::audit-log.entry').findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      strapi.db.query('plugin::audit-log.entry').count({ where }),
    ]);
    ctx.body = { data: results, meta: { pagination: { page, pageSize, total } } };
  },
});
