/**
 * The production deployment files under deploy/ (compose, nginx, Kubernetes), checked as data
 * without Docker or a cluster: every variable they set is one the app reads (src/env.ts) or one
 * an image documents; they give the app what production requires, with values it accepts; the
 * Secret example is refused; probes, ports, selectors and targets fit together; nginx never
 * repeats a non-idempotent request, and its configuration passes `nginx -t` (Debian's nginx,
 * which .ci/run installs).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dns from 'node:dns/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ENV_VARIABLES, EnvError, parseEnv, SECRET_NAMES, type Env } from '../../src/env';
import { freePort } from '../helpers/server-process';

const DEPLOY = 'deploy';
const KUBERNETES = path.join(DEPLOY, 'kubernetes');
const NGINX_CONF = path.join(DEPLOY, 'nginx', 'nginx.conf');
const NGINX = '/usr/sbin/nginx';

/** Variables the files may set that the app does not read, each with what reads it. */
const NON_APP_VARIABLES: Record<string, string> = {
  POSTGRES_DB: 'the postgres image',
  POSTGRES_USER: 'the postgres image',
  POSTGRES_PASSWORD: 'the postgres image',
  REDISCLI_AUTH: 'redis-cli, in the redis health check',
  MINIO_ROOT_USER: 'the minio image, and mc in the bucket job',
  MINIO_ROOT_PASSWORD: 'the minio image, and mc in the bucket job',
  NODE_OPTIONS: 'Node.js (the import job raises the heap cap for compiling)',
};

/** What a cluster of several instances needs beyond what the schema requires of any production server. */
const CLUSTER_REQUIRED = ['DATABASE_URL', 'REDIS_URL', 'UPLOAD_PROVIDER', 'S3_BUCKET', 'PUBLIC_URL', 'TRUST_PROXY'];

/** Variables that carry a password or key besides the app's secrets (SECRET_NAMES). */
const CREDENTIALS = ['DATABASE_URL', 'REDIS_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];

/** PostgreSQL's default max_connections, less its 3 connections reserved for superusers. */
const POSTGRES_CONNECTIONS = 100 - 3;

/** Each pod may wait for every other one to start first (start-up lock); a start takes a few seconds, 30 s allowed. */
const START_SECONDS_PER_POD = 30;

// ---------------------------------------------------------------------------------------------
// Reading the files

type Labels = Record<string, string>;
type Probe = { httpGet?: { path: string; port: string | number }; periodSeconds?: number; failureThreshold?: number };
type Container = {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: { name: string; value?: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; runAsNonRoot?: boolean; runAsUser?: number; capabilities?: { drop?: string[] } };
};
type PodTemplate = {
  metadata: { labels: Labels };
  spec: {
    containers: Container[];
    restartPolicy?: string;
    terminationGracePeriodSeconds?: number;
    securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  };
};
type Manifest = { apiVersion: string; kind: string; metadata: { name: string; labels?: Labels; annotations?: Record<string, string> } };
type ConfigMap = Manifest & { data: Record<string, unknown> };
type Secret = Manifest & { stringData: Record<string, unknown> };
type Deployment = Manifest & {
  spec: { replicas: number; selector: { matchLabels: Labels }; strategy?: { rollingUpdate?: { maxSurge?: number } }; template: PodTemplate };
};
type Job = Manifest & { spec: { template: PodTemplate } };
type Service = Manifest & { spec: { selector: Labels; ports: { name?: string; port: number; targetPort: string | number }[] } };
type Ingress = Manifest & {
  spec: {
    ingressClassName: string;
    tls?: { hosts: string[] }[];
    rules: { host: string; http: { paths: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] } }[];
  };
};
type Hpa = Manifest & {
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
    metrics: { type: string; resource?: { name: string; target: { type: string; averageUtilization?: number } } }[];
  };
};
type Pdb = Manifest & { spec: { minAvailable: number; selector: { matchLabels: Labels } } };
type Kustomization = { resources: string[] };

