/**
 * Which of Strapi's entry events a webhook hears, and the body it gets for one. Pure: the
 * plugin feeds it the events of `strapi.eventHub` (emitted after the write is committed).
 */
export const WEBHOOK_EVENTS = ['entry.publish', 'entry.unpublish', 'entry.delete'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The locale version an event is about. */
export type Subject = { type: string; documentId: string; locale: string | null };

/** What Strapi's document service emits: one event per database row written. */
export type EntryEventPayload = {
  uid?: string;
  entry?: { documentId?: unknown; locale?: unknown; publishedAt?: unknown } | null;
};

/**
 * The subject of an entry event, or null when webhooks ignore it: anything but the app's own
 * content (`api::…`). Deleting a locale deletes its draft row and, if published, its published
 * row, each with an event; with draft & publish the draft always exists, so it alone stands for
 * the locale and a partner hears of each deleted locale once.
 */
export function subjectOf(event: WebhookEvent, payload: EntryEventPayload, hasDraftAndPublish: boolean): Subject | null {
  const { uid, entry } = payload;
  if (!uid?.startsWith('api::') || typeof entry?.documentId !== 'string') return null;
  if (event === 'entry.delete' && hasDraftAndPublish && entry.publishedAt) return null;
  return { type: uid, documentId: entry.documentId, locale: typeof entry.locale === 'string' ? entry.locale : null };
}

/** A webhook's subscription, as stored. `contentTypes` empty or null: every type. */
export type Subscription = { enabled: boolean; events: unknown; contentTypes: unknown };

export const subscribes = (webhook: Subscription, event: WebhookEvent, type: string): boolean =>
  webhook.enabled &&
  Array.isArray(webhook.events) &&
  webhook.events.includes(event) &&
  (!Array.isArray(webhook.contentTypes) || webhook.contentTypes.length === 0 || webhook.contentTypes.includes(type));

/**
 * The JSON body a webhook receives; stored with the delivery and sent as is on every attempt.
 * `cursor` is a place in `GET /api/changes` at or after this change: a mirror that follows the
 * feed from its own cursor to this one has seen it.
 */
export const deliveryBody = (deliveryId: string, event: WebhookEvent, subject: Subject, occurredAt: Date, cursor: string): string =>
  JSON.stringify({
    id: deliveryId,
    event,
    type: subject.type,
    documentId: subject.documentId,
    locale: subject.locale,
    occurredAt: occurredAt.toISOString(),
    cursor,
  });
