/**
 * Jobs one instance does for all survive that instance dying in the middle: a scheduled publish
 * and a webhook delivery claimed by a production server that is then killed (`kill -9`) are
 * taken over by another instance once the claim's lease runs out: not before, and exactly once.
 *
 * To kill the server at the right moment the test holds a lock the job needs after its claim
 * (the audit log for a publish, a receiver that never answers for a delivery), waits until
 * the server is stuck there, and kills it. On SQLite (one writing process) the dead instance's
 * claim is left in the row as it would be, and the rest is the same.
 */
import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { usesPostgres } from '../helpers/database';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(120_000);

const NEWS = 'api::news-article.news-article';
const DELIVERY = 'plugin::webhooks.delivery';
const WEBHOOK = 'plugin::webhooks.webhook';
const LEASE_MS = 6_000;
const WEBHOOK_TIMEOUT_MS = 4_000;
/** This process's name in the audit log (src/instance: host and process id). */
const THIS_INSTANCE = `${os.hostname()}:${process.pid}`;

let strapi: Core.Strapi;
let editor: string;
let dying: ServerProcess | undefined;
let database: Client | undefined;
const documents: string[] = [];
const servers: http.Server[] = [];

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}${dying ? `\n${dying.output().slice(-3000)}` : ''}`);
}

/** One run of this instance's scheduled-publishing task, as Strapi's cron runs it; resolves to how many it published. */
const publishDueVersions = (): Promise<number> =>
  strapi.config.get<{ scheduledPublishing: { task: (args: { strapi: Core.Strapi }) => Promise<number> } }>('server.cron.tasks').scheduledPublishing.task({ strapi });

/** A production server of the same database that runs its jobs every second. */
const startDyingInstance = () =>
  startProductionServer({
    DATABASE_URL: process.env.DATABASE_URL!,
    INSTANCE_NAME: 'instance-that-dies',
    SCHEDULED_PUBLISH_RULE: '* * * * * *',
    SCHEDULED_PUBLISH_LEASE_MS: String(LEASE_MS),
    WEBHOOK_POLL_INTERVAL_MS: '200',
    WEBHOOK_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  });

/** The statements waiting for a lock, from PostgreSQL's own view (read outside the test's transaction, which would see a snapshot). */
const blockedQueries = async (): Promise<string[]> =>
  (await strapi.db.connection.raw(`SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows.map(
    (row: { query: string }) => row.query
  );

beforeAll(async () => {
  // This process's own jobs run only when the test calls them.
  process.env.SCHEDULED_PUBLISH_RULE = '0 0 1 1 *';
  process.env.WEBHOOK_POLL_INTERVAL_MS = '3600000';
  process.env.WEBHOOK_TIMEOUT_MS = String(WEBHOOK_TIMEOUT_MS);
  process.env.WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
  strapi = await setupStrapi();
  if (usesPostgres()) {
    database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
  }
  editor = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
});

afterEach(async () => {
  if (dying?.child.exitCode === null) dying.child.kill('SIGKILL');
  dying = undefined;
  await database?.query('ROLLBACK').catch(() => undefined);
});

afterAll(async () => {
  for (const documentId of documents) await strapi.documents(NEWS).delete({ documentId, locale: '*' });
  await strapi.db.query(DELIVERY).deleteMany({ where: { subjectDocumentId: { $in: documents } } });
  await strapi.db.query(WEBHOOK).deleteMany({ where: { name: 'lease-test' } });
  await strapi.db.query('plugin::audit-log.entry').deleteMany({ where: { subjectDocumentId: { $in: documents } } });
  await database?.end();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  for (const name of ['SCHEDULED_PUBLISH_RULE', 'WEBHOOK_POLL_INTERVAL_MS', 'WEBHOOK_TIMEOUT_MS', 'WEBHOOK_ALLOWED_HOSTS']) delete process.env[name];
  await teardownStrapi();
});

