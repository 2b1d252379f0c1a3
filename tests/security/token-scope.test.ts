/**
 * API tokens see what their scope says and no more: a read-only token reads the published
 * content types (media through the content that uses them) but not the media library (which
 * listed drafts through `related`) nor the site's user accounts, over REST or GraphQL; the
 * reverse link `related` is not in the GraphQL API (it was an internal error).
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let readOnly: string;
let fullAccess: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  readOnly = await createApiToken(strapi, 'read-only');
  fullAccess = await createApiToken(strapi, 'full-access');
});
afterAll(teardownStrapi);

const get = (path: string, token?: string) => {
  const call = api().get(path);
  return token ? call.set('Authorization', `Bearer ${token}`) : call;
};

describe('REST', () => {
  it.each(['/api/upload/files?populate=related', '/api/upload/files', '/api/upload/files/1', '/api/users', '/api/users-permissions/roles'])(
    'refuses a read-only token %s with 403',
    async (path) => {
      const response = await get(path, readOnly);
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ status: 403, name: 'PolicyError', message: expect.stringMatching(/media come with the content that uses them/) });
      expect(JSON.stringify(response.body)).not.toMatch(/publishedAt|"title"/);
    }
  );

  it('refuses the public too (no such permission), and lets a full-access token into the media library', async () => {
    expect((await get('/api/upload/files')).status).toBe(403);
    const files = await get('/api/upload/files', fullAccess);
    expect(files.status).toBe(200);
    expect(Array.isArray(files.body)).toBe(true);
  });

  it.each(['populate[cover][populate]=related', 'populate[cover][populate]=*', 'populate=cover.related'])(
    'refuses everyone the files’ own links through the content (%s): they lead to drafts',
    async (query) => {
      for (const token of [undefined, readOnly]) {
        const response = await get(`/api/news-articles?locale=bs&${query}`, token);
        expect(response.status).toBe(400);
        // The dotted form is already refused by Strapi's own parameter check.
        expect(response.body.error.message).toMatch(/a file's own links \(related\) are not available|Invalid key/);
      }
    }
  );

  it('still gives a read-only token the published content with its media', async () => {
    const response = await get('/api/news-articles?locale=bs&populate=cover', readOnly);
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
  });
});

describe('GraphQL', () => {
  it('refuses a read-only token the media library and the user accounts', async () => {
    for (const query of ['{ uploadFiles { name } }', '{ usersPermissionsUsers { username } }']) {
      const response = await graphql(query, {}, readOnly);
      expect(response.body.data?.uploadFiles ?? response.body.data?.usersPermissionsUsers ?? null).toBeNull();
      expect(response.body.errors[0].message).toMatch(/full-access token/);
    }
  });

  it('has no `related` on files: a clean validation error, not an internal one', async () => {
    const response = await graphql('{ uploadFiles { name related { __typename } } }', {}, fullAccess);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/Cannot query field "related"/);
  });

  it('lets a full-access token list files', async () => {
    const response = await graphql('{ uploadFiles { name } }', {}, fullAccess);
    expect(response.body.errors).toBeUndefined();
    expect(Array.isArray(response.body.data.uploadFiles)).toBe(true);
  });
});
