/**
 * What an API token reaches besides the app's content. Strapi's read-only token holds every
 * `find`/`findOne` of the content API, plugins included: `GET /api/upload/files?populate=related`
 * listed every file with the drafts that use it (title, lead, body, `publishedAt: null`), and
 * `GET /api/users` the site's user accounts. The rule: the media library and the site's users
 * (upload and users-permissions routes, REST and GraphQL) are for full-access tokens only; other
 * tokens read media through the published content that uses them (`populate=cover`). And the
 * reverse link from a file to what uses it (`related`) is not in the GraphQL API at all.
 */
import type { Core, UID } from '@strapi/strapi';
import { graphqlQueryNames } from '../content-api/graphql';

const FULL_ACCESS_PLUGINS = ['upload', 'users-permissions'] as const;
const FULL_ACCESS_TYPES: UID.ContentType[] = ['plugin::upload.file', 'plugin::users-permissions.user', 'plugin::users-permissions.role'];
const POLICY = 'global::full-access-tokens-only';

type Route = { method: string; config?: { auth?: unknown; policies?: unknown[] } };

export function registerTokenScope(strapi: Core.Strapi): void {
  for (const name of FULL_ACCESS_PLUGINS) {
    const routes = (strapi.plugin(name).routes as Record<string, { routes?: Route[] }>)['content-api']?.routes ?? [];
    for (const route of routes) {
      if (route.config?.auth === false) continue; // sign-in and sign-up: no token involved
      route.config = { ...route.config, policies: [...(route.config?.policies ?? []), POLICY] };
    }
  }
  const extension = strapi.plugin('graphql').service('extension');
  extension.shadowCRUD('plugin::upload.file').field('related').disable();
  const queries = graphqlQueryNames(strapi, FULL_ACCESS_TYPES, ['find', 'findOne', 'connection']);
  extension.use(() => ({ resolversConfig: Object.fromEntries([...queries].map((query) => [`Query.${query}`, { policies: [POLICY] }])) }));
}