type ComposeService = {
  image?: string;
  build?: { context: string; dockerfile: string };
  container_name?: string;
  ports?: string[];
  deploy?: { replicas?: number };
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
};
type Compose = { services: Record<string, ComposeService> };

const yamlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? yamlFiles(path.join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [path.join(dir, entry.name)] : []));

/** Every document of a YAML file, as plain data; problems (syntax, duplicate keys) in `problems`. */
function readYaml(file: string): { documents: unknown[]; problems: string[] } {
  const documents = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  const list = Array.isArray(documents) ? documents : [];
  return {
    documents: list.map((document) => document.toJS()),
    problems: [
      ...(Array.isArray(documents) ? [] : ['not a YAML stream']),
      ...list.flatMap((document) => [...document.errors, ...document.warnings].map((problem) => problem.message)),
    ],
  };
}

const manifests = fs
  .readdirSync(KUBERNETES)
  .filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml')
  .flatMap((name) => readYaml(path.join(KUBERNETES, name)).documents.map((document) => ({ file: name, manifest: document as Manifest })));

function manifest<T extends Manifest>(kind: string): T & { file: string } {
  const found = manifests.filter((entry) => entry.manifest.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} under ${KUBERNETES}, found ${found.length}`);
  return { ...(found[0].manifest as T), file: found[0].file };
}

const configMap = manifest<ConfigMap>('ConfigMap');
const secret = manifest<Secret>('Secret');
const deployment = manifest<Deployment>('Deployment');
const job = manifest<Job>('Job');
const service = manifest<Service>('Service');
const ingress = manifest<Ingress>('Ingress');
const hpa = manifest<Hpa>('HorizontalPodAutoscaler');
const pdb = manifest<Pdb>('PodDisruptionBudget');
const kustomization = readYaml(path.join(KUBERNETES, 'kustomization.yaml')).documents[0] as Kustomization;
const cms = deployment.spec.template.spec.containers[0];

const composeText = fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8');
const compose = readYaml(path.join(DEPLOY, 'compose.yaml')).documents[0] as Compose;
/** The service built from the Dockerfile: the CMS. */
const [cmsServiceName, cmsService] = Object.entries(compose.services).find(([, entry]) => entry.build) ?? [];

/** nginx.conf without comments. */
const nginxConf = fs.readFileSync(NGINX_CONF, 'utf8').replace(/#[^\n]*/g, '');

// ---------------------------------------------------------------------------------------------
// Values

const hex = () => randomBytes(24).toString('hex');

/** Values an operator would give: strong, and usable inside URLs. */
const operatorValue = (name: string) => (name === 'APP_KEYS' ? [hex(), hex(), hex(), hex()].join(',') : hex());

/** The real Secret an operator would make from the example: the same keys, with working values. */
const realSecretValues = (keys: string[]): Record<string, string> =>
  Object.fromEntries(
    keys.map((key) => [
      key,
      key === 'DATABASE_URL' ? `postgres://spis:${hex()}@postgres.example:5432/spis` : key === 'REDIS_URL' ? `redis://:${hex()}@redis.example:6379` : operatorValue(key),
    ])
  );

/** Compose's variable substitution: `${NAME:?message}` takes the given value, `${NAME:-default}` the default, `$$` is `$`. */
const SUBSTITUTION = /\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g;
const substitute = (value: string, given: Record<string, string>) =>
  value.replace(SUBSTITUTION, (match, name: string | undefined, operator: string | undefined, argument: string | undefined) => {
    if (match === '$$' || !name) return '$';
    if (operator?.endsWith('?')) {
      if (given[name] === undefined) throw new Error(`compose requires ${name}; the test gave no value`);
      return given[name];
    }
    return given[name] ?? (operator?.endsWith('-') ? (argument ?? '') : '');
  });

const substitutions = [...composeText.matchAll(SUBSTITUTION)].filter(([match]) => match !== '$$').map(([match, name, operator]) => ({ match, name, operator }));
const composeRequired = Object.fromEntries(
  [...new Set(substitutions.filter((entry) => entry.operator?.endsWith('?')).map((entry) => entry.name))].map((name) => [name, operatorValue(name)])
);

