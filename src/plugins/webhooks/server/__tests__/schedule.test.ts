import { afterAttempt, maxAttempts, type AttemptResult } from '../schedule';

const DELAYS = [10_000, 60_000, 300_000];
const now = new Date('2026-11-27T10:00:00.000Z');
const failed = (error = 'HTTP 500', responseStatus: number | null = 500): AttemptResult => ({ responseStatus, error, retryable: true });

it('makes one attempt more than there are delays', () => {
  expect(maxAttempts(DELAYS)).toBe(4);
  expect(maxAttempts([])).toBe(1);
});

it('is delivered on success', () => {
  expect(afterAttempt(2, { responseStatus: 204, error: null, retryable: true }, DELAYS, now)).toEqual({
    state: 'delivered',
    lastResponseStatus: 204,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: now,
  });
});

it('waits the next delay after each failed attempt', () => {
  expect(afterAttempt(1, failed(), DELAYS, now)).toMatchObject({
    state: 'pending',
    nextAttemptAt: new Date('2026-11-27T10:00:10.000Z'),
    lastResponseStatus: 500,
    lastError: 'HTTP 500',
  });
  expect(afterAttempt(2, failed(), DELAYS, now).nextAttemptAt).toEqual(new Date('2026-11-27T10:01:00.000Z'));
  expect(afterAttempt(3, failed('ECONNREFUSED', null), DELAYS, now)).toMatchObject({
    state: 'pending',
    nextAttemptAt: new Date('2026-11-27T10:05:00.000Z'),
    lastResponseStatus: null,
  });
});

it('fails after the last attempt, or at once when retrying cannot help', () => {
  expect(afterAttempt(4, failed(), DELAYS, now)).toMatchObject({ state: 'failed', nextAttemptAt: null, deliveredAt: null });
  expect(afterAttempt(1, { responseStatus: null, error: 'the webhook is disabled', retryable: false }, DELAYS, now)).toMatchObject({
    state: 'failed',
    lastError: 'the webhook is disabled',
  });
  expect(afterAttempt(1, failed(), [], now).state).toBe('failed');
});

it('keeps the error short enough for the log', () => {
  expect(afterAttempt(1, failed('x'.repeat(1000)), DELAYS, now).lastError).toHaveLength(255);
});
