/**
 * What a delivery becomes after an attempt: delivered on a 2xx; else pending again after the
 * next backoff delay; failed once the delays are used up, or at once when retrying cannot help.
 */
export type AttemptResult = {
  /** The receiver's HTTP status, when it answered. */
  responseStatus: number | null;
  /** Why it did not count as delivered (short), or null when it did. */
  error: string | null;
  /** False when another attempt would fail the same way (the webhook was deleted, disabled…). */
  retryable: boolean;
};

export type DeliveryUpdate = {
  state: 'pending' | 'delivered' | 'failed';
  lastResponseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
};

const MAX_ERROR_LENGTH = 255;

/** One first attempt, then one retry per delay. */
export const maxAttempts = (retryDelaysMs: readonly number[]): number => retryDelaysMs.length + 1;

/** `attempts` counts the attempt just made (1 after the first). */
export function afterAttempt(attempts: number, result: AttemptResult, retryDelaysMs: readonly number[], now: Date): DeliveryUpdate {
  const outcome = { lastResponseStatus: result.responseStatus, lastError: result.error?.slice(0, MAX_ERROR_LENGTH) ?? null };
  if (result.error === null) return { ...outcome, state: 'delivered', nextAttemptAt: null, deliveredAt: now };
  if (!result.retryable || attempts >= maxAttempts(retryDelaysMs)) return { ...outcome, state: 'failed', nextAttemptAt: null, deliveredAt: null };
  return { ...outcome, state: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelaysMs[attempts - 1]), deliveredAt: null };
}
