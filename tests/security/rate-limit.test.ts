/**
 * Rate limits as clients meet them, with small limits set through the environment: the public
 * per IP, each API token on its own, sign-in endpoints tighter; 429 with Retry-After and a
 * JSON error; behind a trusted proxy, per forwarded client. Counters in memory (no REDIS_URL);
 * rate-limit-redis.test.ts covers Redis.
 */
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

let token: string;

beforeAll(async () => {
  Object.assign(process.env, { RATE_LIMIT_PUBLIC_PER_MINUTE: '5', RATE_LIMIT_TOKEN_PER_MINUTE: '8', RATE_LIMIT_AUTH_PER_MINUTE: '3', TRUST_PROXY: 'true' });
  delete process.env.REDIS_URL;
  const strapi = await setupStrapi();
  token = await createApiToken(strapi, 'read-only');
});

afterAll(async () => {
  for (const name of ['RATE_LIMIT_PUBLIC_PER_MINUTE', 'RATE_LIMIT_TOKEN_PER_MINUTE', 'RATE_LIMIT_AUTH_PER_MINUTE', 'TRUST_PROXY']) delete process.env[name];
  await teardownStrapi();
});

// First, while this test's own address has its whole allowance: no forwarded request may use it up.
it('behind a trusted proxy counts each client of X-Forwarded-For on its own, cached answers included', async () => {
  const asClient = (ip: string) => api().get('/api/phases').set('X-Forwarded-For', `${ip}, 10.0.0.1`);
  for (let i = 0; i < 5; i += 1) {
    const response = await asClient('203.0.113.7');
    expect(response.status).toBe(200);
    if (i > 0) expect(response.headers['x-cache']).toBe('HIT');
  }
  expect((await asClient('203.0.113.7')).status).toBe(429);
  const another = await asClient('203.0.113.8');
  expect(another.status).toBe(200);
  expect(another.headers['ratelimit-remaining']).toBe('4');
});

it('lets the public make 5 requests a minute per IP, REST and GraphQL together, then answers 429', async () => {
  for (let i = 0; i < 4; i += 1) {
    const response = await api().get('/api/municipalities');
    expect(response.status).toBe(200);
    expect(response.headers['ratelimit-limit']).toBe('5');
    expect(response.headers['ratelimit-remaining']).toBe(String(4 - i));
  }
  expect((await graphql('{ municipalities { name } }')).status).toBe(200);

  const refused = await api().get('/api/municipalities');
  expect(refused.status).toBe(429);
  expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
  expect(refused.body.error.message).toMatch(/^Too many requests; try again in \d+ s$/);
  const retryAfter = Number(refused.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((await graphql('{ municipalities { name } }')).status).toBe(429);
  // Probes are never limited.
  expect((await api().get('/_health')).status).toBe(204);
});

it('counts each API token on its own, with its own limit', async () => {
  const withToken = () => api().get('/api/municipalities').set('Authorization', `Bearer ${token}`);
  for (let i = 0; i < 8; i += 1) expect((await withToken()).status).toBe(200);
  const refused = await withToken();
  expect(refused.status).toBe(429);
  expect(refused.headers['ratelimit-limit']).toBe('8');
});

it('limits sign-in attempts tighter, on the admin panel and users-permissions alike', async () => {
  const attempts = [];
  for (let i = 0; i < 3; i += 1) attempts.push((await api().post('/admin/login').send({ email: 'a@spis.test', password: 'wrong-password-1' })).status);
  expect(attempts.every((status) => status === 400)).toBe(true);
  expect((await api().post('/admin/login').send({ email: 'a@spis.test', password: 'wrong-password-1' })).status).toBe(429);
  expect((await api().post('/api/auth/local').send({ identifier: 'a', password: 'b' })).status).toBe(429);
});
