/**
 * PDFs under /uploads are served as downloads under their uploaded name (src/resources/disposition.ts).
 * Files in an S3 bucket are served by the bucket, outside this server.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { attachmentDisposition } from '../resources/disposition';

const UPLOADED_PDF = /^\/uploads\/[^/]+\.pdf$/i;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && UPLOADED_PDF.test(ctx.path)) {
      const file = (await strapi.db.query('plugin::upload.file').findOne({ where: { url: ctx.path }, select: ['name'] })) as { name: string } | null;
      ctx.set('Content-Disposition', attachmentDisposition(file?.name ?? path.basename(ctx.path)));
      ctx.set('X-Content-Type-Options', 'nosniff');
    }
    return next();
  };
