/**
 * Strapi's AI features are off; the panel's questions about them get answers that mean "off"
 * (not 404s and 403s the browser logs as errors), and only to signed-in staff.
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let editor: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  editor = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
});

afterAll(teardownStrapi);

it('answers the panel that no AI feature is configured and no translation job runs', async () => {
  const config = await asAdmin(editor, 'get', '/admin/ai-feature-config');
  expect([config.status, config.body]).toEqual([200, { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } }]);
  const job = await asAdmin(editor, 'get', '/i18n/ai-localization-jobs/collection-types/api::news-article.news-article/abc123');
  expect([job.status, job.body]).toEqual([200, { data: null }]);
});

it('tells an editor the Media Library has no AI metadata, without revealing its settings', async () => {
  const settings = await asAdmin(editor, 'get', '/upload/settings');
  expect([settings.status, settings.body]).toEqual([200, { data: { aiMetadata: false } }]);
  const superAdmin = await loginAsNewAdmin(strapi);
  const real = await asAdmin(superAdmin, 'get', '/upload/settings');
  expect(real.status).toBe(200);
  expect(Object.keys(real.body.data)).toEqual(expect.arrayContaining(['sizeOptimization', 'responsiveDimensions']));
});

it('answers nobody who is not signed in', async () => {
  for (const path of ['/admin/ai-feature-config', '/upload/settings', '/i18n/ai-localization-jobs/single-types/api::news-article.news-article']) {
    expect([path, (await api().get(path)).status]).toEqual([path, 401]);
  }
});
