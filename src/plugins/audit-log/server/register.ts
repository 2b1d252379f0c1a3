/**
 * Records every publish, unpublish, delete and draft discard of the app's content, whoever
 * does it (an editor in the admin panel, an API token, the system), after it succeeded. A
 * scheduled publish is recorded as its scheduler's ("scheduled by …"), and so is one refused
 * because the scheduler may no longer publish. Each entry names the instance that wrote it.
 */
import type { Core, Modules } from '@strapi/strapi';
import { instanceName } from '../../../instance';
import { actorOf, type Actor } from '../../../permissions/actor';

const AUDITED = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);
const ENTRY = 'plugin::audit-log.entry';

type Entry = Actor & { action: string; subject: string; subjectDocumentId?: string; subjectLocale: string | null };

export const recordAuditEntry = (strapi: Core.Strapi, entry: Entry) => strapi.db.query(ENTRY).create({ data: { ...entry, at: new Date(), instance: instanceName() } });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!AUDITED.has(context.action) || !context.uid.startsWith('api::')) return next();
    const result = await next();
    const params = context.params as { documentId?: string; locale?: unknown };
    await recordAuditEntry(strapi, {
      action: context.action,
      subject: context.uid,
      subjectDocumentId: params.documentId,
      subjectLocale: typeof params.locale === 'string' ? params.locale : null,
      ...actorOf(strapi),
    });
    return result;
  };
  strapi.documents.use(middleware);
  // Staff-only: never part of the public GraphQL schema.
  strapi.plugin('graphql')?.service('extension').shadowCRUD(ENTRY).disable();
};
