/**
 * `NODE_ENV=production strapi start` refuses to run with placeholder or missing secrets, and
 * says which variable is wrong. The app is started for real, as an operator would.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const STRAPI_BIN = path.join(process.cwd(), 'node_modules', '.bin', 'strapi');

const start = (env: Record<string, string>) => {
  const run = spawnSync(STRAPI_BIN, ['start'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ENV_PATH: '/nonexistent/.env', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};

const real = {
  APP_KEYS: 'q7Vw2mXe9LpR4tYz,H3nB8cK1sD6fG0jQ',
  API_TOKEN_SALT: 'zL4x9Qm2Rt7Vb1Nc8Kd3',
  ADMIN_JWT_SECRET: 'Yp5Tq8Wm1Xs4Rc7Vb0Nz',
  TRANSFER_TOKEN_SALT: 'Gh2Jk5Lm8Np1Qr4St7Uv',
  JWT_SECRET: 'Ab3Cd6Ef9Gh2Ij5Kl8Mn',
  ENCRYPTION_KEY: 'Op1Qr4St7Uv0Wx3Yz6Ab',
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
