/**
 * Records every publish, unpublish, delete and draft discard of the app's content, whoever
 * does it (an editor in the admin panel, an API token, the system), after it succeeded.
 */
import type { Core, Modules } from '@strapi/strapi';

const AUDITED = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);
const ENTRY = 'plugin::audit-log.entry';

type RequestState = {
  user?: { id: number; email?: string };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
};

const actorOf = (state: RequestState | undefined) => {
  if (state?.user?.email) return { actorType: 'admin', actorId: String(state.user.id), actorName: state.user.email };
  if (state?.auth?.strategy?.name === 'content-api-token' && state.auth.credentials) {
    return { actorType: 'api-token', actorId: String(state.auth.credentials.id ?? ''), actorName: state.auth.credentials.name ?? null };
  }
  return { actorType: 'system', actorId: null, actorName: null };
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!AUDITED.has(context.action) || !context.uid.startsWith('api::')) return next();
    const result = await next();
    const params = context.params as { documentId?: string; locale?: unknown };
    const state = strapi.requestContext.get()?.state as RequestState | undefined;
    await strapi.db.query(ENTRY).create({
      data: {
        action: context.action,
        subject: context.uid,
        subjectDocumentId: params.documentId,
        subjectLocale: typeof params.locale === 'string' ? params.locale : null,
        ...actorOf(state),
        at: new Date(),
      },
    });
    return result;
  };
  strapi.documents.use(middleware);
  // Staff-only: never part of the public GraphQL schema.
  strapi.plugin('graphql')?.service('extension').shadowCRUD(ENTRY).disable();
};
