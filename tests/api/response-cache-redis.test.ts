/**
 * Two instances of the CMS on one database and one Redis, as docker-compose scales them: the
 * test's Strapi and a production server (`npm start`) in its own process. They share cached
 * responses, and a change made through one shows on the very next request to the other.
 */
import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import request from 'supertest';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';
import { testDatabaseSettings } from '../helpers/database';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

const REDIS_URL = 'redis://127.0.0.1:6379';
const NEWS = 'api::news-article.news-article';
const LATEST = '/api/news-articles?locale=bs&sort=publicationDate:desc,title&pagination[pageSize]=50';

let strapi: Core.Strapi;
let redis: Redis;
let other: ServerProcess;
let token: string;
const created: string[] = [];

const titles = (response: request.Response) => (response.body.data as { title: string }[]).map((article) => article.title);

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  const stale = await redis.keys('spis:cache:*');
  if (stale.length > 0) await redis.del(...stale);
  process.env.REDIS_URL = REDIS_URL;
  strapi = await setupStrapi();
  token = await createApiToken(strapi, 'full-access');
  other = await startProductionServer({ ...testDatabaseSettings(), REDIS_URL });
}, 120_000);

afterAll(async () => {
  if (other?.child.exitCode === null) other.child.kill('SIGKILL');
  for (const documentId of created) await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  delete process.env.REDIS_URL;
  await teardownStrapi();
  await redis.quit();
});

it('shares cached responses between instances', async () => {
  const first = await request(other.origin).get('/api/municipalities?locale=hr&sort=slug');
  expect(first.headers['x-cache']).toBe('MISS');
  const here = await api().get('/api/municipalities?locale=hr&sort=slug');
  expect(here.headers['x-cache']).toBe('HIT');
  expect(here.headers.etag).toBe(first.headers.etag);
  expect(here.text).toBe(first.text);
  expect((await redis.keys('spis:cache:entry:*')).length).toBeGreaterThan(0);
});

it('shows a change made on one instance on the very next request to the other', async () => {
  const read = () => request(other.origin).get(LATEST);
  await read();
  expect((await read()).headers['x-cache']).toBe('HIT');

  const response = await api()
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs' })
    .send({ data: { title: 'Dvije instance, jedna istina', publicationDate: '2026-11-27' } });
  expect(response.status).toBe(201);
  created.push(response.body.data.documentId);
  const after = await read();
  expect(after.headers['x-cache']).toBe('MISS');
  expect(titles(after)).toContain('Dvije instance, jedna istina');

  expect((await api().delete(`/api/news-articles/${response.body.data.documentId}`).set('Authorization', `Bearer ${token}`).query({ locale: 'bs' })).status).toBe(204);
  expect(titles(await read())).not.toContain('Dvije instance, jedna istina');
  expect(titles(await api().get(LATEST))).not.toContain('Dvije instance, jedna istina');
});
