/**
 * Backup and restore with the Media Library in an S3-compatible bucket (s3rver on 127.0.0.1).
 * A photo and its formats uploaded on a production server that keeps media in a bucket are
 * carried by `npm run backup`, byte for byte; `npm run restore` puts them into another, empty
 * bucket (or onto the disk of a server without a bucket) through the upload provider and points
 * the rows there, so the restored server serves the same content with the same media. A local
 * backup restored into a server with a bucket fills the bucket. Checked with the drivers and over
 * HTTP, not with the backup's code.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { loginAsNewAdmin, asAdmin, createAdminUser } from '../helpers/admin';
import { openReader, restoreTarget, runCommandAsync, type Row } from '../helpers/backup';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { testDatabaseSettings } from '../helpers/database';
import { adminToken, deleteUpload, s3Settings, startS3, testPhoto, uploadPhoto, type S3Server, type UploadedFile } from '../helpers/s3';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { waitForIdleDatabase } from '../../src/database/idle';

jest.setTimeout(300_000);

const NEWS = 'api::news-article.news-article';
const SOURCE_BUCKET = 'spis-media';
const RESTORED_BUCKET = 'spis-restored';
const FROM_LOCAL_BUCKET = 'spis-from-local';
const REFUSED_BUCKET = 'spis-refused';

type Manifest = { uploads: { provider: string; files: { path: string; bytes: number; sha256: string; url?: string }[]; missing: string[] } };
type Media = { id: number; url: string; provider?: string; formats: Record<string, { url: string }> | null };

/** Runs `npm run backup` / `npm run restore` (s3rver answers from this process meanwhile); its output, or a thrown error with it. */
async function backupCommand(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { status, stdout } = await runCommandAsync(['database/backup.js', ...args], env);
  if (status !== 0) throw new Error(`backup.js ${args[0]} exited with ${status}:\n${stdout}`);
  return stdout;
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const bytesAt = async (url: string): Promise<Buffer | undefined> => {
  const response = await fetch(url);
  return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
};
const readManifest = (directory: string): Manifest => JSON.parse(fs.readFileSync(path.join(directory, 'manifest.json'), 'utf8'));
/** The rows of the Media Library as a backup holds them. */
const backedUpFiles = (directory: string): Media[] =>
  fs
    .readFileSync(path.join(directory, 'tables', 'files.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
/** A files row as the driver returns it (SQLite returns JSON as text). */
const asMedia = (row: Row): Media => ({ ...(row as Media), formats: typeof row.formats === 'string' ? JSON.parse(row.formats) : (row.formats as Media['formats']) });
/** The URL of the file and of each format, by key. */
const urlsOf = (file: Media): Record<string, string> => ({
  file: file.url,
  ...Object.fromEntries(Object.entries(file.formats ?? {}).map(([key, format]) => [key, format.url])),
});
/** The URL a manifest entry came from. */
const sourceUrl = (file: Manifest['uploads']['files'][number]) => file.url ?? `/uploads/${file.path}`;

/**
 * Every restored row against the backed-up one, URL by URL: what the backup carried now points at
 * `expectedPrefix` and serves the backed-up bytes; what it did not carry points where it pointed.
 */
async function expectMediaPlaced(directory: string, restoredRows: Row[], expectedPrefix: string, read: (url: string) => Promise<Buffer | undefined>) {
  const manifest = readManifest(directory);
  const carried = new Map(manifest.uploads.files.map((file) => [sourceUrl(file), file]));
  const restored = new Map(restoredRows.map((row) => [row.id, asMedia(row)]));
  let placed = 0;
  for (const original of backedUpFiles(directory)) {
    const copy = restored.get(original.id)!;
    const after = urlsOf(copy);
    for (const [key, before] of Object.entries(urlsOf(original))) {
      const file = carried.get(before);
      if (!file) {
        expect({ id: original.id, key, url: after[key] }).toEqual({ id: original.id, key, url: before });
        continue;
      }
      expect({ id: original.id, key, prefixed: after[key].startsWith(expectedPrefix) }).toEqual({ id: original.id, key, prefixed: true });
      const bytes = await read(after[key]);
      expect({ url: after[key], sha256: bytes && sha256(bytes) }).toEqual({ url: after[key], sha256: file.sha256 });
      placed += 1;
    }
  }
  return placed;
}

let strapi: Core.Strapi;
let s3: S3Server;
let source: ServerProcess;
let token: string;
let photo: UploadedFile;
/** The photo's objects as the source bucket serves them, by URL. */
const originalBytes = new Map<string, Buffer>();
let articleId: string;
/** Taken once Strapi is up: the first file to boot imports the SPIS content, which cleanup must not delete. */
let startedAt: Date;
const s3Backup = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-backup-s3-'));
let backupOutput: string;
const targets = { s3: restoreTarget('bk_s3'), local: restoreTarget('bk_s3_local'), fromLocal: restoreTarget('bk_local_s3'), refused: restoreTarget('bk_s3_refused') };
const directories = [s3Backup];
/** Files a restore onto this server's disk wrote (never there before): removed at the end. */
const writtenToDisk: string[] = [];

beforeAll(async () => {
  s3 = await startS3([SOURCE_BUCKET, RESTORED_BUCKET, FROM_LOCAL_BUCKET, REFUSED_BUCKET]);
  strapi = await setupStrapi();
  startedAt = new Date();
  source = await startProductionServer({ ...testDatabaseSettings(), ...s3Settings(s3, SOURCE_BUCKET) });
  token = await adminToken(source.origin, await createAdminUser(strapi));
  const upload = await uploadPhoto(source.origin, token, await testPhoto(), 'radionica-šamac.jpg');
  expect(upload.status).toBe(201);
  photo = upload.file;
  expect(Object.keys(photo.formats).sort()).toEqual(['medium', 'small', 'thumbnail']);
  for (const url of Object.values(urlsOf(photo as Media))) originalBytes.set(url, (await bytesAt(url))!);
  const article = await strapi.documents(NEWS).create({
    locale: 'bs',
    status: 'published',
    data: { title: 'Radionica u Šamcu (kopija iz kante)', publicationDate: '2026-11-25', cover: photo.id, coverAlt: 'Djeca na radionici u Šamcu' } as never,
  });
  articleId = article.documentId;
  await waitForIdleDatabase(strapi);
  backupOutput = await backupCommand(['create', s3Backup], s3Settings(s3, SOURCE_BUCKET));
});

afterAll(async () => {
  if (photo) await deleteUpload(source.origin, token, photo.id);
  if (source?.child.exitCode === null) source.child.kill('SIGKILL');
  await deleteNewsCreatedSince(strapi, startedAt);
  for (const target of Object.values(targets)) await target.drop();
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
  for (const file of writtenToDisk) fs.rmSync(file, { force: true });
  await s3?.close();
  await teardownStrapi();
});

it('carries every object of the photo, read from the bucket, with its checksum and URL', () => {
  expect(backupOutput).toMatch(/backup: \d+ tables, \d+ rows, \d+ media files in /);
  const manifest = readManifest(s3Backup);
  expect(manifest.uploads.provider).toBe('aws-s3');
  for (const [url, bytes] of originalBytes) {
    const file = manifest.uploads.files.find((candidate) => candidate.url === url);
    expect({ url, file }).toEqual({ url, file: { path: expect.stringMatching(/^[A-Za-z0-9_-]+\.jpg$/), bytes: bytes.length, sha256: sha256(bytes), url } });
    expect(fs.readFileSync(path.join(s3Backup, 'uploads', file!.path)).equals(bytes)).toBe(true);
  }
  // Whatever else the shared test database holds is carried or listed as missing, never dropped silently.
  const listed = new Set([...manifest.uploads.files.map(sourceUrl), ...manifest.uploads.missing]);
  for (const row of backedUpFiles(s3Backup)) for (const url of Object.values(urlsOf(row))) expect([url, listed.has(url)]).toEqual([url, true]);
});

describe('restored into another, empty bucket', () => {
  let output: string;
  let restoredServer: ServerProcess;
  const settings = () => ({ ...targets.s3.env, ...s3Settings(s3, RESTORED_BUCKET) });

  beforeAll(async () => {
    expect(await bytesAt(`${s3.origin}/${RESTORED_BUCKET}/spis/${path.basename(photo.url)}`)).toBeUndefined();
    await targets.s3.recreate();
    output = await backupCommand(['restore', s3Backup], settings());
    restoredServer = await startProductionServer(settings());
  });

  afterAll(() => {
    if (restoredServer?.child.exitCode === null) restoredServer.child.kill('SIGKILL');
  });

  it('puts every backed-up object into the new bucket and points each row there, byte for byte', async () => {
    expect(output).toMatch(/restore: \d+ tables, \d+ rows, \d+ media files from /);
    const reader = await openReader(targets.s3);
    const rows = await reader.rows('files').finally(() => reader.close());
    expect(await expectMediaPlaced(s3Backup, rows, `${s3.origin}/${RESTORED_BUCKET}/spis/`, bytesAt)).toBeGreaterThanOrEqual(4);
    const copy = asMedia(rows.find((row) => row.id === photo.id)!);
    expect(copy.provider).toBe('aws-s3');
    const original = urlsOf(photo as Media);
    for (const [key, url] of Object.entries(urlsOf(copy))) {
      expect(url).toBe(original[key].replace(`/${SOURCE_BUCKET}/`, `/${RESTORED_BUCKET}/`));
      expect((await bytesAt(url))!.equals(originalBytes.get(original[key])!)).toBe(true);
    }
  });

  it('serves the article as the original server does, its cover at the new bucket', async () => {
    const url = `/api/news-articles/${articleId}?locale=bs&populate=cover`;
    const [original, copy] = await Promise.all([source, restoredServer].map(async (server) => (await fetch(`${server.origin}${url}`)).json()));
    const moved = JSON.stringify(original).split(`${s3.origin}/${SOURCE_BUCKET}/`).join(`${s3.origin}/${RESTORED_BUCKET}/`);
    expect(copy).toEqual(JSON.parse(moved));
    const cover = (copy as { data: { cover: UploadedFile } }).data.cover;
    for (const media of Object.values(urlsOf(cover as Media))) expect((await fetch(media)).status).toBe(200);
  });
});

describe('restored into a server that keeps media on its disk', () => {
  let output: string;

  beforeAll(async () => {
    await targets.local.recreate();
    const names = Object.values(urlsOf(photo as Media)).map((url) => path.join('public', 'uploads', path.basename(url)));
    for (const name of names) expect(fs.existsSync(name)).toBe(false);
    writtenToDisk.push(...names);
    output = await backupCommand(['restore', s3Backup], targets.local.env);
  });

  it('writes every object under public/uploads and points the rows at /uploads/…', async () => {
    expect(output).toMatch(/restore: \d+ tables, \d+ rows, \d+ media files from /);
    const reader = await openReader(targets.local);
    const rows = await reader.rows('files').finally(() => reader.close());
    const fromDisk = async (url: string) => (url.startsWith('/uploads/') && fs.existsSync(path.join('public', url)) ? fs.readFileSync(path.join('public', url)) : undefined);
    expect(await expectMediaPlaced(s3Backup, rows, '/uploads/', fromDisk)).toBeGreaterThanOrEqual(4);
    const copy = asMedia(rows.find((row) => row.id === photo.id)!);
    expect(copy.provider).toBe('local');
    expect(Object.values(urlsOf(copy)).sort()).toEqual(
      Object.values(urlsOf(photo as Media))
        .map((url) => `/uploads/${path.basename(url)}`)
        .sort()
    );
  });
});

describe('a local backup restored into a server with a bucket', () => {
  const localBackup = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-backup-local-'));
  directories.push(localBackup);
  let localFile: Media & { hash: string };
  let output: string;

  beforeAll(async () => {
    const jwt = await loginAsNewAdmin(strapi);
    const upload = await asAdmin(jwt, 'post', '/upload').attach('files', await testPhoto(), { filename: 'radionica-jajce.jpg', contentType: 'image/jpeg' });
    expect(upload.status).toBe(201);
    localFile = upload.body[0];
    expect(localFile.url).toMatch(/^\/uploads\//);
    await waitForIdleDatabase(strapi);
    await backupCommand(['create', localBackup]);
    await targets.fromLocal.recreate();
    output = await backupCommand(['restore', localBackup], { ...targets.fromLocal.env, ...s3Settings(s3, FROM_LOCAL_BUCKET) });
  });

  afterAll(async () => {
    if (localFile)
      await strapi
        .plugin('upload')
        .service('upload')
        .remove(await strapi.db.query('plugin::upload.file').findOne({ where: { id: localFile.id } }));
  });

  it('uploads the files of public/uploads into the bucket and points the rows there', async () => {
    expect(readManifest(localBackup).uploads.provider).toBe('local');
    expect(output).toMatch(/restore: \d+ tables, \d+ rows, \d+ media files from /);
    const reader = await openReader(targets.fromLocal);
    const rows = await reader.rows('files').finally(() => reader.close());
    expect(await expectMediaPlaced(localBackup, rows, `${s3.origin}/${FROM_LOCAL_BUCKET}/spis/`, bytesAt)).toBeGreaterThanOrEqual(4);
    const copy = asMedia(rows.find((row) => row.id === localFile.id)!);
    expect(copy.provider).toBe('aws-s3');
    for (const [key, url] of Object.entries(urlsOf(localFile))) {
      const restoredUrl = urlsOf(copy)[key];
      expect(restoredUrl).toBe(`${s3.origin}/${FROM_LOCAL_BUCKET}/spis/${path.basename(url)}`);
      expect((await bytesAt(restoredUrl))!.equals(fs.readFileSync(path.join('public', url)))).toBe(true);
    }
  });

  it('leaves a row whose file the backup does not hold where it pointed, and says so', async () => {
    // The S3 photo was in the database, not on this server's disk: a local backup has no copy.
    expect(output).toContain(`restore: warning, ${photo.url} is in the media library but not in the backup; the row still points there`);
    const reader = await openReader(targets.fromLocal);
    const rows = await reader.rows('files').finally(() => reader.close());
    expect(asMedia(rows.find((row) => row.id === photo.id)!).url).toBe(photo.url);
  });
});

it('refuses a backup whose file row would make the provider write elsewhere, before writing any row', async () => {
  const tampered = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-backup-tampered-'));
  directories.push(tampered);
  fs.cpSync(s3Backup, tampered, { recursive: true });
  const table = path.join(tampered, 'tables', 'files.jsonl');
  const lines = fs
    .readFileSync(table, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map((row) => (row.id === photo.id ? { ...row, hash: '../../../escaped' } : row));
  const text = lines.map((row) => `${JSON.stringify(row)}\n`).join('');
  fs.writeFileSync(table, text);
  // A consistent manifest: the checksums are not what stops it.
  const manifestFile = path.join(tampered, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  manifest.tables.find((entry: { name: string }) => entry.name === 'files').sha256 = sha256(Buffer.from(text));
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));

  await targets.refused.recreate();
  const failure = await runCommandAsync(['database/backup.js', 'restore', tampered], { ...targets.refused.env, ...s3Settings(s3, REFUSED_BUCKET) });
  expect(failure.status).toBe(1);
  expect(failure.stdout).toContain(`restore: failed, nothing was changed: cannot put ${photo.url} into the aws-s3 upload provider`);
  expect(failure.stdout).toContain('are not a file name');
  const reader = await openReader(targets.refused);
  expect(await reader.rows('files').finally(() => reader.close())).toEqual([]);
});
