/**
 * Stock Strapi's content manager checks only that an editor may create *some* version, not one
 * in *that* locale: a Croatian translator could create a Bosnian document, or write the Serbian
 * Cyrillic version of one (a new locale version is made by saving the document in that locale,
 * an update). This Document Service middleware checks the locale of every version an admin
 * request is about to create against the editor's create permission for that locale.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type AdminState = { userAbility?: unknown; route?: { info?: { type?: string } } };
type PermissionChecker = { cannot: { create: (entity?: object) => boolean } };

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function localeCreationCheck(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const state = strapi.requestContext.get()?.state as AdminState | undefined;
    const params = context.params as { documentId?: string; locale?: unknown };
    const creates = context.action === 'create' || context.action === 'update';
    if (!creates || !context.uid.startsWith('api::') || !state?.userAbility || state.route?.info?.type !== 'admin') return next();
    if (typeof params.locale !== 'string') return next();
    const exists = params.documentId ? await strapi.db.query(context.uid as UID.Schema).count({ where: { documentId: params.documentId, locale: params.locale } }) : 0;
    if (exists === 0) {
      const permissions: PermissionChecker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: state.userAbility, model: context.uid });
      if (permissions.cannot.create({ locale: params.locale })) {
        throw new errors.ForbiddenError(`You may not create ${params.locale} versions`);
      }
    }
    return next();
  };
  return middleware;
}
