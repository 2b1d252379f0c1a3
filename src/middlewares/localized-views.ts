/**
 * Content Manager help texts in the reader's interface language (src/content-manager/localized-views.ts):
 * applied to the panel's answers after Strapi has made them, for the signed-in staff member.
 */
import type { Core } from '@strapi/strapi';
import { localizeConfiguration, type ConfigurationAnswer } from '../content-manager/localized-views';
import { contentTexts } from '../content-manager/texts';
import { DEFAULT_INTERFACE_LANGUAGE } from '../interface-language';

const CONFIGURATION = /^\/content-manager\/(content-types|components)\/[^/]+\/configuration$/;

type StaffMember = { preferedLanguage?: string | null };

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  await next();
  if (ctx.method !== 'GET' || ctx.status !== 200 || !CONFIGURATION.test(ctx.path) || !ctx.body || typeof ctx.body !== 'object') return;
  const texts = contentTexts((ctx.state.user as StaffMember | undefined)?.preferedLanguage ?? DEFAULT_INTERFACE_LANGUAGE);
  // A copy: the answer may share objects with what Strapi keeps for everyone.
  const answer = structuredClone(ctx.body);
  localizeConfiguration(answer as ConfigurationAnswer, texts);
  ctx.body = answer;
};