/** The CMS's environment in compose, as the container would get it. */
const composeEnv = (given: Record<string, string> = composeRequired): Record<string, string> =>
  Object.fromEntries(Object.entries(cmsService?.environment ?? {}).map(([name, value]) => [name, substitute(String(value), given)]));

/** What the env schema requires of any production server (it says so when nothing is set). */
function requiredInProduction(): string[] {
  try {
    parseEnv({ NODE_ENV: 'production' });
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.problems.map((problem) => problem.split(':')[0]);
  }
}

/** The problems parseEnv finds, or [] when it accepts the environment. */
function envProblems(raw: Record<string, string>): string[] {
  try {
    parseEnv(raw);
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.problems;
  }
}

const configValues = Object.fromEntries(Object.entries(configMap.data).map(([key, value]) => [key, String(value)]));
const secretKeys = Object.keys(secret.stringData);
const clusterEnv = (): Env => parseEnv({ ...configValues, ...realSecretValues(secretKeys) });

/** The paths the app answers its probes on, read from the code that answers them. */
const lifecycleSource = fs.readFileSync(path.join('src', 'lifecycle', 'index.ts'), 'utf8');
const LIVENESS_PATHS = [...lifecycleSource.matchAll(/ctx\.path === '(\/[^']+)'/g)].map((match) => match[1]);
const READINESS_PATHS = [...lifecycleSource.matchAll(/router\.get\('(\/[^']+)'/g)].map((match) => match[1]);

const matches = (selector: Labels, labels: Labels) => Object.entries(selector).every(([key, value]) => labels[key] === value);

const seconds = (duration: string) => {
  const match = /^(\d+)(s|m)$/.exec(duration);
  if (!match) throw new Error(`unknown duration ${duration}`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
};

/** nginx sizes (`25m`) and Kubernetes ingress sizes, in bytes. */
const bytes = (size: string) => {
  const match = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!match) throw new Error(`unknown size ${size}`);
  return Number(match[1]) * 1024 ** ['', 'k', 'm', 'g'].indexOf(match[2].toLowerCase());
};

/** The largest request body the app takes: an upload of UPLOAD_MAX_MB (megabytes of 10^6 bytes), or a JSON body. */
const largestBody = (env: Env) => Math.max(env.UPLOAD_MAX_MB * 1_000_000, env.LIMIT_BODY_KB * 1024);

/** The container port a probe or Service names (by name or number). */
const containerPort = (container: Container, port: string | number | undefined) =>
  container.ports?.find((entry) => entry.name === port || entry.containerPort === port)?.containerPort;

// ---------------------------------------------------------------------------------------------

describe('deploy/', () => {
  it('holds only YAML that parses, without errors, warnings or duplicate keys', () => {
    const files = yamlFiles(DEPLOY);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const { documents, problems } = readYaml(file);
      expect([file, problems]).toEqual([file, []]);
      expect([file, documents.every((document) => document !== null && typeof document === 'object')]).toEqual([file, true]);
    }
  });
});

