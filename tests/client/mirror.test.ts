/**
 * A partner's mirror (packages/client/examples/mirror.js, run the way a partner runs it) kept
 * current through the change feed while 200 random writes, drawn by fast-check with a fixed
 * seed, go through the REST API (and the Content Manager, which alone unpublishes) in every
 * locale: each time it catches up, twice on the way and at the end, its file must be byte for
 * byte what a fresh download writes. A later change to the same document would hide a missed
 * one from that comparison, so after every write the feed must also list each language version
 * whose published read changed. A cursor the feed cannot follow (410) makes the mirror download
 * everything again.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Core, UID } from '@strapi/strapi';
import fc from 'fast-check';
import { CONTENT_TYPES, createClient, LOCALES, type Locale, type SpisClient } from '../../packages/client/src/index';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { ensureClientBuild } from '../helpers/client-build';
import { api, createApiToken, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(120_000);

const run = promisify(execFile);
const EXAMPLE = path.join('packages', 'client', 'examples', 'mirror.js');
/** A mirror reads everything a dozen times a minute here, far beyond a partner's rate limit. */
const RATE_LIMITS = ['RATE_LIMIT_PUBLIC_PER_MINUTE', 'RATE_LIMIT_TOKEN_PER_MINUTE'];

/** The types written: a text of each language version, and a date every version shares. */
const WRITTEN = {
  'news-articles': { uid: 'api::news-article.news-article', text: 'lead', sharedDate: 'publicationDate' },
  workshops: { uid: 'api::workshop.workshop', text: 'description', sharedDate: 'startDate' },
} as const;
type Written = keyof typeof WRITTEN;

const KINDS = ['create', 'add locale', 'publish', 'edit published', 'edit shared date', 'edit draft', 'unpublish', 'delete locale', 'delete document'] as const;
type Kind = (typeof KINDS)[number];
type Operation = { kind: Kind; type: Written; locale: Locale; pick: number; publish: boolean };

/** What the test knows of a document it made: its language versions, and which are published. */
type Made = { type: Written; documentId: string; versions: Map<Locale, boolean> };

let strapi: Core.Strapi;
let origin: string;
let token: string;
let editor: string;
let folder: string;
let client: SpisClient;
/** Every document made, deleted at the end whatever became of it. */
const made: Array<{ uid: UID.ContentType; documentId: string }> = [];
/** Numbers each write's texts and dates, so no two titles (and slugs) are the same. */
let written = 0;

beforeAll(async () => {
  for (const name of RATE_LIMITS) process.env[name] = '1000000';
  strapi = await setupStrapi();
  origin = await listen(strapi);
  client = createClient({ baseUrl: origin });
  token = await createApiToken(strapi);
  editor = await loginAsNewAdmin(strapi);
  ensureClientBuild();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-mirror-'));
});

afterAll(async () => {
  for (const { uid, documentId } of made) await strapi.documents(uid).delete({ documentId, locale: '*' });
  fs.rmSync(folder, { recursive: true, force: true });
  await teardownStrapi();
  for (const name of RATE_LIMITS) delete process.env[name];
});

/** Runs the example on a mirror file as a partner does; what it printed. */
const runMirror = async (file: string) => (await run(process.execPath, [EXAMPLE, origin, file])).stdout;

/** What the example's first run writes: everything, downloaded now. */
async function freshDownload(): Promise<Buffer> {
  const file = path.join(folder, `fresh-${randomUUID()}.json`);
  await runMirror(file);
  return fs.readFileSync(file);
}

/** A mirror file's documents, one line each by collection, locale and documentId. */
function documentLines(file: Buffer): Record<string, string> {
  const { documents } = JSON.parse(file.toString('utf8')) as { documents: Record<string, Record<string, Record<string, unknown>>> };
  return Object.fromEntries(
    Object.entries(documents).flatMap(([name, locales]) =>
      Object.entries(locales).flatMap(([locale, copies]) => Object.entries(copies).map(([documentId, copy]) => [`${name} ${locale} ${documentId}`, JSON.stringify(copy)]))
    )
  );
}

/** The same bytes; when not, a failure that names the documents that differ first. */
function expectSameFile(mirrored: Buffer, downloaded: Buffer) {
  expect(documentLines(mirrored)).toEqual(documentLines(downloaded));
  expect(mirrored.equals(downloaded)).toBe(true);
}

it('type-checks against the built client (it is JavaScript with JSDoc types)', async () => {
  // tsc prints its errors on stdout, and fails with them.
  const { stdout } = await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join('packages', 'client', 'examples')]).catch((error) => error);
  expect(stdout).toBe('');
});

