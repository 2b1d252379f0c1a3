/**
 * Webhooks end to end: a super admin configures them in the Content Manager; publishing,
 * unpublishing and deleting over HTTP makes the app call a real HTTP receiver on 127.0.0.1,
 * signed, retried with backoff, every delivery in the log. Retry delays are shortened here.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { asAdmin, contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
const WEBHOOK = 'plugin::webhooks.webhook';
const DELIVERY = 'plugin::webhooks.delivery';
const ALL_EVENTS = ['entry.publish', 'entry.unpublish', 'entry.delete'];
const RETRY_DELAYS_MS = [150, 300];
const TIMEOUT_MS = 1_000;

type Received = { at: number; headers: http.IncomingHttpHeaders; body: string; json: Record<string, unknown> };
type Receiver = { url: string; requests: Received[]; failNext(count: number): void; close(): Promise<void> };
type Delivery = {
  state: string;
  attempts: number;
  event: string;
  locale: string;
  lastResponseStatus: number | null;
  lastError: string | null;
  body: string;
  deliveredAt: string | null;
};

let strapi: Core.Strapi;
let superAdmin: string;
let token: string;
const receivers: Receiver[] = [];

/**
 * A partner's endpoint: records every request, answers 500 to the next `failNext` ones, else
 * 204; a silent one never answers.
 */
