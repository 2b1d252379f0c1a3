/**
 * A fresh install started with ADMIN_EMAIL and ADMIN_PASSWORD: the operator signs in as super
 * admin at once, with no registration page; a later start with other values adds no one and
 * changes no one's password.
 */
import fs from 'node:fs';
import { startProductionServer, type ServerProcess } from '../helpers/server-process';

jest.setTimeout(180_000);

// A database of its own: the first admin exists only where there is no admin yet.
const DATABASE = '.tmp/first-admin-test.db';
const EMAIL = 'urednica@spis.example.org';
let server: ServerProcess | undefined;

const start = async (password: string) => {
  server = await startProductionServer({ DATABASE_FILENAME: DATABASE, ADMIN_EMAIL: 'Urednica@SPIS.example.org', ADMIN_PASSWORD: password });
  return server.origin;
};
const stop = async () => {
  server?.child.kill('SIGTERM');
  await server?.exited();
  server = undefined;
};
const login = (origin: string, password: string) =>
  fetch(`${origin}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password }) });

beforeAll(() => fs.rmSync(DATABASE, { force: true }));
afterAll(async () => {
  await stop();
  fs.rmSync(DATABASE, { force: true });
});

it('creates the super admin on the first start, and only then', async () => {
  let origin = await start('Prvi-Admin-2026');
  expect(await (await fetch(`${origin}/admin/init`)).json()).toMatchObject({ data: { hasAdmin: true } });
  const signedIn = await login(origin, 'Prvi-Admin-2026');
  expect(signedIn.status).toBe(200);
  const { data } = (await signedIn.json()) as { data: { token: string; user: { email: string } } };
  expect(data.user.email).toBe(EMAIL);
  const me = await fetch(`${origin}/admin/users/me`, { headers: { Authorization: `Bearer ${data.token}` } });
  expect(((await me.json()) as { data: { roles: { code: string }[] } }).data.roles.map((role) => role.code)).toEqual(['strapi-super-admin']);
  await stop();

  origin = await start('Drugi-Admin-2026');
  expect((await login(origin, 'Drugi-Admin-2026')).status).toBe(400);
  expect((await login(origin, 'Prvi-Admin-2026')).status).toBe(200);
});
