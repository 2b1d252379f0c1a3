/**
 * No Docker engine runs here, so the compose file is checked as data: it parses, its services
 * are wired the way production needs, and every variable it passes to the app is one the app
 * reads (src/env.ts), with no working default for a secret.
 */
import fs from 'node:fs';
import { parse } from 'yaml';
import { ENV_VARIABLES, SECRET_NAMES } from '../../src/env';

type Service = {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: unknown };
  volumes?: string[];
};

const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { app, db, redis } = compose.services;

it('runs the app, PostgreSQL 16 and Redis 7, each with a health check', () => {
  expect(Object.keys(compose.services).sort()).toEqual(['app', 'db', 'redis']);
  expect(app.build).toBe('.');
  expect(db.image).toMatch(/^postgres:16(\.|-|$)/);
  expect(redis.image).toMatch(/^redis:7(\.|-|$)/);
  for (const service of [app, db, redis]) expect(service.healthcheck?.test).toBeDefined();
});

it('starts the app only once the database and Redis are healthy', () => {
  expect(app.depends_on).toEqual({ db: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
});

it('keeps data in named volumes', () => {
  const named = (service: Service) => (service.volumes ?? []).map((volume) => volume.split(':')[0]);
  expect(named(db)).toEqual(['pgdata']);
  expect(named(redis)).toEqual(['redisdata']);
  expect(named(app)).toEqual(['uploads']);
  expect(Object.keys(compose.volumes).sort()).toEqual(['pgdata', 'redisdata', 'uploads']);
});

it('passes the app only variables that src/env.ts reads, and points it at PostgreSQL', () => {
  const passed = Object.keys(app.environment ?? {});
  expect(passed.filter((name) => !ENV_VARIABLES.includes(name))).toEqual([]);
  expect(app.environment?.NODE_ENV).toBe('production');
  expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/spis:\$\{POSTGRES_PASSWORD:\?[^}]*\}@db:5432\/spis$/);
  expect(app.environment?.REDIS_URL).toBe('redis://redis:6379');
});

it('gives every secret no default: compose stops until it is set', () => {
  for (const name of SECRET_NAMES) {
    expect(app.environment?.[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?[^}]+\\}$`));
  }
  expect(db.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/);
});

it('builds on Node 22 LTS and runs as an unprivileged user', () => {
  const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
  const bases = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
  expect(bases.length).toBeGreaterThan(0);
  for (const base of bases) expect(base).toMatch(/^node:22[.-]/);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(/^EXPOSE 1337$/m);
});