it('publishes a scheduled version exactly once when the instance that claimed it dies mid-publish', async () => {
  const due = new Date(Date.now() - 1_000).toISOString();
  // The audit entry is written inside the publish's transaction: with its table held here, the
  // other instance claims the version, starts publishing and waits; then it is killed.
  if (usesPostgres()) {
    dying = await startDyingInstance();
    await database!.query('BEGIN');
    await database!.query('LOCK TABLE audit_log_entries IN EXCLUSIVE MODE');
  }
  const created = await contentManagerRequest(editor, 'post', NEWS, '?locale=bs').send({ title: 'Zakup: vijest iz Šamca', publicationDate: '2026-12-04', scheduledPublishAt: due });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  documents.push(documentId);
  const draftRow = () => strapi.db.query(NEWS).findOne({ where: { documentId, publishedAt: null }, select: ['id', 'scheduledPublishAt', 'scheduledClaimUntil'] });

  if (dying) {
    await until('the other instance to be stuck publishing', async () => (await blockedQueries()).some((query) => /audit_log_entries/.test(query)));
    dying.child.kill('SIGKILL');
    await dying.exited();
    await database!.query('COMMIT');
  } else {
    await strapi.db.query(NEWS).update({ where: { id: (await draftRow()).id }, data: { scheduledClaimUntil: new Date(Date.now() + LEASE_MS) } });
  }

  // The dead instance's publish was rolled back whole: still a draft, still scheduled, claimed.
  const claimed = await draftRow();
  expect(new Date(claimed.scheduledPublishAt).toISOString()).toBe(due);
  const leaseEnd = new Date(claimed.scheduledClaimUntil).getTime();
  expect(leaseEnd).toBeGreaterThan(Date.now());
  expect(await strapi.db.query(NEWS).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);

  // Nobody takes it over while the lease lasts; right after, this instance does, once.
  expect(await publishDueVersions()).toBe(0);
  await until('the lease to run out', async () => Date.now() > leaseEnd, LEASE_MS + 5_000);
  expect(await publishDueVersions()).toBe(1);
  expect(await publishDueVersions()).toBe(0);

  const published = await strapi.db.query(NEWS).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['title', 'scheduledPublishAt'] });
  expect(published).toEqual([{ title: 'Zakup: vijest iz Šamca', scheduledPublishAt: null }]);
  expect(await draftRow()).toMatchObject({ scheduledPublishAt: null, scheduledClaimUntil: null });
  const audit = await strapi.db.query('plugin::audit-log.entry').findMany({ where: { subjectDocumentId: documentId } });
  expect(audit).toEqual([expect.objectContaining({ action: 'publish', subjectLocale: 'bs', actorType: 'admin', instance: THIS_INSTANCE })]);
  expect(audit[0].actorName).toMatch(/^scheduled by /);
});

it('retries a webhook delivery whose sender died before the receiver answered, once its lease runs out', async () => {
  const received: Array<{ delivery: string; body: string }> = [];
  let answer = false;
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ delivery: String(request.headers['x-spis-delivery']), body: Buffer.concat(chunks).toString('utf8') });
      if (answer) response.writeHead(204).end(); // the first request is left hanging
    });
  });
  servers.push(receiver);
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const webhook = await strapi.db.query(WEBHOOK).create({
    data: { name: 'lease-test', url, secret: 'lease-test-signing-secret-0123456789', events: ['entry.publish'], enabled: true },
  });
  const documentId = `leasetest${Date.now()}`;
  documents.push(documentId);
  const data = {
    webhook: webhook.id,
    deliveryId: `lease-${documentId}`,
    event: 'entry.publish',
    contentType: NEWS,
    subjectDocumentId: documentId,
    locale: 'bs',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(),
    body: JSON.stringify({ documentId }),
  };

  if (usesPostgres()) {
    dying = await startDyingInstance();
    await strapi.db.transaction(() => strapi.db.query(DELIVERY).create({ data }));
    // The other instance's poller claims and sends it; the receiver holds the request; kill.
    await until('the other instance to send the delivery', async () => received.length === 1);
    dying.child.kill('SIGKILL');
    await dying.exited();
  } else {
    // As a sender dies leaving it: attempt 1 claimed, its lease (timeout + margin) running.
    await strapi.db.transaction(() => strapi.db.query(DELIVERY).create({ data: { ...data, attempts: 1, nextAttemptAt: new Date(Date.now() + 2 * WEBHOOK_TIMEOUT_MS + 1_000) } }));
  }
  const claimed = await strapi.db.query(DELIVERY).findOne({ where: { subjectDocumentId: documentId } });
  expect(claimed).toMatchObject({ state: 'pending', attempts: 1 });
  const leaseEnd = new Date(claimed.nextAttemptAt).getTime();
  expect(leaseEnd).toBeGreaterThan(Date.now());

  answer = true;
  const deliveries = strapi.plugin('webhooks').service('deliveries');
  const sentBefore = received.length;
  await deliveries.attemptDue();
  expect(received.length).toBe(sentBefore); // not while the lease lasts
  await until('the lease to run out', async () => Date.now() > leaseEnd, 3 * WEBHOOK_TIMEOUT_MS + 10_000);
  await Promise.all([deliveries.attemptDue(), deliveries.attemptDue()]);

  expect(received.slice(sentBefore)).toEqual([{ delivery: `lease-${documentId}`, body: JSON.stringify({ documentId }) }]);
  expect(await strapi.db.query(DELIVERY).findOne({ where: { subjectDocumentId: documentId } })).toMatchObject({ state: 'delivered', attempts: 2 });
});