it('reads a document alone exactly as the list shows it, so a copy read again matches a downloaded one', async () => {
  for (const name of Object.values(CONTENT_TYPES)) {
    for (const locale of LOCALES) {
      const { data } = await client[name].list({ locale, fallback: false, pageSize: 100 });
      for (const entry of data) {
        const { data: alone } = await client[name].get(entry.documentId, { locale, fallback: false });
        expect(JSON.stringify(alone)).toBe(JSON.stringify(entry));
      }
    }
  }
});

it('downloads every published document of every type in every locale on its first run', async () => {
  const lines = Object.keys(documentLines(await freshDownload()));
  for (const [uid, name] of Object.entries(CONTENT_TYPES)) {
    for (const locale of LOCALES) {
      const published = await strapi.documents(uid as UID.ContentType).count({ locale, status: 'published' });
      expect([name, locale, lines.filter((line) => line.startsWith(`${name} ${locale} `)).length]).toEqual([name, locale, published]);
    }
  }
});

const title = (locale: Locale, n: number) => (locale === 'sr-Cyrl' ? `Огледало ${n}: Челинац` : `Ogledalo ${n}: Čelinac (${locale})`);
const date = (n: number) => `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

/** A write with the full-access token; its body. */
async function write(method: 'post' | 'put' | 'delete', url: string, query: Record<string, string>, data?: Record<string, unknown>) {
  const request = api()[method](url).set('Authorization', `Bearer ${token}`).query(query);
  const response = await (data ? request.send({ data }) : request);
  if (response.status >= 300) throw new Error(`${method.toUpperCase()} ${url} ${JSON.stringify(query)}: ${response.status} ${response.text}`);
  return response.body;
}

/** A write done: its kind, and the language version it was asked of. */
type Done = { kind: Kind; version: string };

/**
 * Does what `operation` asks of the documents of its type made so far (a kind that has nothing
 * to act on creates instead), and keeps `documents` in step.
 */
async function perform(operation: Operation, documents: Made[]): Promise<Done> {
  const n = ++written;
  const ofType = documents.filter((document) => document.type === operation.type);
  const versions = ofType.flatMap((document) => [...document.versions].map(([locale, published]) => ({ document, locale, published })));
  const published = versions.filter((version) => version.published);
  const missing = ofType.flatMap((document) => LOCALES.filter((locale) => !document.versions.has(locale)).map((locale) => ({ document, locale, published: false })));
  const candidates: Record<Kind, typeof versions> = {
    create: [],
    'add locale': missing,
    publish: versions,
    'edit published': published,
    'edit shared date': versions,
    'edit draft': versions,
    unpublish: published,
    'delete locale': versions,
    'delete document': versions,
  };
  const targets = candidates[operation.kind];
  if (targets.length === 0) {
    const { type, locale, publish } = operation;
    const status = publish ? 'published' : 'draft';
    const body = await write('post', `/api/${type}`, { locale, status }, { title: title(locale, n), [WRITTEN[type].text]: `Tekst ${n}`, [WRITTEN[type].sharedDate]: date(n) });
    made.push({ uid: WRITTEN[type].uid, documentId: body.data.documentId });
    documents.push({ type, documentId: body.data.documentId, versions: new Map([[locale, publish]]) });
    return { kind: 'create', version: `${type} ${locale} ${body.data.documentId}` };
  }
  const { document, locale } = targets[operation.pick % targets.length];
  const { text, sharedDate, uid } = WRITTEN[document.type];
  const url = `/api/${document.type}/${document.documentId}`;
  switch (operation.kind) {
    case 'add locale':
      await write('put', url, { locale, status: operation.publish ? 'published' : 'draft' }, { title: title(locale, n), [text]: `Tekst ${n}` });
      document.versions.set(locale, operation.publish);
      break;
    case 'publish':
      await write('put', url, { locale, status: 'published' }, {});
      document.versions.set(locale, true);
      break;
    case 'edit published':
      await write('put', url, { locale, status: 'published' }, { [text]: `Izmijenjen tekst ${n}` });
      break;
    case 'edit shared date':
      // Published in this locale, and copied by Strapi into every other published version.
      await write('put', url, { locale, status: 'published' }, { [sharedDate]: date(n) });
      document.versions.set(locale, true);
      break;
    case 'edit draft':
      await write('put', url, { locale, status: 'draft' }, { [text]: `Nacrt ${n}` });
      break;
    case 'unpublish': {
      const response = await contentManagerRequest(editor, 'post', uid, `/${document.documentId}/actions/unpublish?locale=${locale}`).send({});
      if (response.status !== 200) throw new Error(`unpublish ${url} ${locale}: ${response.status} ${response.text}`);
      document.versions.set(locale, false);
      break;
    }
    case 'delete locale':
      await write('delete', url, { locale });
      document.versions.delete(locale);
      if (document.versions.size === 0) documents.splice(documents.indexOf(document), 1);
      break;
    case 'delete document':
      await write('delete', url, { locale: '*' });
      documents.splice(documents.indexOf(document), 1);
      break;
  }
  return { kind: operation.kind, version: `${document.type} ${locale} ${document.documentId}` };
}

/** What readers see of the documents made (the plain published read), by `collection locale documentId`. */
async function publishedReads(): Promise<Map<string, string>> {
  const reads = (Object.keys(WRITTEN) as Written[]).flatMap((type) => {
    const name = CONTENT_TYPES[WRITTEN[type].uid];
    const documentIds = made.filter((document) => document.uid === WRITTEN[type].uid).map((document) => document.documentId);
    return documentIds.length === 0
      ? []
      : LOCALES.map(async (locale) => {
          const { data, meta } = await client[name].list({ locale, fallback: false, filters: { documentId: { $in: documentIds } }, pageSize: 100 });
          expect(meta.pagination.total).toBe(data.length);
          return data.map((entry) => [`${name} ${locale} ${entry.documentId}`, JSON.stringify(entry)] as const);
        });
  });
  return new Map((await Promise.all(reads)).flat());
}

/** The language versions the feed lists after `since`, as `collection locale documentId`, and where it ends. */
async function listedSince(since: string): Promise<{ listed: Set<string>; cursor: string }> {
  const listed = new Set<string>();
  let cursor = since;
  for await (const page of client.sync(since)) {
    for (const change of page.data) listed.add(`${CONTENT_TYPES[change.contentType]} ${change.locale} ${change.documentId}`);
    cursor = page.meta.cursor;
  }
  return { listed, cursor };
}

const operation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  type: fc.constantFrom<Written>('news-articles', 'workshops'),
  locale: fc.constantFrom(...LOCALES),
  pick: fc.nat(),
  publish: fc.boolean(),
});

it('lists every change readers see, and keeps the mirror byte for byte a fresh download, through 200 random writes in every locale', async () => {
  const done: Done[] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { minLength: 200, maxLength: 200 }), async (operations) => {
      const file = path.join(folder, `mirror-${randomUUID()}.json`);
      await runMirror(file);
      const documents: Made[] = [];
      let cursor = await client.currentCursor();
      let reads = await publishedReads();
      for (const [index, next] of operations.entries()) {
        const step = await perform(next, documents);
        done.push(step);
        const now = await publishedReads();
        const changed = [...new Set([...reads.keys(), ...now.keys()])].filter((key) => reads.get(key) !== now.get(key));
        const feed = await listedSince(cursor);
        expect({ step, unlisted: changed.filter((key) => !feed.listed.has(key)) }).toEqual({ step, unlisted: [] });
        [cursor, reads] = [feed.cursor, now];
        if ((index + 1) % 67 === 0 || index === operations.length - 1) {
          await runMirror(file);
          expectSameFile(fs.readFileSync(file), await freshDownload());
        }
      }
    }),
    // One run of a fixed sequence; endOnFailure: false shrinks a failure to a shorter one (slowly).
    { seed: 20_261_220, numRuns: 1, endOnFailure: true }
  );
  // The sequence did every kind of write.
  expect(new Set(done.map(({ kind }) => kind))).toEqual(new Set(KINDS));
});

describe('a cursor the feed cannot follow (410)', () => {
  const cursorOf = (epoch: string, after: number) => Buffer.from(`${epoch}.${after}`).toString('base64url');

  it.each([
    ['from another database', () => cursorOf(randomUUID(), 1)],
    [
      'ahead of the feed, as after a restore from an older backup',
      (cursor: string) => {
        const [epoch, after] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
        return cursorOf(epoch, Number(after) + 1000);
      },
    ],
  ])('%s: the mirror downloads everything again', async (_, forge) => {
    const file = path.join(folder, `gone-${randomUUID()}.json`);
    await runMirror(file);
    const { cursor, documents } = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ cursor: forge(cursor), documents: { ...documents, newsArticles: {} } }));
    expect(await runMirror(file)).toMatch(/Download the content again.*Downloading everything again/);
    expectSameFile(fs.readFileSync(file), await freshDownload());
  });
});