describe('compose (deploy/compose.yaml)', () => {
  it('runs PostgreSQL 16, Redis 7, MinIO with a bucket job, three CMS instances from the Dockerfile, and nginx', () => {
    const images = Object.values(compose.services).map((entry) => entry.image ?? '');
    expect(images.some((image) => /^postgres:16([.-]|$)/.test(image))).toBe(true);
    expect(images.some((image) => /^redis:7([.-]|$)/.test(image))).toBe(true);
    expect(images.some((image) => /^minio\/minio:/.test(image))).toBe(true);
    expect(images.some((image) => /^nginx:/.test(image))).toBe(true);
    expect(cmsServiceName).toBe('cms');
    expect(cmsService?.deploy?.replicas).toBe(3);
    expect(fs.existsSync(path.resolve(DEPLOY, cmsService?.build?.context ?? '', cmsService?.build?.dockerfile ?? ''))).toBe(true);
    expect(path.resolve(DEPLOY, cmsService?.build?.context ?? '')).toBe(process.cwd());
  });

  it('can scale the CMS: no fixed container name, and only nginx publishes a port', () => {
    expect(cmsService?.container_name).toBeUndefined();
    const publishing = Object.entries(compose.services)
      .filter(([, entry]) => entry.ports?.length)
      .map(([name]) => name);
    expect(publishing).toEqual(['nginx']);
  });

  it('sets only variables the app reads, or that an image documents (NON_APP_VARIABLES)', () => {
    for (const [name, entry] of Object.entries(compose.services)) {
      const unknown = Object.keys(entry.environment ?? {}).filter((key) => !ENV_VARIABLES.includes(key) && !(key in NON_APP_VARIABLES));
      expect([name, unknown]).toEqual([name, []]);
    }
    const cmsUnknown = Object.keys(cmsService?.environment ?? {}).filter((key) => !ENV_VARIABLES.includes(key));
    expect(cmsUnknown).toEqual([]);
  });

  it('has no working default for any credential: compose stops until each is set', () => {
    const credentials = substitutions.filter((entry) => /PASSWORD|SECRET|SALT|KEY/.test(entry.name));
    expect(credentials.length).toBeGreaterThan(0);
    for (const { match } of credentials) expect(match).toMatch(/^\$\{\w+:\?[^}]+\}$/);
    for (const name of SECRET_NAMES) expect(cmsService?.environment?.[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?[^}]+\\}$`));
  });

  it('gives the CMS every variable production and a cluster require, with values the app accepts', () => {
    const required = requiredInProduction();
    expect(required).toEqual(expect.arrayContaining([...SECRET_NAMES]));
    const given = composeEnv();
    expect([...required, ...CLUSTER_REQUIRED].filter((name) => !given[name])).toEqual([]);
    expect(envProblems(given)).toEqual([]);
    // And behind TLS, with an https:// address.
    expect(envProblems(composeEnv({ ...composeRequired, PUBLIC_URL: 'https://cms.example.org' }))).toEqual([]);
    const env = parseEnv(given);
    expect(env.NODE_ENV).toBe('production');
    expect(env.UPLOAD_PROVIDER).toBe('s3');
    expect(env.TRUST_PROXY).toBe(true);
  });

  it('points the CMS at the services of this file, with their passwords, and waits for them', () => {
    const env = parseEnv(composeEnv());
    const postgresUrl = new URL(env.DATABASE_URL ?? '');
    const postgres = compose.services[postgresUrl.hostname];
    expect(postgres?.image).toMatch(/^postgres:/);
    expect(decodeURIComponent(postgresUrl.password)).toBe(substitute(String(postgres.environment?.POSTGRES_PASSWORD), composeRequired));
    expect(decodeURIComponent(postgresUrl.username)).toBe(postgres.environment?.POSTGRES_USER);
    expect(postgresUrl.pathname).toBe(`/${postgres.environment?.POSTGRES_DB}`);

    const redisUrl = new URL(env.REDIS_URL ?? '');
    const redis = compose.services[redisUrl.hostname];
    expect(redis?.image).toMatch(/^redis:/);
    const requirePass = redis.command?.[redis.command.indexOf('--requirepass') + 1] ?? '';
    expect(redisUrl.password).toBe(substitute(requirePass, composeRequired));

    const minio = compose.services[new URL(env.S3_ENDPOINT ?? '').hostname];
    expect(minio?.image).toMatch(/^minio\/minio:/);
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
    // The bucket job makes this bucket, and this user.
    const [bucketJobName, bucketJob] = Object.entries(compose.services).find(([, entry]) => entry.image?.startsWith('minio/mc:')) ?? [];
    const jobEnv = Object.fromEntries(Object.entries(bucketJob?.environment ?? {}).map(([key, value]) => [key, substitute(String(value), composeRequired)]));
    expect([jobEnv.S3_BUCKET, jobEnv.S3_ACCESS_KEY_ID, jobEnv.S3_SECRET_ACCESS_KEY]).toEqual([env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY]);

    expect(cmsService?.depends_on).toEqual({
      [postgresUrl.hostname]: { condition: 'service_healthy' },
      [redisUrl.hostname]: { condition: 'service_healthy' },
      [bucketJobName ?? '']: { condition: 'service_completed_successfully' },
    });
    for (const name of [postgresUrl.hostname, redisUrl.hostname, new URL(env.S3_ENDPOINT ?? '').hostname]) {
      expect([name, compose.services[name].healthcheck?.test]).toEqual([name, expect.any(Array)]);
    }
  });

  it('checks each CMS instance on a probe path the app answers, on its port, and waits longer than its drain to stop it', () => {
    const env = parseEnv(composeEnv());
    const check = cmsService?.healthcheck?.test.join(' ') ?? '';
    const [, port, probe] = /127\.0\.0\.1:(\d+)(\/[\w/]+)/.exec(check) ?? [];
    expect(Number(port)).toBe(env.PORT);
    expect(READINESS_PATHS).toContain(probe);
    expect(seconds(cmsService?.stop_grace_period ?? '0s')).toBeGreaterThan(env.SHUTDOWN_TIMEOUT_MS / 1000);
  });
});

describe('nginx (deploy/nginx/nginx.conf)', () => {
  const directives = (name: string, text = nginxConf) => [...text.matchAll(new RegExp(`(?:^|[\\s;{])${name}\\s+([^;]+);`, 'g'))].map((match) => match[1].trim());
  /** The inside of the block `head { ... }`, braces matched. */
  const blockOf = (head: string) => {
    const start = nginxConf.search(new RegExp(`${head.replace(/[/.]/g, '\\$&').replace(/ /g, '\\s+')}\\s*\\{`));
    if (start < 0) return '';
    const open = nginxConf.indexOf('{', start);
    let depth = 0;
    for (let index = open; index < nginxConf.length; index += 1) {
      if (nginxConf[index] === '{') depth += 1;
      if (nginxConf[index] === '}' && --depth === 0) return nginxConf.slice(open + 1, index);
    }
    return '';
  };
  const upstreams = Object.fromEntries([...nginxConf.matchAll(/upstream\s+([\w.-]+)\s*\{([^}]*)\}/g)].map((match) => [match[1], match[2]]));

  it('spreads requests over the CMS instances, on their port, taking a failing one out for a while', () => {
    const env = parseEnv(composeEnv());
    const proxied = directives('proxy_pass').map((target) => /^http:\/\/([\w.-]+)$/.exec(target)?.[1]);
    const upstream = proxied.find((name) => name && upstreams[name]);
    expect(upstream).toBeDefined();
    const servers = [...upstreams[upstream ?? ''].matchAll(/server\s+([^;]+);/g)].map((match) => match[1].trim().split(/\s+/));
    expect(servers.length).toBeGreaterThan(0);
    for (const [address, ...parameters] of servers) {
      expect(address).toBe(`${cmsServiceName}:${env.PORT}`);
      expect(parameters).toEqual(expect.arrayContaining([expect.stringMatching(/^max_fails=[1-9]\d*$/), expect.stringMatching(/^fail_timeout=\d+s$/)]));
    }
  });

  it('never repeats a non-idempotent request on another instance', () => {
    const retries = directives('proxy_next_upstream');
    expect(retries.length).toBeGreaterThan(0);
    for (const retry of retries) expect(retry.split(/\s+/)).not.toContain('non_idempotent');
  });

  it('tells the CMS the client address (replaced, never appended to: the app takes the first) and the scheme', () => {
    const headers = Object.fromEntries(
      directives('proxy_set_header', blockOf('location /')).map((header) => [header.split(/\s+/)[0].toLowerCase(), header.split(/\s+/).slice(1).join(' ')])
    );
    expect(headers['x-forwarded-for']).toBe('$remote_addr');
    expect(headers['x-forwarded-proto']).toMatch(/^\$\w+$/);
    expect(headers.host).toBe('$host');
  });

  it('takes bodies as large as the largest upload the CMS accepts, so the CMS refuses larger ones itself', () => {
    const env = parseEnv(composeEnv());
    const [size] = directives('client_max_body_size');
    expect(bytes(size)).toBeGreaterThanOrEqual(largestBody(env));
    expect(bytes(size)).toBeLessThanOrEqual(2 * largestBody(env));
  });

  it('serves the media bucket where S3_PUBLIC_URL says files are, read-only', () => {
    const env = parseEnv(composeEnv());
    const location = new URL(env.S3_PUBLIC_URL ?? '').pathname.replace(/\/?$/, '/');
    const block = blockOf(`location ${location}`);
    expect(block).toMatch(/limit_except\s+GET\s*\{\s*deny\s+all;\s*\}/);
    const target = /proxy_pass\s+([^;]+);/.exec(block)?.[1] ?? '';
    expect(target).toBe(`${env.S3_ENDPOINT}/${env.S3_BUCKET}/`);
  });

  it('passes nginx -t (names that do not resolve here replaced by 127.0.0.1, on a free port)', async () => {
    const hosts = new Set([...nginxConf.matchAll(/(?:server\s+|proxy_pass\s+https?:\/\/)([\w.-]+):\d+/g)].map((match) => match[1]));
    let config = fs.readFileSync(NGINX_CONF, 'utf8');
    for (const host of hosts) {
      const resolves = await dns.lookup(host).then(
        () => true,
        () => false
      );
      if (!resolves)
        config = config.replace(new RegExp(`(server\\s+|proxy_pass\\s+https?://)${host.replace(/\./g, '\\.')}:`, 'g'), (_match, before: string) => `${before}127.0.0.1:`);
    }
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'spis-nginx-'));
    // The container's stdout is a pipe nginx can open by path; a test runner's may be a socket, which it cannot.
    config = config.replace(/(access_log\s+)\/dev\/stdout/g, (_match, before: string) => `${before}${path.join(prefix, 'access.log')}`);
    // `nginx -t` binds the ports it would listen on: a free one here (port 80 needs root, and may be taken).
    const port = await freePort();
    config = config.replace(/(\blisten\s+)\d+\b/g, (_match, before: string) => `${before}127.0.0.1:${port}`);
    try {
      fs.writeFileSync(path.join(prefix, 'nginx.conf'), config);
      const run = spawnSync(NGINX, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', 'stderr', '-g', `pid ${path.join(prefix, 'nginx.pid')};`], {
        encoding: 'utf8',
      });
      expect([run.status, run.stderr]).toEqual([0, expect.stringContaining('test is successful')]);
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });
});

