/**
 * One real Strapi per test file, on the test database, with its HTTP server mounted for
 * supertest. The first file to boot on the empty database loads the SPIS content, exactly as
 * a first start does.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';
import { waitForIdleDatabase } from '../../src/database/idle';
import { TEST_SQLITE_FILE } from './database';

let instance: Core.Strapi | undefined;

export async function setupStrapi(): Promise<Core.Strapi> {
  if (instance) return instance;
  process.env.DATABASE_FILENAME ??= TEST_SQLITE_FILE;
  const appDir = process.cwd();
  instance = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  instance.server.mount();
  return instance;
}

export async function teardownStrapi(): Promise<void> {
  if (!instance) return;
  await waitForIdleDatabase(instance);
  await instance.destroy();
  instance = undefined;
}

/** Starts the test Strapi's HTTP server on a free port of 127.0.0.1 and returns its origin. */
export async function listen(strapi: Core.Strapi): Promise<string> {
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export const api = () => {
  if (!instance) throw new Error('setupStrapi() first');
  return request(instance.server.httpServer);
};

/** Sends a GraphQL query as an anonymous partner site would. */
export const graphql = (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const call = api().post('/graphql').set('Content-Type', 'application/json');
  if (token) call.set('Authorization', `Bearer ${token}`);
  return call.send({ query, variables });
};

/** Creates an API token the way an administrator does in Settings › API Tokens. */
export async function createApiToken(strapi: Core.Strapi, type: 'full-access' | 'read-only' = 'full-access'): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${type}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    type,
    lifespan: null,
  });
  return token.accessKey;
}
