/**
 * The CMS as an operator runs it: `npm start` (server.js, as the Docker image does) in its own
 * process, production settings with real (test-only) secrets, on a free port of 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const STRAPI_BIN = path.join(process.cwd(), 'node_modules', '.bin', 'strapi');
/** The production entry point: `npm start` and the Docker image run it. */
export const SERVER_COMMAND: [string, string[]] = [process.execPath, [path.join(process.cwd(), 'server.js')]];

export const REAL_SECRETS = {
  APP_KEYS: 'q7Vw2mXe9LpR4tYz,H3nB8cK1sD6fG0jQ',
  API_TOKEN_SALT: 'zL4x9Qm2Rt7Vb1Nc8Kd3',
  ADMIN_JWT_SECRET: 'Yp5Tq8Wm1Xs4Rc7Vb0Nz',
  TRANSFER_TOKEN_SALT: 'Gh2Jk5Lm8Np1Qr4St7Uv',
  JWT_SECRET: 'Ab3Cd6Ef9Gh2Ij5Kl8Mn',
  ENCRYPTION_KEY: 'Op1Qr4St7Uv0Wx3Yz6Ab',
};

/** A port nothing listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export type ServerProcess = { origin: string; child: ChildProcess; output: () => string; exited: () => Promise<number | null> };

/** Starts the server in production mode with these extra settings; resolves once /_ready answers 200. */
export async function startProductionServer(settings: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(...SERVER_COMMAND, {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ENV_PATH: '/nonexistent/.env',
      NODE_ENV: 'production',
      ...REAL_SECRETS,
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_ON_EMPTY_DATABASE: 'false',
      ...settings,
    },
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const server: ServerProcess = {
    origin,
    child,
    output: () => output,
    exited: () => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)))),
  };
  for (let waited = 0; waited < 90_000; waited += 500) {
    if (
      (await fetch(`${origin}/_ready`).then(
        (r) => r.status,
        () => 0
      )) === 200
    )
      return server;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`the production server did not get ready:\n${output}`);
}
