/**
 * With REDIS_URL the rate-limit counters live in Redis, so every instance of the CMS counts the
 * same client together: requests another instance counted (here: a limiter on the same Redis
 * keys, as a second instance has) use up this instance's allowance too.
 */
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

const REDIS_URL = 'redis://127.0.0.1:6379';
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  const stale = await redis.keys('spis:rate:*');
  if (stale.length > 0) await redis.del(...stale);
  Object.assign(process.env, { REDIS_URL, RATE_LIMIT_PUBLIC_PER_MINUTE: '6' });
  await setupStrapi();
});

afterAll(async () => {
  delete process.env.REDIS_URL;
  delete process.env.RATE_LIMIT_PUBLIC_PER_MINUTE;
  await teardownStrapi();
  await redis.quit();
});

it('shares the counters between instances through Redis', async () => {
  for (let i = 0; i < 2; i += 1) expect((await api().get('/api/municipalities')).status).toBe(200);
  const [key] = await redis.keys('spis:rate:ip:*');
  expect(key).toBeDefined();
  expect(Number(await redis.get(key))).toBe(2);

  // "Another instance" counts three requests from the same client.
  const otherInstance = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'spis:rate:ip', points: 6, duration: 60 });
  const ip = key.slice('spis:rate:ip:'.length);
  for (let i = 0; i < 3; i += 1) await otherInstance.consume(ip);

  expect((await api().get('/api/municipalities')).status).toBe(200);
  const refused = await api().get('/api/municipalities');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
});
