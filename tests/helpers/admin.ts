/**
 * Admin-panel users for tests: each logs in through `/admin/login` like a person at the
 * login screen, and calls the admin API with the JWT it gets back.
 */
import type { Core } from '@strapi/strapi';
import { api } from './strapi';

const PASSWORD = 'Urednica-2026!';

type Permission = { action: string; subject?: string; properties?: Record<string, unknown>; conditions?: string[] };

/** A role with exactly these permissions, as a super admin sets it up in Settings › Roles. */
export async function createAdminRole(strapi: Core.Strapi, name: string, permissions: Permission[]): Promise<number> {
  const role = await strapi.service('admin::role').create({ name: `${name} ${Date.now()}`, description: `${name} (test)` });
  await strapi.service('admin::role').assignPermissions(
    role.id,
    permissions.map((permission) => ({ conditions: [], ...permission }))
  );
  return role.id;
}

/** A new active admin user with these roles (the super admin role when none given), its panel in this language. */
export async function createAdminUser(strapi: Core.Strapi, roleIds?: number[], preferedLanguage = 'en'): Promise<{ email: string; password: string }> {
  const roles = roleIds ?? [(await strapi.service('admin::role').getSuperAdmin()).id];
  const email = `urednica-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@spis.test`;
  await strapi.service('admin::user').create({ email, firstname: 'Urednica', lastname: 'Šehić', password: PASSWORD, isActive: true, roles, preferedLanguage });
  return { email, password: PASSWORD };
}

/** A new admin user (see createAdminUser), logged in: its JWT. */
export async function loginAsNewAdmin(strapi: Core.Strapi, roleIds?: number[], preferedLanguage?: string): Promise<string> {
  const credentials = await createAdminUser(strapi, roleIds, preferedLanguage);
  const login = await api().post('/admin/login').send(credentials);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token;
}

/** A request to the admin API with this user's JWT. */
export const asAdmin = (jwt: string, method: 'get' | 'post' | 'put' | 'delete', path: string) => api()[method](path).set('Authorization', `Bearer ${jwt}`);

/** A Content Manager request on a collection type's documents, as the admin panel makes it. */
export const contentManagerRequest = (jwt: string, method: 'get' | 'post' | 'put' | 'delete', uid: string, path = '') =>
  asAdmin(jwt, method, `/content-manager/collection-types/${uid}${path}`);
