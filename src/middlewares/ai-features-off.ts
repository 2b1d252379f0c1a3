/**
 * This CMS runs without Strapi's AI features (config/admin.ts `ai.enabled: false`; they would call
 * Strapi's cloud). The panel still asks on every edit view whether they are configured, and Strapi
 * answers "off" with 404s, which browsers log as errors (~170 per sign-in). Those answers become
 * what they mean: 200, nothing configured, no translation job. The Media Library asks for its
 * settings only to know whether AI metadata is on; staff without the settings permission (every
 * editor) get a 403 there, answered as "AI metadata off" — no setting is revealed.
 */
import type { Core } from '@strapi/strapi';

const OFF_ANSWERS: Array<{ status: number; path: RegExp; body: unknown }> = [
  { status: 404, path: /^\/admin\/ai-feature-config$/, body: { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } } },
  { status: 404, path: /^\/i18n\/ai-localization-jobs\/(collection-types\/[^/]+\/[^/]+|single-types\/[^/]+)$/, body: { data: null } },
  { status: 403, path: /^\/upload\/settings$/, body: { data: { aiMetadata: false } } },
];

const offAnswer = (method: string, path: string, status: number) =>
  method === 'GET' ? OFF_ANSWERS.find((answer) => answer.status === status && answer.path.test(path)) : undefined;

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    // A refused policy is thrown (a PolicyError, answered 403 by strapi::errors), not answered.
    const refused = (error as { name?: string }).name === 'PolicyError';
    const off = offAnswer(ctx.method, ctx.path, refused ? 403 : 500);
    if (!off) throw error;
    ctx.status = 200;
    ctx.body = off.body;
    return;
  }
  const off = offAnswer(ctx.method, ctx.path, ctx.status);
  if (!off) return;
  ctx.status = 200;
  ctx.body = off.body;
};
