/**
 * 2,400 generated hostile requests (tests/helpers/fuzz-requests.ts, fixed seed) at REST and
 * GraphQL, sent byte for byte over raw sockets so malformed paths and bodies reach the server
 * as an attacker would send them. None may get a 5xx or take long, the process stays up, the
 * content is intact and no prototype is polluted. Figures go to .tmp/fuzz-summary.json.
 */
import fs from 'node:fs';
import net from 'node:net';
import type { Core } from '@strapi/strapi';
import { generateFuzzRequests, type FuzzRequest } from '../helpers/fuzz-requests';
import { api, createApiToken, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(300_000);

const SEED = 20261123;
const COUNT = 2_400;
const CONCURRENCY = 4;
const MAX_RESPONSE_MS = 5_000;

let strapi: Core.Strapi;
let port: number;
let token: string;

/** Sends one request over a fresh socket and reads the status line of the answer. */
function send(request: FuzzRequest): Promise<{ status: number; ms: number }> {
  const body = request.raw ?? (request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body)));
  const headers = [
    `${request.method} ${request.path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Connection: close',
    ...(request.token ? [`Authorization: Bearer ${token}`] : []),
    ...(body ? [`Content-Type: ${request.contentType ?? 'application/json'}`, `Content-Length: ${body.length}`] : []),
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(MAX_RESPONSE_MS * 2, () => socket.destroy(new Error(`no answer to ${request.kind} ${request.path.slice(0, 200)}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the socket while a too-large body is still being written.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    socket.on('close', () => {
      const statusLine = Buffer.concat(chunks).toString('latin1').split('\r\n')[0];
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      resolve({ status, ms: performance.now() - started });
    });
    socket.write(Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`, 'utf8'), body ?? Buffer.alloc(0)]));
  });
}

beforeAll(async () => {
  // The fuzz checks what malformed input does; the rate limit would answer most of it with 429.
  process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = '1000000';
  process.env.RATE_LIMIT_TOKEN_PER_MINUTE = '1000000';
  strapi = await setupStrapi();
  port = Number(new URL(await listen(strapi)).port);
  token = await createApiToken(strapi);
});

afterAll(async () => {
  delete process.env.RATE_LIMIT_PUBLIC_PER_MINUTE;
  delete process.env.RATE_LIMIT_TOKEN_PER_MINUTE;
  await teardownStrapi();
});

it(`survives ${COUNT} hostile requests: no 5xx, answers within ${MAX_RESPONSE_MS} ms, nothing changed`, async () => {
  const before = await strapi.db.query('api::municipality.municipality').count({});
  const requests = generateFuzzRequests(SEED, COUNT);
  const results: Array<{ request: FuzzRequest; status: number; ms: number }> = [];
  for (let i = 0; i < requests.length; i += CONCURRENCY) {
    const batch = requests.slice(i, i + CONCURRENCY);
    results.push(...(await Promise.all(batch.map(async (request) => ({ request, ...(await send(request)) })))));
  }

  const byStatus: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  for (const { request, status } of results) {
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    byKind[request.kind] = (byKind[request.kind] ?? 0) + 1;
  }
  const durations = results.map((result) => result.ms).sort((a, b) => a - b);
  const summary = {
    seed: SEED,
    sent: results.length,
    byStatus,
    byKind,
    serverErrors: results.filter((result) => result.status >= 500).length,
    noAnswer: results.filter((result) => result.status === 0).length,
    p50Ms: Math.round(durations[Math.floor(durations.length / 2)]),
    p99Ms: Math.round(durations[Math.floor(durations.length * 0.99)]),
    maxMs: Math.round(durations.at(-1) ?? 0),
  };
  fs.mkdirSync('.tmp', { recursive: true });
  fs.writeFileSync('.tmp/fuzz-summary.json', `${JSON.stringify(summary, null, 2)}\n`);

  const failures = results
    .filter((result) => result.status >= 500 || result.status === 0)
    .map(({ request, status }) => `${status} ${request.kind} ${request.method} ${request.path.slice(0, 300)} ${request.body ? JSON.stringify(request.body).slice(0, 300) : ''}`);
  expect(failures).toEqual([]);
  expect(summary.sent).toBeGreaterThanOrEqual(2_000);
  expect(summary.maxMs).toBeLessThan(MAX_RESPONSE_MS);

  // Still up, still serving, nothing lost, nothing polluted.
  expect((await api().get('/_health')).status).toBe(204);
  const list = await api().get('/api/municipalities').query({ locale: 'bs', 'pagination[pageSize]': '100' });
  expect(list.status).toBe(200);
  expect(list.body.data).toHaveLength(21);
  expect(await strapi.db.query('api::municipality.municipality').count({})).toBe(before);
  for (const key of ['polluted', 'isAdmin']) expect(({} as Record<string, unknown>)[key]).toBeUndefined();
});
