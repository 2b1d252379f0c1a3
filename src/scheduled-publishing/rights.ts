/**
 * Scheduling is publishing later, so it needs the right to publish: checked when a staff member
 * sets or changes "Publish at" (create, update, clone through the admin API), and again when the
 * time comes, against the rights the person who last saved the version holds at that moment
 * (blocked, deleted, or no longer allowed: the version stays a draft). A clone never inherits
 * its source's schedule.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const PUBLISH_AT = 'scheduledPublishAt';

type AdminState = { userAbility?: unknown; route?: { info?: { type?: string } } };
type PermissionChecker = { cannot: { publish: (entity?: object) => boolean } };
export type StaffMember = { id: number; email?: string | null; isActive?: boolean; blocked?: boolean };

const cannotPublish = (strapi: Core.Strapi, userAbility: unknown, uid: string, locale: unknown): boolean => {
  const permissions: PermissionChecker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid });
  return permissions.cannot.publish(typeof locale === 'string' ? { locale } : undefined);
};

/** Whether `member` may publish `uid` in `locale` now (active, not blocked, with the publish permission). */
export async function mayPublishNow(strapi: Core.Strapi, member: StaffMember | null | undefined, uid: UID.ContentType, locale: string): Promise<boolean> {
  if (!member || member.isActive === false || member.blocked) return false;
  const userAbility = await strapi.service('admin::permission').engine.generateUserAbility(member);
  return !cannotPublish(strapi, userAbility, uid, locale);
}

const toTime = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : new Date(value as string).getTime());

export function registerScheduleRightsCheck(strapi: Core.Strapi, scheduledTypes: readonly string[]): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!scheduledTypes.includes(context.uid) || !['create', 'update', 'clone'].includes(context.action)) return next();
    const params = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
    if (context.action === 'clone') params.data = { ...params.data, [PUBLISH_AT]: null };
    const state = strapi.requestContext.get()?.state as AdminState | undefined;
    const requested = toTime(params.data?.[PUBLISH_AT]);
    // Only staff requests are limited here; API tokens that may write may also publish.
    if (requested === null || !state?.userAbility || state.route?.info?.type !== 'admin') return next();
    const current = params.documentId
      ? await strapi.db.query(context.uid as UID.Schema).findOne({ where: { documentId: params.documentId, locale: params.locale, publishedAt: null }, select: [PUBLISH_AT] })
      : null;
    // The panel sends the whole form: an unchanged schedule is not a new one.
    if (toTime(current?.[PUBLISH_AT]) !== requested && cannotPublish(strapi, state.userAbility, context.uid, params.locale)) {
      // A validation error, so the panel shows the message at the field (a 403's message is replaced).
      const message = 'Scheduling publishes later, so it needs the right to publish; ask an editor to schedule it';
      throw new errors.ValidationError(message, { errors: [{ path: [PUBLISH_AT], message, name: 'ValidationError' }] });
    }
    return next();
  };
  strapi.documents.use(middleware);
}
