/**
 * Sends the deliveries: one row per event and matching webhook is written first, so retries
 * survive a restart; then the first attempt runs in the background, and a poller takes the
 * retries when they fall due. Each attempt is claimed with a conditional UPDATE on the attempt
 * count, so two instances never send the same attempt twice; an attempt whose instance died
 * before recording it is made again after the claim's lease (receivers tell a repeat by its
 * X-SPIS-Delivery id). Nothing here ever fails or delays the request that published,
 * unpublished or deleted.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { contentTypes as contentTypeUtils } from '@strapi/utils';
import { cursorAfter } from '../../content-history/server/change-feed';
import { deliveryBody, subjectOf, subscribes, WEBHOOK_EVENTS, type EntryEventPayload, type Subject, type WebhookEvent } from './events';
import { afterAttempt, type AttemptResult } from './schedule';
import { SIGNATURE_HEADER, signatureOf } from './signature';
import { webhookTargetProblem } from './target';

export const WEBHOOK = 'plugin::webhooks.webhook';
export const DELIVERY = 'plugin::webhooks.delivery';

/** Due deliveries taken per poll; the rest wait for the next one. */
const POLL_BATCH = 20;

export type WebhookSettings = { retryDelaysMs: number[]; timeoutMs: number; pollIntervalMs: number; allowedHosts: string[] };

type Webhook = { id: number; url: string; secret: string | null; enabled: boolean; events: unknown; contentTypes: unknown };
type Delivery = {
  id: number;
  deliveryId: string;
  event: WebhookEvent;
  state: string;
  attempts: number;
  nextAttemptAt: string | Date | null;
  body: string;
  webhook: Webhook | null;
};

/** Why fetch threw, short: `ECONNREFUSED`, a timeout… (read by shape: fetch's errors may come from another realm). */
const describeFailure = (error: unknown, timeoutMs: number): string => {
  const failure = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return failure.cause?.code ?? failure.cause?.message ?? failure.message ?? String(error);
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('plugin::webhooks') as WebhookSettings;
  const inFlight = new Set<Promise<void>>();
  let pollTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Runs work detached from the caller; errors are logged, never thrown at it. */
  const inBackground = (task: () => Promise<void>) => {
    if (stopped) return;
    const work: Promise<void> = task()
      .catch((error: Error) => {
        strapi.log.error(`webhooks: ${error.message}`);
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  };

  async function enqueue(event: WebhookEvent, subject: Subject): Promise<void> {
    const webhooks: Webhook[] = await strapi.db.query(WEBHOOK).findMany({ where: { enabled: true } });
    const subscribed = webhooks.filter((candidate) => subscribes(candidate, event, subject.type));
    if (subscribed.length === 0) return;
    const now = new Date();
    const cursor = await cursorAfter(strapi, subject);
    for (const webhook of subscribed) {
      const deliveryId = randomUUID();
      const data = {
        webhook: webhook.id,
        deliveryId,
        event,
        contentType: subject.type,
        subjectDocumentId: subject.documentId,
        locale: subject.locale,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        body: deliveryBody(deliveryId, event, subject, now, cursor),
      };
      // One transaction: Strapi writes the row and its link to the webhook separately, and the
      // poller must never see a delivery without its webhook.
      const delivery = await strapi.db.transaction(() => strapi.db.query(DELIVERY).create({ data }));
      inBackground(() => attempt(delivery.id));
    }
  }

  async function send(delivery: Delivery, timeoutMs: number): Promise<AttemptResult> {
    const { webhook } = delivery;
    if (!webhook) return { responseStatus: null, error: 'the webhook was deleted', retryable: false };
    if (!webhook.enabled) return { responseStatus: null, error: 'the webhook is disabled', retryable: false };
    // A backup restores webhooks without their secrets (src/backup/scope.ts).
    if (!webhook.secret) return { responseStatus: null, error: 'the webhook has no secret', retryable: false };
    // Again at every delivery: the host may resolve somewhere else since it was saved.
    const refused = await webhookTargetProblem(webhook.url, settings().allowedHosts, { unresolved: 'refuse' });
    if (refused) return { responseStatus: null, error: `not sent: the URL ${refused}`, retryable: false };
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'SPIS-CMS-Webhooks',
          'X-SPIS-Event': delivery.event,
          'X-SPIS-Delivery': delivery.deliveryId,
          [SIGNATURE_HEADER]: signatureOf(delivery.body, webhook.secret),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return { responseStatus: response.status, error: response.ok ? null : `HTTP ${response.status}`, retryable: true };
    } catch (error) {
      return { responseStatus: null, error: describeFailure(error, timeoutMs), retryable: true };
    }
  }

  /** Makes the next attempt of a delivery if it is due and no other attempt claimed it first. */
  async function attempt(id: number): Promise<void> {
    const delivery: Delivery | null = await strapi.db.query(DELIVERY).findOne({ where: { id }, populate: { webhook: true } });
    if (!delivery || delivery.state !== 'pending' || new Date(delivery.nextAttemptAt ?? 0).getTime() > Date.now()) return;
    const { retryDelaysMs, timeoutMs } = settings();
    const attempts = delivery.attempts + 1;
    const claim = await strapi.db.query(DELIVERY).updateMany({
      where: { id, state: 'pending', attempts: delivery.attempts },
      // The claim's lease: an attempt still unrecorded this long after the request's timeout
      // was lost with its instance (a crash) and is made again, with the same delivery id.
      data: { attempts, nextAttemptAt: new Date(Date.now() + timeoutMs + Math.max(timeoutMs, 5_000)) },
    });
    if (claim.count !== 1) return;
    const result = await send(delivery, timeoutMs);
    await strapi.db.query(DELIVERY).update({ where: { id }, data: afterAttempt(attempts, result, retryDelaysMs, new Date()) });
  }

  async function attemptDue(): Promise<void> {
    const due: Array<{ id: number }> = await strapi.db.query(DELIVERY).findMany({
      select: ['id'],
      where: { state: 'pending', nextAttemptAt: { $lte: new Date() } },
      orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
      limit: POLL_BATCH,
    });
    await Promise.all(due.map(({ id }) => attempt(id)));
  }

  function schedulePoll() {
    if (stopped) return;
    pollTimer = setTimeout(() => inBackground(() => attemptDue().finally(schedulePoll)), settings().pollIntervalMs);
    pollTimer.unref();
  }

  return {
    /** Makes the attempts that are due now (what the poller does every WEBHOOK_POLL_INTERVAL_MS). */
    attemptDue,

    /** Listens to Strapi's entry events and starts the poller. */
    start() {
      for (const event of WEBHOOK_EVENTS) {
        strapi.eventHub.on(event, async (payload: EntryEventPayload) => {
          const model = payload.uid ? strapi.contentTypes[payload.uid as keyof typeof strapi.contentTypes] : undefined;
          const subject = model ? subjectOf(event, payload, contentTypeUtils.hasDraftAndPublish(model)) : null;
          if (subject) inBackground(() => enqueue(event, subject));
        });
      }
      schedulePoll();
    },

    /** Stops polling and waits for the attempts under way, so shutdown leaves no query running. */
    async stop() {
      stopped = true;
      clearTimeout(pollTimer);
      await Promise.allSettled([...inFlight]);
    },
  };
};