async function startReceiver({ silent = false } = {}): Promise<Receiver> {
  const requests: Received[] = [];
  let failuresLeft = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ at: Date.now(), headers: request.headers, body, json: JSON.parse(body) });
      if (silent) return;
      const fail = failuresLeft > 0;
      if (fail) failuresLeft -= 1;
      response.writeHead(fail ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/spis-hook`,
    requests,
    failNext: (count: number) => (failuresLeft = count),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  receivers.push(receiver);
  return receiver;
}

const secretFor = (name: string) => `${name}-signing-secret-0123456789abcdef`;

/** Creates a webhook the way a super admin does, in the Content Manager. */
async function createWebhook(name: string, url: string, fields: Record<string, unknown> = {}) {
  const response = await asAdmin(superAdmin, 'post', `/content-manager/collection-types/${WEBHOOK}`).send({
    name,
    url,
    secret: secretFor(name),
    events: ALL_EVENTS,
    enabled: true,
    ...fields,
  });
  expect(response.status).toBe(201);
  return response;
}

const expectedSignature = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The delivery log of one document, oldest first, as a super admin reads it in the Content Manager. */
async function deliveryLog(documentId: string): Promise<Delivery[]> {
  const response = await asAdmin(superAdmin, 'get', `/content-manager/collection-types/${DELIVERY}`).query({
    'filters[$and][0][subjectDocumentId][$eq]': documentId,
    sort: 'id:ASC',
    pageSize: 100,
  });
  expect(response.status).toBe(200);
  return response.body.results;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Long enough for a delivery that should not happen to have arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

const about = (receiver: Receiver, documentId: string) => receiver.requests.filter((request) => request.json.documentId === documentId);
const eventsOf = (requests: Received[]) => requests.map((request) => `${request.json.event} ${request.json.locale}`).sort();

const write = (method: 'post' | 'put' | 'delete', path: string, query: Record<string, string>, data?: Record<string, unknown>) => {
  const agent = api();
  return agent[method](path)
    .set('Authorization', `Bearer ${token}`)
    .query(query)
    .send(data ? { data } : undefined);
};
const cmAction = (documentId: string, action: 'publish' | 'unpublish', locale: string) =>
  contentManagerRequest(superAdmin, 'post', NEWS, `/${documentId}/actions/${action}?locale=${locale}`).send({});

beforeAll(async () => {
  process.env.WEBHOOK_RETRY_DELAYS_MS = RETRY_DELAYS_MS.join(',');
  process.env.WEBHOOK_POLL_INTERVAL_MS = '50';
  process.env.WEBHOOK_TIMEOUT_MS = String(TIMEOUT_MS);
  // The receivers listen on 127.0.0.1, which webhooks may call only when allowed explicitly.
  process.env.WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
  strapi = await setupStrapi();
  superAdmin = await loginAsNewAdmin(strapi);
  token = await createApiToken(strapi);
});

// Each test hears only its own webhooks.
afterEach(() => strapi.db.query(WEBHOOK).updateMany({ where: {}, data: { enabled: false } }));

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  // The articles the tests published stay out of other tests' lists.
  await strapi.db.query(NEWS).deleteMany({ where: { title: { $startsWith: 'Webhook' } } });
  await teardownStrapi();
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

it('sends a signed delivery per locale on publish, unpublish and delete', async () => {
  const receiver = await startReceiver();
  await createWebhook('partner', receiver.url);

  const created = await write('post', '/api/news-articles', { locale: 'bs' }, { title: 'Webhook: vijest iz Gacka', publicationDate: '2026-11-27' });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  expect((await write('put', `/api/news-articles/${documentId}`, { locale: 'hr' }, { title: 'Webhook: vijest iz Gacka (hr)' })).status).toBe(200);
  expect((await cmAction(documentId, 'unpublish', 'bs')).status).toBe(200);
  expect((await write('delete', `/api/news-articles/${documentId}`, { locale: 'hr' })).status).toBe(204);
  expect((await write('delete', `/api/news-articles/${documentId}`, { locale: 'bs' })).status).toBe(204);

  await waitFor('five deliveries', () => about(receiver, documentId).length >= 5);
  await settle();
  const requests = about(receiver, documentId);
  // hr was published, so deleting it removed two rows; the partner hears of it once.
  expect(eventsOf(requests)).toEqual(['entry.delete bs', 'entry.delete hr', 'entry.publish bs', 'entry.publish hr', 'entry.unpublish bs']);
  for (const request of requests) {
    expect(request.json).toEqual({
      id: expect.any(String),
      event: expect.any(String),
      type: NEWS,
      documentId,
      locale: expect.any(String),
      occurredAt: expect.any(String),
      cursor: expect.any(String),
    });
    // The cursor is a place in the feed of published changes, at or after this event.
    expect(
      (
        await api()
          .get('/api/changes')
          .query({ since: request.json.cursor as string })
      ).status
    ).toBe(200);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-spis-event']).toBe(request.json.event);
    expect(request.headers['x-spis-delivery']).toBe(request.json.id);
    expect(request.headers['x-spis-signature']).toBe(expectedSignature(request.body, secretFor('partner')));
    expect(request.headers['x-spis-signature']).not.toBe(expectedSignature(request.body, secretFor('someone-else')));
  }
  expect(new Set(requests.map((request) => request.json.id)).size).toBe(5);

  const log = await deliveryLog(documentId);
  expect(log).toHaveLength(5);
  for (const delivery of log) {
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, lastResponseStatus: 204, lastError: null, deliveredAt: expect.any(String) });
    expect(requests.map((request) => request.body)).toContain(delivery.body);
  }
});

it('sends nothing for drafts, for events or types a webhook did not choose, or when it is disabled', async () => {
  const [all, deletesOnly, workshopsOnly, disabled] = await Promise.all([startReceiver(), startReceiver(), startReceiver(), startReceiver()]);
  await createWebhook('all', all.url);
  await createWebhook('deletes-only', deletesOnly.url, { events: ['entry.delete'] });
  await createWebhook('workshops-only', workshopsOnly.url, { contentTypes: [WORKSHOP] });
  await createWebhook('disabled', disabled.url, { enabled: false });

  const draft = await write('post', '/api/news-articles', { locale: 'bs', status: 'draft' }, { title: 'Webhook: samo nacrt', publicationDate: '2026-11-27' });
  expect(draft.status).toBe(201);
  const { documentId } = draft.body.data;
  expect((await write('put', `/api/news-articles/${documentId}`, { locale: 'bs', status: 'draft' }, { title: 'Webhook: samo nacrt (2)' })).status).toBe(200);
  await settle();
  expect(about(all, documentId)).toEqual([]);

  expect((await cmAction(documentId, 'publish', 'bs')).status).toBe(200);
  expect((await write('delete', `/api/news-articles/${documentId}`, { locale: 'bs' })).status).toBe(204);
  await waitFor('the publish and the delete', () => about(all, documentId).length >= 2);
  await settle();
  expect(eventsOf(about(all, documentId))).toEqual(['entry.delete bs', 'entry.publish bs']);
  expect(eventsOf(about(deletesOnly, documentId))).toEqual(['entry.delete bs']);
  expect(about(workshopsOnly, documentId)).toEqual([]);
  expect(disabled.requests).toEqual([]);
});

it('retries with backoff after failures until delivered, counting the attempts in the log', async () => {
  const receiver = await startReceiver();
  await createWebhook('flaky', receiver.url, { events: ['entry.publish'] });
  receiver.failNext(2);

  const created = await write('post', '/api/news-articles', { locale: 'en' }, { title: 'Webhook: third time lucky', publicationDate: '2026-11-27' });
  const { documentId } = created.body.data;
  await waitFor('three attempts', () => about(receiver, documentId).length >= 3);
  await settle();

  const attempts = about(receiver, documentId);
  expect(attempts).toHaveLength(3);
  // The same delivery each time: same body, same signature.
  expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
  expect(attempts[2].headers['x-spis-signature']).toBe(expectedSignature(attempts[0].body, secretFor('flaky')));
  expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0]);
  expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[1]);

  const [delivery] = await deliveryLog(documentId);
  expect(delivery).toMatchObject({ state: 'delivered', attempts: 3, lastResponseStatus: 204, lastError: null, body: attempts[0].body });
});

it('marks a delivery failed after the last attempt when the receiver cannot be reached', async () => {
  const gone = await startReceiver();
  await gone.close(); // nothing listens on its port any more
  await createWebhook('unreachable', gone.url, { events: ['entry.publish'] });

  const created = await write('post', '/api/news-articles', { locale: 'en' }, { title: 'Webhook: nobody home', publicationDate: '2026-11-27' });
  const { documentId } = created.body.data;
  await waitFor('the delivery to fail', async () => (await deliveryLog(documentId))[0]?.state === 'failed');
  const [delivery] = await deliveryLog(documentId);
  expect(delivery).toMatchObject({ state: 'failed', attempts: RETRY_DELAYS_MS.length + 1, lastResponseStatus: null, lastError: 'ECONNREFUSED', deliveredAt: null });
});

it('gives up on an attempt the receiver does not answer in time, and retries it', async () => {
  const receiver = await startReceiver({ silent: true });
  await createWebhook('silent', receiver.url, { events: ['entry.publish'] });

  const created = await write('post', '/api/news-articles', { locale: 'en' }, { title: 'Webhook: no answer', publicationDate: '2026-11-27' });
  const { documentId } = created.body.data;
  await waitFor('the delivery to fail', async () => (await deliveryLog(documentId))[0]?.state === 'failed', 20_000);
  const [delivery] = await deliveryLog(documentId);
  expect(delivery).toMatchObject({ state: 'failed', attempts: RETRY_DELAYS_MS.length + 1, lastResponseStatus: null, lastError: `no answer within ${TIMEOUT_MS} ms` });
  expect(about(receiver, documentId)).toHaveLength(RETRY_DELAYS_MS.length + 1);
});

it('sends a delivery left pending (by a restart, or another instance) once, however many pollers race for it', async () => {
  const receiver = await startReceiver();
  const webhook = await createWebhook('raced', receiver.url);
  const documentId = 'leftoverdocument0001';
  const body = JSON.stringify({ id: 'left-over', event: 'entry.publish', type: NEWS, documentId, locale: 'bs', occurredAt: new Date().toISOString() });
  // As the plugin writes it: the row and its link to the webhook in one transaction.
  await strapi.db.transaction(() =>
    strapi.db.query(DELIVERY).create({
      data: {
        webhook: webhook.body.data.id,
        deliveryId: 'left-over',
        event: 'entry.publish',
        contentType: NEWS,
        subjectDocumentId: documentId,
        locale: 'bs',
        state: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(Date.now() - 60_000),
        body,
      },
    })
  );

  const deliveries = strapi.plugin('webhooks').service('deliveries');
  await Promise.all(Array.from({ length: 5 }, () => deliveries.attemptDue()));
  await waitFor('the delivery', () => about(receiver, documentId).length >= 1);
  await settle();
  expect(about(receiver, documentId).map((request) => request.body)).toEqual([body]);
  expect(await deliveryLog(documentId)).toEqual([expect.objectContaining({ state: 'delivered', attempts: 1 })]);
});

it('refuses a bad webhook with a 400 naming the field, and saves nothing', async () => {
  const before = await strapi.db.query(WEBHOOK).count();
  const create = (fields: Record<string, unknown>) =>
    asAdmin(superAdmin, 'post', `/content-manager/collection-types/${WEBHOOK}`).send({
      name: 'bad',
      url: 'https://partner.example.org/hook',
      secret: secretFor('bad'),
      events: ALL_EVENTS,
      ...fields,
    });
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ url: 'partner.example.org/hook' }, 'url: must be an http:// or https:// URL'],
    [{ secret: 'too-short' }, 'secret: must be at least 32 characters'],
    [{ secret: undefined }, 'secret: is required'],
    [{ events: ['entry.update'] }, 'events.0: must be among entry.publish, entry.unpublish, entry.delete'],
    [{ contentTypes: [WEBHOOK] }, 'contentTypes.0: must be among'],
  ];
  for (const [fields, message] of cases) {
    const response = await create(fields);
    expect({ fields, status: response.status, name: response.body.error?.name }).toEqual({ fields, status: 400, name: 'ValidationError' });
    expect(response.body.error.message).toContain(message);
  }
  expect(await strapi.db.query(WEBHOOK).count()).toBe(before);
});

it('never shows the secret: not in the Content Manager, nor in the public APIs', async () => {
  const secret = secretFor('hidden');
  const created = await createWebhook('hidden', 'https://partner.example.org/hook', { enabled: false });
  const { documentId } = created.body.data;
  const path = `/content-manager/collection-types/${WEBHOOK}`;
  const renamed = await asAdmin(superAdmin, 'put', `${path}/${documentId}`).send({ name: 'hidden, renamed', secret: '' });
  expect(renamed.status).toBe(200);
  const answers = [created, renamed, await asAdmin(superAdmin, 'get', `${path}/${documentId}`), await asAdmin(superAdmin, 'get', path)];
  for (const answer of answers) {
    expect(answer.status).toBeLessThan(300);
    expect(JSON.stringify(answer.body)).not.toContain(secret);
  }
  expect(answers[2].body.data).toMatchObject({ name: 'hidden, renamed', url: 'https://partner.example.org/hook' });
  // A blank secret on update kept the one saved before.
  expect((await strapi.db.query(WEBHOOK).findOne({ where: { documentId } })).secret).toBe(secret);

  for (const publicPath of ['/api/webhooks', '/api/deliveries', '/api/webhooks/webhooks']) {
    expect((await api().get(publicPath)).status).toBe(404);
    expect((await api().get(publicPath).set('Authorization', `Bearer ${token}`)).status).toBe(404);
  }
  expect((await graphql('{ webhooks { secret } }')).status).toBe(400);
});

describe('webhook targets (SSRF)', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:6379/',
    'http://10.1.2.3/hook',
    'http://[::1]:5432/',
    'http://[::ffff:192.168.1.1]/',
    'http://100.64.0.1/',
    'http://0.0.0.0:1337/',
  ])('refuses to save %s with 400 at the url field', async (url) => {
    const response = await asAdmin(superAdmin, 'post', `/content-manager/collection-types/${WEBHOOK}`).send({
      name: 'probe',
      url,
      secret: secretFor('probe'),
      events: ALL_EVENTS,
      enabled: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^url: points to a private, local or reserved address/);
    expect(await strapi.db.query(WEBHOOK).count({ where: { name: 'probe' } })).toBe(0);
    // Strapi's own Settings › Webhooks too.
    const core = await asAdmin(superAdmin, 'post', '/admin/webhooks').send({ name: 'probe', url, headers: {}, events: ['entry.publish'] });
    expect(core.status).toBe(400);
    expect(core.body.error.message).toMatch(/^url: points to a private, local or reserved address/);
  });

  it('checks again at every delivery: a host no longer allowed gets nothing, and the log says why', async () => {
    const receiver = await startReceiver();
    await createWebhook('rebound', receiver.url, { events: ['entry.publish'] });
    const allowed = strapi.config.get('plugin::webhooks.allowedHosts');
    strapi.config.set('plugin::webhooks.allowedHosts', []);
    try {
      const created = await write('post', '/api/news-articles', { locale: 'en' }, { title: 'Webhook: rebound host', publicationDate: '2026-11-27' });
      const { documentId } = created.body.data;
      await waitFor('the delivery to be refused', async () => (await deliveryLog(documentId))[0]?.state === 'failed');
      const [delivery] = await deliveryLog(documentId);
      expect(delivery).toMatchObject({
        state: 'failed',
        attempts: 1,
        lastResponseStatus: null,
        lastError: expect.stringMatching(/^not sent: the URL points to a private, local or reserved address \(127\.0\.0\.1\)/),
      });
      expect(about(receiver, documentId)).toHaveLength(0);
    } finally {
      strapi.config.set('plugin::webhooks.allowedHosts', allowed);
    }
  });
});
