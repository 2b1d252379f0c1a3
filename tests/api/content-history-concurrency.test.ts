/**
 * Content history and the feed under concurrent writes. Writes of one language version through
 * REST, GraphQL and the panel at once leave one version each, chained: each version is the one
 * before it with that write's fields, and names the path and person of that write (nothing of
 * one request leaks into another's record). Readers polling the feed while many documents are
 * published see every change exactly once, in an order that never goes back.
 */
import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { contentManagerRequest } from '../helpers/admin';
import { usesPostgres } from '../helpers/database';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { changesOf, staffWithRole, until, versionsOf, type Staff, type Version } from '../helpers/history';
import { api, graphql, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { readDocumentState } from '../../src/plugins/content-history/server/recording';
import { changedFields } from '../../src/plugins/content-history/server/snapshot';

const NEWS = 'api::news-article.news-article';
/** The key of the feed's advisory lock (src/plugins/content-history/server/recording.ts). */
const FEED_LOCK = 2026_12_20;

let strapi: Core.Strapi;
let token: string;
let editor: Staff;
/** Taken once Strapi is up: the first file to boot imports the SPIS content, which cleanup must not delete. */
let startedAt: Date;

const rest = (method: 'post' | 'put', path: string, query: Record<string, string>, data: Record<string, unknown>) =>
  api()[method](`/api/news-articles${path}`).set('Authorization', `Bearer ${token}`).query(query).send({ data });

const draftNow = async (documentId: string, status: 'draft' | 'published' = 'draft') => (await readDocumentState(strapi, NEWS, documentId)).get('bs')?.[status]?.values;

type Cursor = { epoch: string; after: number };
const decode = (cursor: string): Cursor => {
  const [epoch, after] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  return { epoch, after: Number(after) };
};

beforeAll(async () => {
  for (const name of ['RATE_LIMIT_PUBLIC_PER_MINUTE', 'RATE_LIMIT_TOKEN_PER_MINUTE']) process.env[name] = '1000000';
  strapi = await setupStrapi();
  startedAt = new Date();
  // One listening server for all requests: supertest would otherwise start one per request.
  await listen(strapi);
  const name = `history-concurrency-${Date.now()}`;
  token = (await strapi.service('admin::api-token').create({ name, type: 'full-access', lifespan: null })).accessKey;
  editor = await staffWithRole(strapi, 'strapi-editor');
});

afterAll(async () => {
  await deleteNewsCreatedSince(strapi, startedAt);
  for (const name of ['RATE_LIMIT_PUBLIC_PER_MINUTE', 'RATE_LIMIT_TOKEN_PER_MINUTE']) delete process.env[name];
  await teardownStrapi();
});

describe('ten writes of one language version at once, through REST, GraphQL and the panel', () => {
  let documentId: string;
  const WRITERS = 10;
  const paths = ['rest', 'graphql', 'panel'] as const;
  /** What writer i sends: a lead of its own, and some other fields, so writes overlap in some fields only. */
  const sent = (i: number): Record<string, unknown> => ({
    lead: `Uvod br. ${i}: Đurđevdan u Čelincu`,
    ...(i % 2 === 1 ? { dateline: `Mjesto ${i}` } : {}),
    ...(i % 3 === 0 ? { quotes: [{ text: `Citat ${i}`, speaker: 'Šefika Ćorić', role: null }] } : {}),
  });
  const pathOf = (i: number) => paths[i % 3];

  function write(i: number) {
    const data = sent(i);
    if (pathOf(i) === 'rest') return rest('put', `/${documentId}`, { locale: 'bs', status: 'draft' }, data);
    if (pathOf(i) === 'panel') return contentManagerRequest(editor.jwt, 'put', NEWS, `/${documentId}?locale=bs`).send(data);
    return graphql(
      'mutation ($id: ID!, $data: NewsArticleInput!) { updateNewsArticle(documentId: $id, locale: "bs", status: DRAFT, data: $data) { documentId } }',
      { id: documentId, data },
      token
    );
  }

  beforeAll(async () => {
    const created = await rest('post', '', { locale: 'bs', status: 'draft' }, { title: 'Vijest koju svi pišu', publicationDate: '2026-12-15', lead: 'Početni uvod.' });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
  });

  it('leaves exactly one version per write, chained, each naming its own path and writer', async () => {
    const responses = await Promise.all(Array.from({ length: WRITERS }, (_, i) => write(i)));
    expect(responses.map((response) => [response.status, response.body.errors])).toEqual(Array(WRITERS).fill([200, undefined]));

    const [created, ...updates] = await versionsOf(strapi, documentId);
    expect(created).toMatchObject({ action: 'create', status: 'draft' });
    expect(updates).toHaveLength(WRITERS);
    let previous: Version = created;
    const writers = new Set<number>();
    for (const version of updates) {
      expect(version).toMatchObject({ locale: 'bs', status: 'draft', action: 'update' });
      const writer = Number(/^Uvod br\. (\d+):/.exec(version.values!.lead as string)?.[1]);
      writers.add(writer);
      // The state this write left: the one before it with this write's fields, nothing of another's.
      expect([writer, version.values]).toEqual([writer, { ...previous.values, ...sent(writer) }]);
      expect([writer, version.changedFields]).toEqual([writer, changedFields(previous.values!, version.values!)]);
      expect([writer, version.path]).toEqual([writer, pathOf(writer)]);
      expect([writer, version.actorType, version.actorName]).toEqual(
        pathOf(writer) === 'panel' ? [writer, 'admin', editor.email] : [writer, 'api-token', expect.stringMatching(/^history-concurrency-/)]
      );
      previous = version;
    }
    expect([...writers].sort((a, b) => a - b)).toEqual(Array.from({ length: WRITERS }, (_, i) => i));
    expect(previous.values).toEqual(await draftNow(documentId));
  });

  it('leaves one published version and one feed change per publish, chained and in feed order', async () => {
    const PUBLISHES = 6;
    const since = (await api().get('/api/changes').query({ since: 'now' })).body.meta.cursor;
    const mark = (await versionsOf(strapi, documentId)).at(-1)!.id;
    const responses = await Promise.all(
      Array.from({ length: PUBLISHES }, (_, i) => rest('put', `/${documentId}`, { locale: 'bs', status: 'published' }, { title: `Objava br. ${i}` }))
    );
    expect(responses.map((response) => response.status)).toEqual(Array(PUBLISHES).fill(200));

    const published = (await versionsOf(strapi, documentId)).filter((version) => version.id > mark && version.status === 'published');
    expect(published).toHaveLength(PUBLISHES);
    for (const [index, version] of published.entries()) {
      const before = index === 0 ? null : published[index - 1].values;
      expect(version.changedFields).toEqual(before ? ['title'] : expect.arrayContaining(['title', 'lead']));
      expect(version.values).toMatchObject({ title: expect.stringMatching(/^Objava br\. \d$/) });
    }
    expect(published.at(-1)!.values).toEqual(await draftNow(documentId, 'published'));

    const feed = await api().get('/api/changes').query({ since, pageSize: 100 });
    const mine = (feed.body.data as Array<{ cursor: string; documentId: string; change: string }>).filter((change) => change.documentId === documentId);
    expect(mine.map(({ change }) => change)).toEqual(['published', ...Array(PUBLISHES - 1).fill('updated')]);
    const ids = mine.map(({ cursor }) => decode(cursor).after);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});

describe('a reader polling the feed while many documents are published', () => {
  const DOCUMENTS = 8;
  const ROUNDS = 4;

  it('sees every change exactly once, its cursors only ever moving forward', async () => {
    const documents: string[] = [];
    for (let n = 0; n < DOCUMENTS; n++) {
      const created = await rest('post', '', { locale: 'bs', status: 'draft' }, { title: `Vijest za čitača ${n}`, publicationDate: '2026-12-16' });
      expect(created.status).toBe(201);
      documents.push(created.body.data.documentId);
    }
    let cursor: string = (await api().get('/api/changes').query({ since: 'now' })).body.meta.cursor;
    const start = decode(cursor).after;
    const seen: Array<{ id: number; documentId: string; change: string }> = [];
    let lastId = start;
    let polls = 0;
    let writing = true;
    let pollsWhileWriting = 0;

    /** One page after the cursor: every item after the last one seen, the cursor never going back. */
    async function poll(): Promise<number> {
      const page = await api().get('/api/changes').query({ since: cursor, pageSize: 3, type: 'news-articles' });
      expect(page.status).toBe(200);
      polls += 1;
      if (writing) pollsWhileWriting += 1;
      for (const item of page.body.data as Array<{ cursor: string; documentId: string; change: string }>) {
        const id = decode(item.cursor).after;
        expect(id).toBeGreaterThan(lastId);
        lastId = id;
        if (documents.includes(item.documentId)) seen.push({ id, documentId: item.documentId, change: item.change });
      }
      expect(decode(page.body.meta.cursor).after).toBeGreaterThanOrEqual(lastId);
      cursor = page.body.meta.cursor;
      return page.body.data.length;
    }

    const reader = (async () => {
      while (writing) if ((await poll()) === 0) await new Promise((resolve) => setImmediate(resolve));
    })();
    // Each document published ROUNDS times, all documents at once; half through the panel (a save
    // and a publish in one transaction), half over REST.
    try {
      await Promise.all(
        documents.map(async (documentId, n) => {
          for (let round = 0; round < ROUNDS; round++) {
            const lead = `Uvod ${n}.${round}`;
            const response =
              n % 2 === 0
                ? await rest('put', `/${documentId}`, { locale: 'bs', status: 'published' }, { lead })
                : await contentManagerRequest(editor.jwt, 'post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({ locale: 'bs', lead });
            expect([documentId, round, response.status]).toEqual([documentId, round, 200]);
          }
        })
      );
    } finally {
      // Stopped on failure too: a reader left polling after this file's Strapi is gone failed the next file.
      writing = false;
      await reader;
    }

    const committed = (await changesOf(strapi, ...documents)).filter((change) => change.id > start);
    expect(committed).toHaveLength(DOCUMENTS * ROUNDS);
    // The reader catches up, and then has seen each committed change once, none twice.
    const caughtUp = async () => {
      await poll();
      return seen.length >= committed.length;
    };
    expect(await until(caughtUp, 10_000, 50)).toBe(true);
    expect(seen.map(({ id }) => id)).toEqual(committed.map(({ id }) => id));
    expect(new Set(seen.map(({ id }) => id)).size).toBe(seen.length);
    for (const documentId of documents) {
      expect(seen.filter((change) => change.documentId === documentId).map(({ change }) => change)).toEqual(['published', ...Array(ROUNDS - 1).fill('updated')]);
      const published = (await versionsOf(strapi, documentId)).filter((version) => version.status === 'published');
      expect(published.map((version) => version.values!.lead)).toEqual(Array.from({ length: ROUNDS }, (_, round) => `Uvod ${documents.indexOf(documentId)}.${round}`));
    }
    expect(pollsWhileWriting).toBeGreaterThan(3);
    expect(polls).toBeGreaterThan(pollsWhileWriting);
  });
});

describe('a publish whose transaction is still open', () => {
  // PostgreSQL hands out change ids when rows are written, not when they commit: a later id
  // committed first would let a reader's cursor pass the earlier one for good. The feed's lock,
  // held to the commit, keeps the later writer back. To hold a publish open after it wrote its
  // change, the test holds the audit log's table, which the publish writes to last, in its
  // transaction (as tests/api/job-leases.test.ts does). SQLite has one writer: there, both
  // publishes at once must still reach the feed, once each.
  it('keeps a later publish out of the feed until it commits, so no reader skips it', async () => {
    const [held, quick] = await Promise.all(
      ['Vijest koja čeka', 'Vijest koja bi prestigla'].map(
        async (title) => (await rest('post', '', { locale: 'bs', status: 'draft' }, { title, publicationDate: '2026-12-17' })).body.data.documentId as string
      )
    );
    const start: string = (await api().get('/api/changes').query({ since: 'now' })).body.meta.cursor;
    if (!usesPostgres()) {
      const published = await Promise.all([held, quick].map((documentId) => rest('put', `/${documentId}`, { locale: 'bs', status: 'published' }, { lead: 'Objava.' })));
      expect(published.map((response) => response.status)).toEqual([200, 200]);
      const listed = (await api().get('/api/changes').query({ since: start })).body.data as Array<{ documentId: string; cursor: string }>;
      const ours = listed.filter((change) => [held, quick].includes(change.documentId));
      expect(ours.map((change) => change.documentId).sort()).toEqual([held, quick].sort());
      return;
    }
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    // Locks asked for and not granted (pg_stat_activity would name the statement before: a lock
    // taken while a statement is parsed is waited for before the statement is reported).
    const waitingFor = async (lock: string) => (await database.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND ${lock}`)).rows.length > 0;
    let slow: Promise<{ status: number }> | undefined;
    let fast: Promise<{ status: number }> | undefined;
    try {
      await database.query('BEGIN');
      await database.query('LOCK TABLE audit_log_entries IN EXCLUSIVE MODE');
      slow = contentManagerRequest(editor.jwt, 'post', NEWS, `/${held}/actions/publish?locale=bs`)
        .send({ locale: 'bs' })
        .then((response) => response);
      expect(await until(() => waitingFor(`relation = 'audit_log_entries'::regclass`), 10_000, 20)).toBe(true);
      let fastDone = false;
      fast = rest('put', `/${quick}`, { locale: 'bs', status: 'published' }, { lead: 'Brza objava.' }).then((response) => ((fastDone = true), response));
      expect(await until(async () => fastDone || (await waitingFor(`locktype = 'advisory' AND objid = ${FEED_LOCK}`)), 10_000, 20)).toBe(true);
      // Meanwhile a reader sees neither: the held publish has not committed, the quick one waits.
      const during = await api().get('/api/changes').query({ since: start });
      expect(during.body.data.filter((change: { documentId: string }) => [held, quick].includes(change.documentId))).toEqual([]);
      await database.query('COMMIT');
      expect((await slow).status).toBe(200);
      expect((await fast).status).toBe(200);
      // From where the reader stood, both, in commit order.
      const after = await api().get('/api/changes').query({ since: during.body.meta.cursor });
      expect(
        after.body.data.filter((change: { documentId: string }) => [held, quick].includes(change.documentId)).map((change: { documentId: string }) => change.documentId)
      ).toEqual([held, quick]);
    } finally {
      await database.query('ROLLBACK').catch(() => undefined);
      await Promise.allSettled([slow, fast]);
      await database.end();
    }
  });
});

describe('writes that lock several documents, at once', () => {
  // Each document's writes hold its lock to the commit. A bulk action locks several in one
  // transaction, a workshop's save locks the articles it links or unlinks: two of them taking
  // the same documents in opposite orders would deadlock (PostgreSQL then fails one with a 500)
  // unless they wait for each other first.
  it('bulk publishes in opposite orders, a workshop relinking the same articles and saves of each all succeed, their versions chained', async () => {
    const articles = await Promise.all(
      ['Prva', 'Druga', 'Treća', 'Četvrta', 'Peta'].map(
        async (name) =>
          (await rest('post', '', { locale: 'bs', status: 'draft' }, { title: `${name} vijest u skupnoj objavi`, publicationDate: '2026-12-18' })).body.data.documentId as string
      )
    );
    const workshop = await api()
      .post('/api/workshops')
      .set('Authorization', `Bearer ${token}`)
      .query({ locale: 'bs', status: 'draft' })
      .send({ data: { title: 'Radionica koja povezuje vijesti', timeZone: 'Europe/Sarajevo' } });
    const workshopId: string = workshop.body.data.documentId;
    try {
      for (let round = 0; round < 4; round += 1) {
        const bulkPublish = (documentIds: string[]) => contentManagerRequest(editor.jwt, 'post', NEWS, '/actions/bulkPublish?locale=bs').send({ documentIds, locale: 'bs' });
        const responses = await Promise.all([
          bulkPublish(articles),
          bulkPublish([...articles].reverse()),
          api()
            .put(`/api/workshops/${workshopId}`)
            .set('Authorization', `Bearer ${token}`)
            .query({ locale: 'bs', status: 'draft' })
            .send({ data: { newsArticles: (round % 2 === 0 ? articles : [...articles].reverse()).slice(0, 2 + round) } }),
          ...articles.map((documentId, index) => rest('put', `/${documentId}`, { locale: 'bs', status: 'draft' }, { lead: `Krug ${round}, vijest ${index}.` })),
        ]);
        expect(responses.map((response) => [response.status, response.body?.error?.message])).toEqual(responses.map(() => [200, undefined]));
      }
      // However the writes interleaved, each article's newest draft version is its draft now.
      for (const documentId of articles) {
        const drafts = (await versionsOf(strapi, documentId)).filter((version) => version.status === 'draft');
        expect(changedFields(drafts.at(-1)!.values!, (await draftNow(documentId))!)).toEqual([]);
      }
    } finally {
      await strapi.documents('api::workshop.workshop').delete({ documentId: workshopId, locale: '*' });
    }
  });
});
