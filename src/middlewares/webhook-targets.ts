/**
 * Strapi's own webhooks (Settings › Webhooks) get the same rule as the app's: a URL whose host
 * is not public is refused when it is saved (400 at the `url` field), before Strapi's handler.
 * Deliveries of those webhooks are Strapi's and are not re-checked; the app's own webhooks
 * (src/plugins/webhooks) are, before every attempt.
 */
import type { Core } from '@strapi/strapi';
import type { WebhookSettings } from '../plugins/webhooks/server/deliveries';
import { assertWebhookTargetMaySave } from '../plugins/webhooks/server/target';

const SAVES_WEBHOOK = [
  { method: 'POST', path: /^\/admin\/webhooks$/ },
  { method: 'PUT', path: /^\/admin\/webhooks\/[^/]+$/ },
];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (!SAVES_WEBHOOK.some(({ method, path }) => ctx.method === method && path.test(ctx.path))) return next();
    const url = (ctx.request.body as { url?: unknown } | undefined)?.url;
    if (typeof url !== 'string') return next();
    await assertWebhookTargetMaySave(url, (strapi.config.get('plugin::webhooks') as WebhookSettings).allowedHosts);
    return next();
  };
