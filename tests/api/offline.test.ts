/** The CMS never calls home: telemetry and update checks are off in the running app. */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;

beforeAll(async () => {
  delete process.env.STRAPI_TELEMETRY_DISABLED; // prove package.json alone switches it off
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

it('sends no telemetry', () => {
  expect(strapi.telemetry.isDisabled).toBe(true);
});

it('checks for no updates', () => {
  expect(strapi.config.get('server.logger.updates.enabled')).toBe(false);
});

it('serves GraphQL without the landing page that loads scripts from a CDN', () => {
  expect(strapi.plugin('graphql').config('landingPage')).toBe(false);
});
