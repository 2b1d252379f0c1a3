/**
 * Least privilege for the unauthenticated (public) role: it may read every content type and
 * do nothing else. Writes need an API token. Runs on every start, so a permission someone
 * added by hand to the public role is taken away again.
 */
import type { Core } from '@strapi/strapi';
import { apiContentTypeUids } from '../content-api/content-types';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';
const READ_ACTIONS = ['find', 'findOne'] as const;

export const publicReadActions = (strapi: Core.Strapi): string[] => apiContentTypeUids(strapi).flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`));

export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions public role is missing');

  const allowed = new Set(publicReadActions(strapi));
  const current: Array<{ id: number; action: string }> = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id } });

  const extra = current.filter((permission) => !allowed.has(permission.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  }
  const have = new Set(current.map((permission) => permission.action));
  for (const action of allowed) {
    if (!have.has(action)) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
}
