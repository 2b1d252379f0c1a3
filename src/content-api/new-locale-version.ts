/**
 * A new locale version of a document starts with the document's shared (non-localized) fields,
 * so a client adding a Croatian title need not resend the slug or dates. Stock Strapi checks the
 * new version before its i18n copies them, and refuses it.
 */
import type { Core, Modules, UID } from '@strapi/strapi';

type Attribute = { type: string; pluginOptions?: { i18n?: { localized?: boolean } } };

const SCALAR_TYPES = new Set([
  'string', 'text', 'richtext', 'blocks', 'email', 'uid', 'enumeration', 'integer', 'biginteger',
  'float', 'decimal', 'boolean', 'date', 'time', 'datetime', 'timestamp', 'json',
]);

export function registerNewLocaleDefaults(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const params = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
    if (context.action !== 'update' || !context.uid.startsWith('api::') || !params.documentId || typeof params.locale !== 'string' || !params.data) {
      return next();
    }
    const uid = context.uid as UID.ContentType;
    const versions = strapi.db.query(uid);
    if ((await versions.count({ where: { documentId: params.documentId, locale: params.locale } })) > 0) return next();

    const attributes = strapi.getModel(uid).attributes as Record<string, Attribute>;
    const shared = Object.keys(attributes).filter(
      (name) => SCALAR_TYPES.has(attributes[name].type) && attributes[name].pluginOptions?.i18n?.localized === false
    );
    const existing = await versions.findOne({ where: { documentId: params.documentId }, select: shared, orderBy: { id: 'asc' } });
    if (existing) {
      for (const name of shared) if (!(name in params.data) && existing[name] !== null) params.data[name] = existing[name];
    }
    return next();
  };
  strapi.documents.use(middleware);
}
