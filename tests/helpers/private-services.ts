/**
 * A PostgreSQL server and a Redis server of a test's own, on free ports of 127.0.0.1, that the
 * test may stop and start at will without touching the machine's shared ones. PostgreSQL is
 * Debian's (its binaries under /usr/lib/postgresql), run as the `postgres` user, its data in a
 * temporary directory; Redis is `redis-server` with its data in a temporary directory, kept
 * across a stop as a production Redis with persistence keeps it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process';

export type PrivateService = { url: string; start(): Promise<void>; stop(): Promise<void>; remove(): Promise<void> };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 30_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await pause(100)) if (condition()) return;
  throw new Error(`timed out waiting for ${what}`);
}

/** Runs a PostgreSQL tool as the postgres user (initdb and the server refuse root). */
function asPostgres(tool: string, args: string[]) {
  const version = fs.readdirSync('/usr/lib/postgresql').sort().at(-1)!;
  const binary = path.join('/usr/lib/postgresql', version, 'bin', tool);
  const [command, commandArgs] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  return execFileSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPrivatePostgres(database = 'spis'): Promise<PrivateService> {
  const port = await freePort();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-pg-'));
  fs.chmodSync(directory, 0o777);
  const data = path.join(directory, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', directory]);
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const isReady = () => {
    try {
      asPostgres('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-q']);
      return true;
    } catch {
      return false;
    }
  };
  const service: PrivateService = {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      asPostgres('pg_ctl', ['-D', data, '-l', path.join(directory, 'log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${directory}`, '-w', 'start']);
      await waitUntil('PostgreSQL to accept connections', isReady);
    },
    async stop() {
      asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async remove() {
      if (isReady()) await service.stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
  await service.start();
  asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-E', 'UTF8', '-T', 'template0', database]);
  return service;
}

export async function startPrivateRedis(): Promise<PrivateService> {
  const port = await freePort();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-redis-'));
  let server: ChildProcess | undefined;
  const answers = () => {
    try {
      return execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'PONG';
    } catch {
      return false;
    }
  };
  const service: PrivateService = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      server = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', directory, '--save', '', '--appendonly', 'yes'], { stdio: 'ignore' });
      await waitUntil('Redis to answer', answers);
    },
    async stop() {
      const stopping = server;
      if (!stopping || stopping.exitCode !== null) return;
      const exited = new Promise((resolve) => stopping.once('exit', resolve));
      stopping.kill('SIGTERM');
      await exited;
    },
    async remove() {
      await service.stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
  await service.start();
  return service;
}
