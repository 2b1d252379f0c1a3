/**
 * The one Redis connection of the process, when REDIS_URL is set (shared rate-limit counters
 * now; the shared cache later). Opened on first use, closed when Strapi stops.
 */
import { once } from 'node:events';
import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';

const CONNECT_TIMEOUT_MS = 3_000;

let client: Redis | undefined;

export function redisClient(strapi: Core.Strapi, url: string): Redis {
  if (!client) {
    // No offline queue: while Redis is down, commands fail at once and callers fall back.
    client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on('error', (error: Error) => strapi.log.warn(`Redis: ${error.message}`));
  }
  return client;
}

/** Waits (briefly) for the connection at start-up, so the first requests already share counters. */
export async function connectRedis(strapi: Core.Strapi, url: string | undefined): Promise<void> {
  if (!url) return;
  const redis = redisClient(strapi, url);
  if (redis.status === 'ready') return;
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), CONNECT_TIMEOUT_MS).unref());
  if ((await Promise.race([once(redis, 'ready'), timeout])) === 'timeout') {
    strapi.log.warn(`Redis at ${new URL(url).host} did not answer within ${CONNECT_TIMEOUT_MS} ms; counting in memory until it does`);
  }
}

export async function closeRedis(): Promise<void> {
  const closing = client;
  client = undefined;
  await closing?.quit().catch(() => closing.disconnect());
}
