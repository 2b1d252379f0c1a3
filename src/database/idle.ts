/**
 * Strapi runs some database work fire-and-forget: after a commit it emits an `entry.*` event
 * per written version, each reading the entry back, and start-up kicks off background tasks.
 * Shutting down while they run aborts their queries ("aborted" from the pool). Callers that
 * stop Strapi right after work (the seed command, test teardown) wait here first.
 */
import type { Core } from '@strapi/strapi';

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/** Resolves once the connection pool has been idle on two checks in a row, or after `timeoutMs`. */
export async function waitForIdleDatabase(strapi: Core.Strapi, timeoutMs = 15_000): Promise<void> {
  const pool = (strapi.db.connection as unknown as { client: { pool?: Pool } }).client.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  let idleChecks = 0;
  while (idleChecks < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    idleChecks = busy() ? 0 : idleChecks + 1;
  }
}
