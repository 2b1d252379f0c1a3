/**
 * The Media Library as editors use it, on a production server (`npm start`: Strapi's content
 * sniffing loads an ES module that cannot load inside jest): a photo becomes responsive formats
 * made on this server (sharp, no outside service), each served from /uploads; files over
 * UPLOAD_MAX_MB (as sent, images too) are refused with 413; SVG, and files whose bytes are of a type not allowed
 * whatever their name says, with 400; each with a JSON error.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { createAdminUser } from '../helpers/admin';
import { testDatabaseSettings } from '../helpers/database';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(120_000);

let strapi: Core.Strapi;
let server: ServerProcess;
let token: string;
const uploaded: number[] = [];

const upload = async (bytes: Buffer, filename: string, type: string) => {
  const form = new FormData();
  form.append('files', new Blob([bytes], { type }), filename);
  const response = await fetch(`${server.origin}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as { error?: { status: number; name: string; message: string } } & Array<Record<string, unknown>> };
};

/** An image of random pixels: it does not compress away. */
const photo = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  strapi = await setupStrapi();
  const { email, password } = await createAdminUser(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
  server = await startProductionServer({ ...testDatabaseSettings(), UPLOAD_MAX_MB: '2' });
  const login = await fetch(`${server.origin}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  token = ((await login.json()) as { data: { token: string } }).data.token;
});

afterAll(async () => {
  for (const id of uploaded) await fetch(`${server.origin}/upload/files/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await teardownStrapi();
});

it('makes the responsive formats of a photo here, and serves each from /uploads', async () => {
  const response = await upload(await photo(1800, 1200), 'radionica-žepče.jpg', 'image/jpeg');
  expect(response.status).toBe(201);
  const [file] = response.body as unknown as { id: number; name: string; formats: Record<string, { url: string; width: number }> }[];
  uploaded.push(file.id);
  expect(file.name).toBe('radionica-žepče.jpg');
  expect(Object.fromEntries(Object.entries(file.formats).map(([name, format]) => [name, format.width]))).toEqual({ thumbnail: 234, small: 600, medium: 1000, large: 1600 });
  for (const format of Object.values(file.formats)) {
    expect(format.url).toMatch(/^\/uploads\//);
    expect(fs.existsSync(path.join('public', format.url))).toBe(true);
    const served = await fetch(`${server.origin}${format.url}`);
    expect([format.url, served.status, served.headers.get('content-type')]).toEqual([format.url, 200, 'image/jpeg']);
  }
});

it('refuses a file over the size limit with 413, saying both sizes in MB', async () => {
  const large = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2_190_000)]);
  const response = await upload(large, 'izvjestaj.pdf', 'application/pdf');
  expect(response.status).toBe(413);
  expect(response.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError', message: '“izvjestaj.pdf” is 2.1 MB; files up to 2 MB can be uploaded.' });
});

it('measures an image as sent, not after it is re-compressed', async () => {
  // A flat-colour PNG padded past the limit: re-encoded, it would be a few kilobytes.
  const flat = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#1cabe2' } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  expect(flat.length).toBeGreaterThan(2_000_000);
  const response = await upload(flat, 'plakat.png', 'image/png');
  expect([response.status, response.body.error?.message]).toEqual([
    413,
    `“plakat.png” is ${(Math.floor(flat.length / 100_000) / 10).toLocaleString('en')} MB; files up to 2 MB can be uploaded.`,
  ]);
});

it('refuses SVG, and bytes of a type not allowed under an allowed name, with 400', async () => {
  const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml');
  expect([svg.status, svg.body.error?.name]).toEqual([400, 'ValidationError']);
  const disguised = await upload(gzipSync(randomBytes(4096)), 'slika.png', 'image/png');
  expect([disguised.status, disguised.body.error?.name]).toEqual([400, 'ValidationError']);
});
