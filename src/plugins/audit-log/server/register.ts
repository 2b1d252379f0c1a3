/**
 * Records every publish, unpublish, delete and draft discard of the app's content, whoever
 * does it (an editor in the admin panel, an API token, the system), after it succeeded. A
 * scheduled publish is recorded as its scheduler's ("scheduled by …"), and so is one refused
 * because the scheduler may no longer publish. Each entry names the instance that wrote it.
 */
import type { Core, Modules } from '@strapi/strapi';
import { instanceName } from '../../../instance';
import { actingStaff, type StaffMember } from '../../../permissions/acting-staff';

const AUDITED = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);
const ENTRY = 'plugin::audit-log.entry';

type RequestState = {
  user?: { id: number; email?: string };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
};

/** The person behind a scheduled publish. */
export const schedulerActor = (user: StaffMember) => ({ actorType: 'admin', actorId: String(user.id), actorName: `scheduled by ${user.email ?? `user ${user.id}`}` });

const actorOf = (strapi: Core.Strapi, state: RequestState | undefined) => {
  const staff = actingStaff(strapi);
  if (staff?.scheduled) return schedulerActor(staff.user);
  if (state?.user?.email) return { actorType: 'admin', actorId: String(state.user.id), actorName: state.user.email };
  if (state?.auth?.strategy?.name === 'content-api-token' && state.auth.credentials) {
    return { actorType: 'api-token', actorId: String(state.auth.credentials.id ?? ''), actorName: state.auth.credentials.name ?? null };
  }
  return { actorType: 'system', actorId: null, actorName: null };
};

type Entry = { action: string; subject: string; subjectDocumentId?: string; subjectLocale: string | null; actorType: string; actorId: string | null; actorName: string | null };

export const recordAuditEntry = (strapi: Core.Strapi, entry: Entry) => strapi.db.query(ENTRY).create({ data: { ...entry, at: new Date(), instance: instanceName() } });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!AUDITED.has(context.action) || !context.uid.startsWith('api::')) return next();
    const result = await next();
    const params = context.params as { documentId?: string; locale?: unknown };
    const state = strapi.requestContext.get()?.state as RequestState | undefined;
    await recordAuditEntry(strapi, {
      action: context.action,
      subject: context.uid,
      subjectDocumentId: params.documentId,
      subjectLocale: typeof params.locale === 'string' ? params.locale : null,
      ...actorOf(strapi, state),
    });
    return result;
  };
  strapi.documents.use(middleware);
  // Staff-only: never part of the public GraphQL schema.
  strapi.plugin('graphql')?.service('extension').shadowCRUD(ENTRY).disable();
};
