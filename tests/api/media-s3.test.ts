/**
 * Media in an S3-compatible bucket (UPLOAD_PROVIDER=s3), on a production server and a real S3
 * server started here (s3rver, on 127.0.0.1): a photo and its responsive formats go to the
 * bucket, not to this server's disk; their URLs lead to the bucket and serve the same bytes;
 * the admin panel may load images from there (its CSP); deleting the file removes the objects.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { createAdminUser } from '../helpers/admin';
import { testDatabaseSettings } from '../helpers/database';
import { adminToken, deleteUpload, s3Settings, startS3, testPhoto, uploadPhoto, type S3Server } from '../helpers/s3';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(120_000);

const BUCKET = 'spis-media';
let strapi: Core.Strapi;
let s3: S3Server;
let server: ServerProcess;
let token: string;
/** Files still to delete: a file left behind would point the shared Media Library at a bucket that is gone. */
const uploaded = new Set<number>();

beforeAll(async () => {
  s3 = await startS3([BUCKET]);
  strapi = await setupStrapi();
  const credentials = await createAdminUser(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
  server = await startProductionServer({ ...testDatabaseSettings(), ...s3Settings(s3, BUCKET) });
  token = await adminToken(server.origin, credentials);
});

afterAll(async () => {
  for (const id of uploaded) await deleteUpload(server.origin, token, id);
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await s3?.close();
  await teardownStrapi();
});

it('keeps a photo and its formats in the bucket, serves them from there, and removes them with the file', async () => {
  const localFilesBefore = fs.readdirSync(path.join('public', 'uploads')).length;
  const { status, file } = await uploadPhoto(server.origin, token, await testPhoto(), 'radionica-šamac.jpg');
  expect(status).toBe(201);
  uploaded.add(file.id);

  const urls = [file.url, ...Object.values(file.formats).map((format) => format.url)];
  expect(Object.keys(file.formats).sort()).toEqual(['medium', 'small', 'thumbnail']);
  for (const url of urls) {
    expect(url.startsWith(`${s3.origin}/${BUCKET}/spis/`)).toBe(true);
    const served = await fetch(url);
    expect([url, served.status]).toEqual([url, 200]);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('jpeg');
  }
  expect(fs.readdirSync(path.join('public', 'uploads')).length).toBe(localFilesBefore);

  const page = await fetch(`${server.origin}/api/programmes?locale=bs`);
  expect(page.headers.get('content-security-policy')).toContain(`img-src 'self' data: blob: ${s3.origin}`);

  const deleted = await deleteUpload(server.origin, token, file.id);
  expect(deleted.status).toBe(200);
  uploaded.delete(file.id);
  for (const url of urls) expect([url, (await fetch(url)).status]).toEqual([url, 404]);
});
