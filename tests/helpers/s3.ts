/**
 * A real S3 server for tests (s3rver, on 127.0.0.1, in a temporary folder: nothing leaves the
 * machine), the settings that point the CMS at one of its buckets, and a photo uploaded the way
 * staff upload one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { freePort } from './server-process';

export type S3Server = { origin: string; close(): Promise<void> };

/** Starts an S3 server with these (empty) buckets; close() stops it and deletes every object. */
export async function startS3(buckets: string[]): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-s3-'));
  const port = await freePort();
  const s3 = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  await s3.run();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await s3.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The settings (src/env.ts) that keep the Media Library in this bucket, under spis/. */
export const s3Settings = (s3: S3Server, bucket: string): Record<string, string> => ({
  UPLOAD_PROVIDER: 's3',
  S3_BUCKET: bucket,
  S3_ENDPOINT: s3.origin,
  S3_FORCE_PATH_STYLE: 'true',
  // s3rver's own credentials.
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_PREFIX: 'spis',
});

/** A JPEG large enough for Strapi to make its thumbnail, small and medium formats. */
export const testPhoto = (): Promise<Buffer> =>
  sharp(randomBytes(1200 * 800 * 3), { raw: { width: 1200, height: 800, channels: 3 } })
    .jpeg()
    .toBuffer();

export type UploadedFile = { id: number; url: string; formats: Record<string, { url: string; width: number }> };

/** Logs in to the admin API of a server process; the JWT. */
export async function adminToken(origin: string, credentials: { email: string; password: string }): Promise<string> {
  const login = await fetch(`${origin}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  return ((await login.json()) as { data: { token: string } }).data.token;
}

/** Uploads a photo to a server process's Media Library, as the admin panel does; the response and the stored file. */
export async function uploadPhoto(origin: string, token: string, photo: Buffer, filename: string): Promise<{ status: number; file: UploadedFile }> {
  const form = new FormData();
  form.append('files', new Blob([photo], { type: 'image/jpeg' }), filename);
  const response = await fetch(`${origin}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as UploadedFile[];
  return { status: response.status, file: body[0] };
}

/** Deletes a file of the Media Library (and its objects) through a server process. */
export const deleteUpload = (origin: string, token: string, id: number) =>
  fetch(`${origin}/upload/files/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
