/**
 * `NODE_ENV=production npm start` refuses to run with placeholder or missing secrets, and
 * says which variable is wrong; with real ones it serves with production headers and CORS, and
 * stops cleanly on SIGTERM. The app is started for real, as an operator would.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ensureAdminBuild } from '../helpers/admin-build';
import { REAL_SECRETS as real, SERVER_COMMAND, startProductionServer, type ServerProcess } from '../helpers/server-process';

const start = (env: Record<string, string>) => {
  const run = spawnSync(...SERVER_COMMAND, {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ENV_PATH: '/nonexistent/.env', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};

it('refuses to start with the placeholder secrets of the Strapi templates', () => {
  const { status, output } = start({
    NODE_ENV: 'production',
    ...real,
    APP_KEYS: 'toBeModified1,toBeModified2',
    JWT_SECRET: 'tobemodified',
  });
  expect(status).not.toBe(0);
  expect(output).toContain('Invalid environment, the app will not start');
  expect(output).toContain('APP_KEYS: is a placeholder');
  expect(output).toContain('JWT_SECRET: is a placeholder');
  expect(output).not.toContain('Strapi started successfully');
});

it('refuses to start without secrets, naming each one', () => {
  const { status, output } = start({ NODE_ENV: 'production' });
  expect(status).not.toBe(0);
  for (const name of Object.keys(real)) expect(output).toContain(`${name}: is required in production`);
});

it('refuses a malformed setting, naming it', () => {
  const { status, output } = start({ NODE_ENV: 'production', ...real, DATABASE_URL: 'mysql://db/spis' });
  expect(status).not.toBe(0);
  expect(output).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
});

const ADMIN = { email: 'komunikacije@spis.example.org', password: 'Ljiljan-2026-Sarajevo' };

describe('a production start with real secrets', () => {
  let server: ServerProcess;
  let origin: string;

  beforeAll(async () => {
    // The admin panel's headers are checked too, so it must be built, as the Dockerfile does.
    ensureAdminBuild();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-production-'));
    server = await startProductionServer({
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      PUBLIC_URL: 'https://spis.example.org',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://partner.example.org',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    origin = server.origin;
  }, 300_000);

  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('sends HSTS and a CSP without outside hosts, on the API and the admin panel', async () => {
    for (const url of [`${origin}/api/municipalities`, `${origin}/admin`]) {
      const response = await fetch(url);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('x-powered-by')).toBeNull();
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/connect-src 'self';/);
      expect(csp).not.toMatch(/strapi\.io|https:(?!\/)|http:|ws:/);
    }
  });

  it('marks the admin session cookies Secure behind the HTTPS proxy', async () => {
    const login = await fetch(`${origin}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ ...ADMIN, rememberMe: true }),
    });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*secure/i);
  });

  it('answers CORS for its own and the listed origins only', async () => {
    const allowed = async (requestOrigin: string) =>
      (await fetch(`${origin}/api/municipalities`, { headers: { Origin: requestOrigin } })).headers.get('access-control-allow-origin');
    expect(await allowed('https://partner.example.org')).toBe('https://partner.example.org');
    expect(await allowed('https://spis.example.org')).toBe('https://spis.example.org');
    expect(await allowed('https://evil.example.com')).toBeNull();
    // GraphQL too (the plugin's own CORS answered * to any origin).
    const graphqlAllowed = async (requestOrigin: string) =>
      (
        await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { Origin: requestOrigin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: '{ municipalities { name } }' }),
        })
      ).headers.get('access-control-allow-origin');
    expect(await graphqlAllowed('https://evil.example.com')).toBeNull();
    expect(await graphqlAllowed('https://partner.example.org')).toBe('https://partner.example.org');
  });

  it('stops on SIGTERM: a request still arriving is answered, then the process exits 0', async () => {
    // Half of a GraphQL request is sent before the signal and the rest after it.
    const body = JSON.stringify({ query: '{ municipalities { name } }' });
    const request = http.request(`${origin}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } });
    const answered = new Promise<{ status?: number; text: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text }));
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exit = server.exited();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    request.end(body.slice(10));

    const response = await answered;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ data: { municipalities: [] } });
    expect(await exit).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing 1 request(s) in flight, then stopping');
  }, 30_000);
});
