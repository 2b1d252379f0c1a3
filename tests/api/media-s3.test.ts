/**
 * Media in an S3-compatible bucket (UPLOAD_PROVIDER=s3), on a production server and a real S3
 * server started here (s3rver, on 127.0.0.1): a photo and its responsive formats go to the
 * bucket, not to this server's disk; their URLs lead to the bucket and serve the same bytes;
 * the admin panel may load images from there (its CSP); deleting the file removes the objects.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import S3rver from 's3rver';
import sharp from 'sharp';
import { createAdminUser } from '../helpers/admin';
import { testDatabaseSettings } from '../helpers/database';
import { freePort, startProductionServer, type ServerProcess } from '../helpers/server-process';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(120_000);

const BUCKET = 'spis-media';
let strapi: Core.Strapi;
let s3: S3rver;
let s3Origin: string;
let bucketDirectory: string;
let server: ServerProcess;
let token: string;
/** Files still to delete: a file left behind would point the shared Media Library at a bucket that is gone. */
const uploaded = new Set<number>();

type UploadedFile = { id: number; url: string; formats: Record<string, { url: string; width: number }> };

beforeAll(async () => {
  bucketDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-s3-'));
  const port = await freePort();
  s3 = new S3rver({ address: '127.0.0.1', port, directory: bucketDirectory, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3.run();
  s3Origin = `http://127.0.0.1:${port}`;
  strapi = await setupStrapi();
  const { email, password } = await createAdminUser(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
  server = await startProductionServer({
    ...testDatabaseSettings(),
    UPLOAD_PROVIDER: 's3',
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: s3Origin,
    S3_FORCE_PATH_STYLE: 'true',
    // s3rver's own credentials.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_PREFIX: 'spis',
  });
  const login = await fetch(`${server.origin}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  token = ((await login.json()) as { data: { token: string } }).data.token;
});

afterAll(async () => {
  for (const id of uploaded) await fetch(`${server.origin}/upload/files/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await s3?.close();
  fs.rmSync(bucketDirectory, { recursive: true, force: true });
  await teardownStrapi();
});

it('keeps a photo and its formats in the bucket, serves them from there, and removes them with the file', async () => {
  const photo = await sharp(randomBytes(1200 * 800 * 3), { raw: { width: 1200, height: 800, channels: 3 } })
    .jpeg()
    .toBuffer();
  const localFilesBefore = fs.readdirSync(path.join('public', 'uploads')).length;
  const form = new FormData();
  form.append('files', new Blob([photo], { type: 'image/jpeg' }), 'radionica-šamac.jpg');
  const response = await fetch(`${server.origin}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  expect(response.status).toBe(201);
  const [file] = (await response.json()) as UploadedFile[];
  uploaded.add(file.id);

  const urls = [file.url, ...Object.values(file.formats).map((format) => format.url)];
  expect(Object.keys(file.formats).sort()).toEqual(['medium', 'small', 'thumbnail']);
  for (const url of urls) {
    expect(url.startsWith(`${s3Origin}/${BUCKET}/spis/`)).toBe(true);
    const served = await fetch(url);
    expect([url, served.status]).toEqual([url, 200]);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('jpeg');
  }
  expect(fs.readdirSync(path.join('public', 'uploads')).length).toBe(localFilesBefore);

  const page = await fetch(`${server.origin}/api/programmes?locale=bs`);
  expect(page.headers.get('content-security-policy')).toContain(`img-src 'self' data: blob: ${s3Origin}`);

  const deleted = await fetch(`${server.origin}/upload/files/${file.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  expect(deleted.status).toBe(200);
  uploaded.delete(file.id);
  for (const url of urls) expect([url, (await fetch(url)).status]).toEqual([url, 404]);
});
