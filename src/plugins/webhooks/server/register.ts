/**
 * Webhooks are managed by super admins in the Content Manager. Its saves go through the
 * Document Service, where this middleware checks them (a clear 400, never a 500) and takes the
 * secret out of every answer: it is written, never read back (the sender reads the row itself).
 */
import type { Core, Modules } from '@strapi/strapi';
import { apiContentTypeUids } from '../../../content-api/content-types';
import { DELIVERY, WEBHOOK, type WebhookSettings } from './deliveries';
import { assertWebhookTargetMaySave } from './target';
import { checkWebhookInput } from './webhook-input';

const withoutSecret = (result: unknown): unknown => {
  if (Array.isArray(result)) return result.map(withoutSecret);
  if (!result || typeof result !== 'object') return result;
  const { secret: _secret, ...rest } = result as Record<string, unknown>;
  return 'entries' in rest ? { ...rest, entries: withoutSecret(rest.entries) } : rest;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== WEBHOOK) return next();
    if (context.action === 'create' || context.action === 'update') {
      const params = context.params as { data?: Record<string, unknown> };
      params.data = checkWebhookInput(params.data ?? {}, { creating: context.action === 'create', contentTypes: apiContentTypeUids(strapi) });
      if (typeof params.data.url === 'string') {
        await assertWebhookTargetMaySave(params.data.url, (strapi.config.get('plugin::webhooks') as WebhookSettings).allowedHosts);
      }
    }
    return withoutSecret(await next()) as Awaited<ReturnType<typeof next>>;
  };
  strapi.documents.use(middleware);
  // Staff-only: never part of the public GraphQL schema.
  for (const uid of [WEBHOOK, DELIVERY]) strapi.plugin('graphql')?.service('extension').shadowCRUD(uid).disable();
};