describe('Kubernetes (deploy/kubernetes)', () => {
  it('has one of each object, each named and labelled', () => {
    for (const { file, manifest: object } of manifests) {
      expect([file, typeof object.apiVersion, typeof object.kind, typeof object.metadata?.name]).toEqual([file, 'string', 'string', 'string']);
      expect([file, object.metadata.labels?.['app.kubernetes.io/name']]).toEqual([file, 'spis-cms']);
    }
    expect(manifests.map((entry) => entry.manifest.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Job', 'PodDisruptionBudget', 'Secret', 'Service'].sort()
    );
  });

  it('sets only variables the app reads (ConfigMap, Secret, the containers’ own)', () => {
    expect(Object.values(configMap.data).filter((value) => typeof value !== 'string')).toEqual([]);
    expect(Object.keys(configMap.data).filter((key) => !ENV_VARIABLES.includes(key))).toEqual([]);
    expect(secretKeys.filter((key) => !ENV_VARIABLES.includes(key))).toEqual([]);
    for (const container of [cms, ...job.spec.template.spec.containers]) {
      const own = (container.env ?? []).map((entry) => entry.name);
      expect([container.name, own.filter((name) => !ENV_VARIABLES.includes(name) && !(name in NON_APP_VARIABLES))]).toEqual([container.name, []]);
    }
  });

  it('gives every variable production and a cluster require, each from one place', () => {
    const given = new Set([...Object.keys(configMap.data), ...secretKeys]);
    expect([...requiredInProduction(), ...CLUSTER_REQUIRED].filter((name) => !given.has(name))).toEqual([]);
    expect(Object.keys(configMap.data).filter((key) => secretKeys.includes(key))).toEqual([]);
    // Credentials only in the Secret.
    const credential = (key: string) => (SECRET_NAMES as readonly string[]).includes(key) || CREDENTIALS.includes(key) || /PASSWORD|SECRET/.test(key);
    expect(Object.keys(configMap.data).filter(credential)).toEqual([]);
    expect(CREDENTIALS.filter((key) => !secretKeys.includes(key))).toEqual([]);
  });

  it('is accepted by the app once the Secret holds real values', () => {
    const env = clusterEnv();
    expect(env.NODE_ENV).toBe('production');
    expect(env.UPLOAD_PROVIDER).toBe('s3');
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.REDIS_URL).toBeDefined();
  });

  it('has a Secret example the app refuses, value by value, so it cannot be deployed as it is', () => {
    const real = realSecretValues(secretKeys);
    expect(envProblems({ ...configValues, ...real })).toEqual([]);
    expect(envProblems({ ...configValues, ...Object.fromEntries(Object.entries(secret.stringData).map(([key, value]) => [key, String(value)])) }).length).toBeGreaterThan(0);
    for (const [key, example] of Object.entries(secret.stringData)) {
      const problems = envProblems({ ...configValues, ...real, [key]: String(example) });
      expect([key, problems.some((problem) => problem.startsWith(`${key}:`))]).toEqual([key, true]);
    }
  });

  it('gives the CMS pods the ConfigMap and the Secret, and the import job the same', () => {
    for (const container of [cms, ...job.spec.template.spec.containers]) {
      expect(container.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }, { secretRef: { name: secret.metadata.name } }]);
    }
  });

  it('runs three pods, probed on paths the app answers, on the port it listens on', () => {
    const env = clusterEnv();
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers).toHaveLength(1);
    expect(LIVENESS_PATHS).toEqual(['/_health']);
    expect(READINESS_PATHS).toEqual(['/_ready']);
    // Liveness never asks the database: an outage must not restart every pod.
    expect(cms.livenessProbe?.httpGet?.path).toBe(LIVENESS_PATHS[0]);
    expect(cms.readinessProbe?.httpGet?.path).toBe(READINESS_PATHS[0]);
    expect([...LIVENESS_PATHS, ...READINESS_PATHS]).toContain(cms.startupProbe?.httpGet?.path);
    for (const probe of [cms.livenessProbe, cms.readinessProbe, cms.startupProbe]) {
      expect(containerPort(cms, probe?.httpGet?.port)).toBe(env.PORT);
    }
  });

  it('lets a pod wait at start-up for every other one the HPA may run', () => {
    const probe = cms.startupProbe;
    const budget = (probe?.periodSeconds ?? 10) * (probe?.failureThreshold ?? 3);
    expect(budget).toBeGreaterThanOrEqual(hpa.spec.maxReplicas * START_SECONDS_PER_POD);
  });

  it('stops a pod only after it left the Service and drained its requests', () => {
    const env = clusterEnv();
    const [command, sleep] = cms.lifecycle?.preStop?.exec?.command ?? [];
    expect(command).toBe('sleep');
    expect(Number(sleep)).toBeGreaterThanOrEqual(5);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(Number(sleep) + env.SHUTDOWN_TIMEOUT_MS / 1000);
  });

  it('runs as a non-root user with no privileges to gain, within requested and limited resources', () => {
    for (const template of [deployment.spec.template, job.spec.template]) {
      const container = template.spec.containers[0];
      expect(template.spec.securityContext?.runAsNonRoot).toBe(true);
      expect(template.spec.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
      expect(container.securityContext?.capabilities?.drop).toEqual(['ALL']);
      for (const resource of ['cpu', 'memory']) {
        expect([container.name, resource, container.resources?.requests?.[resource], container.resources?.limits?.[resource]]).toEqual([
          container.name,
          resource,
          expect.any(String),
          expect.any(String),
        ]);
      }
    }
  });

  it('routes the Service to the CMS pods only (not the import job’s), on the container port', () => {
    const podLabels = deployment.spec.template.metadata.labels;
    expect(matches(deployment.spec.selector.matchLabels, podLabels)).toBe(true);
    expect(matches(service.spec.selector, podLabels)).toBe(true);
    expect(matches(service.spec.selector, job.spec.template.metadata.labels)).toBe(false);
    for (const port of service.spec.ports) expect(containerPort(cms, port.targetPort)).toBe(clusterEnv().PORT);
  });

  it('has the Ingress (class nginx) send PUBLIC_URL’s host to the Service, with room for the largest upload', () => {
    const env = clusterEnv();
    const host = new URL(env.PUBLIC_URL ?? '').host;
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.rules.map((rule) => rule.host)).toEqual([host]);
    if (env.PUBLIC_URL?.startsWith('https://')) expect(ingress.spec.tls?.flatMap((entry) => entry.hosts)).toContain(host);
    for (const { backend } of ingress.spec.rules[0].http.paths) {
      expect(backend.service.name).toBe(service.metadata.name);
      expect(service.spec.ports.some((port) => port.name === backend.service.port.name || port.port === backend.service.port.number)).toBe(true);
    }
    const size = ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'] ?? '0';
    expect(bytes(size)).toBeGreaterThanOrEqual(largestBody(env));
    expect(bytes(size)).toBeLessThanOrEqual(2 * largestBody(env));
  });

  it('scales the Deployment between 3 and 10 pods on 70 % CPU', () => {
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([3, 10]);
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
    // Utilization is relative to the request.
    expect(cms.resources?.requests?.cpu).toBeDefined();
    expect(deployment.spec.replicas).toBe(hpa.spec.minReplicas);
  });

  it('keeps two CMS pods up through voluntary disruptions, and still lets a node drain', () => {
    expect(pdb.spec.minAvailable).toBe(2);
    expect(matches(pdb.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
    expect(matches(pdb.spec.selector.matchLabels, job.spec.template.metadata.labels)).toBe(false);
    expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
  });

  it('stays within PostgreSQL’s connections with every pod the HPA may run, a rollout’s extra pod and the import job', () => {
    const env = clusterEnv();
    // Each process: its pool, plus the start-up lock's own connection while it loads.
    const perProcess = env.DATABASE_POOL_MAX + 1;
    const pods = hpa.spec.maxReplicas + (deployment.spec.strategy?.rollingUpdate?.maxSurge ?? 1);
    expect((pods + 1) * perProcess).toBeLessThanOrEqual(POSTGRES_CONNECTIONS);
  });

  it('imports the content with a Job running `npm run seed` in the CMS image, without a statement time limit', () => {
    const [container] = job.spec.template.spec.containers;
    const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(container.command?.join(' ')).toBe(scripts.seed);
    expect(fs.existsSync(container.command?.[1] ?? '')).toBe(true);
    expect(container.image).toBe(cms.image);
    expect(['Never', 'OnFailure']).toContain(job.spec.template.spec.restartPolicy);
    expect(container.env).toContainEqual({ name: 'DATABASE_STATEMENT_TIMEOUT_MS', value: '0' });
    expect(clusterEnv().SEED_ON_EMPTY_DATABASE).toBe(false);
  });

  it('lists every manifest in kustomization.yaml except the Secret example and the one-time import job', () => {
    const files = fs.readdirSync(KUBERNETES).filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.filter((name) => name !== secret.file && name !== job.file).sort());
  });
});
