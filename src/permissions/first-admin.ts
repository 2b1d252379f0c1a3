/**
 * The first super admin of a fresh install, from ADMIN_EMAIL and ADMIN_PASSWORD: created at
 * start-up when the database has no admin user at all, so an operator can sign in without the
 * registration page. Never again after that: changing the variables later changes nobody's
 * password (Settings › Users, or `strapi admin:reset-user-password`, does).
 */
import type { Core } from '@strapi/strapi';

export async function ensureFirstAdmin(strapi: Core.Strapi, account: { email?: string; password?: string }): Promise<void> {
  if (!account.email || !account.password) return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: account.email.toLowerCase(),
    firstname: 'Administrator',
    password: account.password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created the first super admin, ${account.email}, from ADMIN_EMAIL`);
}
