/**
 * What a super admin may save as a webhook, beyond what the schema checks: an http(s) URL, a
 * secret long enough to sign with, known events and content types. On update a blank secret
 * means "keep the current one": the secret is never sent back, so the edit form has none.
 */
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { WEBHOOK_EVENTS } from './events';

export const MIN_SECRET_LENGTH = 32;

const rules = (contentTypes: readonly string[]) => ({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2048),
  secret: z
    .string({ error: `is required, at least ${MIN_SECRET_LENGTH} characters` })
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)
    .max(256),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: `must be among ${WEBHOOK_EVENTS.join(', ')}` })).min(1, 'must name at least one event'),
  contentTypes: z.array(z.enum(contentTypes as [string, ...string[]], { error: `must be among ${contentTypes.join(', ')}` })).nullable(),
});

/** The data to save; a ValidationError (400) names each wrong field. Other fields pass through. */
export function checkWebhookInput(data: Record<string, unknown>, { creating, contentTypes }: { creating: boolean; contentTypes: readonly string[] }): Record<string, unknown> {
  const input = { ...data };
  if (!creating && (input.secret === '' || input.secret === null)) delete input.secret;
  const fields = z.looseObject(rules(contentTypes));
  const schema = creating ? fields.partial({ contentTypes: true }) : fields.partial();
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new errors.ValidationError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return result.data;
}
