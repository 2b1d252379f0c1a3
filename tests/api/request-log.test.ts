/**
 * With LOG_LEVEL=http every request gets its log line, strapi::logger's, cache hits included:
 * those answered before Koa write it themselves, so logging requests keeps them fast.
 */
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let origin: string;
let logged: jest.SpyInstance;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'http';
  strapi = await setupStrapi();
  origin = await listen(strapi);
  // Watched, not replaced: the lines still go where the logger sends them.
  logged = jest.spyOn(strapi.log, 'http');
});

afterAll(async () => {
  delete process.env.LOG_LEVEL;
  await teardownStrapi();
});

it('writes one line per request, method, target, time and status, for misses, hits and 304s', async () => {
  const path = '/api/phases?locale=bs&sort=name';
  const statuses: string[] = [];
  const first = await request(origin).get(path);
  statuses.push(first.headers['x-cache']);
  for (let i = 0; i < 3; i += 1) statuses.push((await request(origin).get(path)).headers['x-cache']);
  const revalidated = await request(origin).get(path).set('If-None-Match', first.headers.etag);
  expect(revalidated.status).toBe(304);
  expect(statuses).toEqual(['MISS', 'HIT', 'HIT', 'HIT']);
  const lines = logged.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith(`GET ${path} `));
  expect(lines).toHaveLength(5);
  for (const line of lines.slice(0, 4)) expect(line).toMatch(/^GET \/api\/phases\?locale=bs&sort=name \(\d+ ms\) 200$/);
  expect(lines[4]).toMatch(/\(\d+ ms\) 304$/);
});
