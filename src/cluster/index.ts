/**
 * Several identical instances of the CMS on one PostgreSQL, one Redis and one bucket, behind
 * HAProxy (./haproxy.ts), as `npm run cluster` (cluster.js) starts them on one machine and the
 * failure tests drive them. Each instance is `node server.js` in production mode on its own
 * port; they start together and the start-up lock (src/database/start-up-lock.ts) lets one set
 * up the database while the others wait. Media go to the bucket given in `s3`, or to an
 * S3-compatible server (s3rver) started here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { haproxyConfig } from './haproxy';

export type S3Settings = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

export type ClusterSettings = {
  /** Ports on 127.0.0.1: the proxy's (the cluster's one address), one per instance, the local bucket's. */
  ports: { proxy: number; instances: number[]; localS3?: number };
  databaseUrl: string;
  redisUrl: string;
  /** Scratch directory: the proxy's configuration, the local bucket's files. */
  workDir: string;
  /** An existing bucket; without it, an s3rver on `ports.localS3` keeps the media in `workDir`. */
  s3?: S3Settings;
  /** More settings for every instance (secrets, limits). */
  env: Record<string, string>;
  /** Where each line an instance or the proxy prints goes. */
  log?: (source: string, line: string) => void;
};

export type Instance = {
  name: string;
  origin: string;
  /** Starts it (again); resolves once it is ready. */
  start(): Promise<void>;
  /** Sends a signal and resolves with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  running(): boolean;
  /** The process id while it runs (to read its memory). */
  pid(): number | undefined;
  output(): string;
};

export type Cluster = { origin: string; instances: Instance[]; s3: S3Settings; stop(): Promise<void> };

const HAPROXY = '/usr/sbin/haproxy';
const READY_TIMEOUT_MS = 180_000;
const OUTPUT_KEPT = 200_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `url` answers 200, or fails after `timeoutMs` or when `gone()` says the process died. */
async function waitForReady(url: string, timeoutMs: number, gone: () => boolean): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await pause(250)) {
    if (gone()) throw new Error(`${url}: the process exited`);
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0
    );
    if (status === 200) return;
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

/** A child process whose output is kept (the tail) and passed to `log` line by line. */
function spawnLogged(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, log?: ClusterSettings['log']) {
  let output = '';
  const child = spawn(command, args, { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  const take = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    if (log) for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') log(name, line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

function instance(name: string, port: number, env: NodeJS.ProcessEnv, log: ClusterSettings['log']): Instance {
  let current: ReturnType<typeof spawnLogged> | undefined;
  const origin = `http://127.0.0.1:${port}`;
  const running = () => current !== undefined && current.child.exitCode === null && current.child.signalCode === null;
  return {
    name,
    origin,
    running,
    pid: () => (running() ? current?.child.pid : undefined),
    output: () => current?.output() ?? '',
    async start() {
      if (running()) throw new Error(`${name} is running already`);
      const started = spawnLogged(name, process.execPath, [path.join(process.cwd(), 'server.js')], { ...env, PORT: String(port), INSTANCE_NAME: name }, log);
      current = started;
      await waitForReady(`${origin}/_ready`, READY_TIMEOUT_MS, () => started.child.exitCode !== null || started.child.signalCode !== null).catch((error: Error) => {
        started.child.kill('SIGKILL');
        throw new Error(`${name} did not start: ${error.message}\n${started.output().slice(-4_000)}`);
      });
    },
    async stop(signal = 'SIGTERM') {
      if (!current || !running()) return current?.child.exitCode ?? null;
      current.child.kill(signal);
      return exited(current.child);
    },
  };
}

/** An S3-compatible server on 127.0.0.1 for the cluster's media (s3rver: a development dependency). */
async function startLocalS3(port: number, directory: string) {
  const { default: S3rver } = await import('s3rver');
  const bucket = 'spis-media';
  fs.mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
  await server.run();
  const s3: S3Settings = { endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return { s3, close: () => server.close() };
}

export async function startCluster(settings: ClusterSettings): Promise<Cluster> {
  const { log } = settings;
  fs.mkdirSync(settings.workDir, { recursive: true });
  const localS3 = settings.s3 ? undefined : await startLocalS3(settings.ports.localS3 ?? 4569, path.join(settings.workDir, 's3'));
  const s3 = settings.s3 ?? localS3!.s3;
  const proxyOrigin = `http://127.0.0.1:${settings.ports.proxy}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // No .env file: every setting is given here.
    ENV_PATH: '/nonexistent/.env',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PUBLIC_URL: proxyOrigin,
    TRUST_PROXY: 'true',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    UPLOAD_PROVIDER: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    ...settings.env,
  };
  const instances = settings.ports.instances.map((port, index) => instance(`cms-${index + 1}`, port, env, log));
  let proxy: ReturnType<typeof spawnLogged> | undefined;

  const stop = async () => {
    await Promise.all(instances.map((member) => member.stop('SIGTERM')));
    if (proxy && proxy.child.exitCode === null) {
      proxy.child.kill('SIGTERM');
      await exited(proxy.child);
    }
    await localS3?.close();
  };

  try {
    await Promise.all(instances.map((member) => member.start()));
    const configFile = path.join(settings.workDir, 'haproxy.cfg');
    fs.writeFileSync(
      configFile,
      haproxyConfig({
        listen: { host: '127.0.0.1', port: settings.ports.proxy },
        upstreams: instances.map((member, index) => ({ name: member.name, host: '127.0.0.1', port: settings.ports.instances[index] })),
      })
    );
    const check = spawnSync(HAPROXY, ['-c', '-q', '-f', configFile], { encoding: 'utf8' });
    if (check.error) throw new Error(`HAProxy is needed in front of the instances (apt-get install -y haproxy): ${check.error.message}`);
    if (check.status !== 0) throw new Error(`HAProxy refused ${configFile}: ${check.stderr}`);
    const started = spawnLogged('proxy', HAPROXY, ['-db', '-f', configFile], process.env, log);
    proxy = started;
    await waitForReady(`${proxyOrigin}/_ready`, 30_000, () => started.child.exitCode !== null).catch((error: Error) => {
      throw new Error(`${error.message}\n${started.output()}`);
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin: proxyOrigin, instances, s3, stop };
}
