/**
 * PDFs under /uploads are served as downloads under their uploaded name (src/resources/disposition.ts),
 * whatever spelling of the path reached the file (`%70df`, `//`): decided on the answer's type,
 * after the file is found. Files in an S3 bucket are served by the bucket, outside this server.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { attachmentDisposition } from '../resources/disposition';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    await next();
    if (!ctx.path.startsWith('/uploads/') || !ctx.response.is('application/pdf')) return;
    // koa-send found the file, so the path decodes.
    const url = `/uploads/${path.posix.basename(decodeURIComponent(ctx.path))}`;
    const file = (await strapi.db.query('plugin::upload.file').findOne({ where: { url }, select: ['name'] })) as { name: string } | null;
    ctx.set('Content-Disposition', attachmentDisposition(file?.name ?? path.posix.basename(url)));
    ctx.set('X-Content-Type-Options', 'nosniff');
  };
