/**
 * The admin-panel roles of the communications team, set at every start so a fresh install and
 * a long-running one agree (Settings › Roles shows them; changes made there to the content
 * permissions of these roles are reset):
 * - Editor: writes, translates, publishes and deletes everything;
 * - Author: reads everything, writes drafts in every language, edits and deletes only their
 *   own documents, never publishes;
 * - Translator (hr | sr-Latn | sr-Cyrl | en): reads every language, writes only the versions
 *   in its language, never publishes or deletes.
 * Strapi creates Editor and Author itself, without locales (so, with i18n, without access to
 * localized types); their content permissions are replaced here, their other ones kept.
 */
import type { Core } from '@strapi/strapi';
import { apiContentTypeUids } from '../content-api/content-types';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../locales';

type ContentAction = 'create' | 'read' | 'update' | 'delete' | 'publish';
type Grant = { actions: ContentAction[]; locales?: LocaleCode[]; ownOnly?: true };
export type AdminRole = { code: string; name: string; description: string; grants: Grant[] };

const TRANSLATED_LOCALES = LOCALE_CODES.filter((code) => code !== DEFAULT_LOCALE);

export const ADMIN_ROLES: AdminRole[] = [
  {
    code: 'strapi-editor',
    name: 'Editor',
    description: 'Writes, translates, publishes and deletes all content, including other people’s.',
    grants: [{ actions: ['create', 'read', 'update', 'delete', 'publish'] }],
  },
  {
    code: 'strapi-author',
    name: 'Author',
    description: 'Writes drafts in every language; edits and deletes only their own; cannot publish.',
    grants: [{ actions: ['read', 'create'] }, { actions: ['update', 'delete'], ownOnly: true }],
  },
  ...TRANSLATED_LOCALES.map((code) => ({
    code: `spis-translator-${code.toLowerCase()}`,
    name: `Translator (${code})`,
    description: `Reads every language; writes only the ${code} versions; cannot publish or delete.`,
    grants: [{ actions: ['read'] as ContentAction[] }, { actions: ['create', 'update'] as ContentAction[], locales: [code] }],
  })),
];

const actionId = (action: ContentAction) => `plugin::content-manager.explorer.${action}`;
/**
 * Every Content Manager permission is replaced, not only those on the app's types: on a fresh
 * install Strapi gives Editor and Author every type the Content Manager shows, which would
 * include the webhooks (their secrets) and their delivery log.
 */
const isContentPermission = (permission: { action: string }) => permission.action.startsWith('plugin::content-manager.explorer.');

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

/** The content permissions of a role: every field of every app type, per grant. */
function contentPermissions(strapi: Core.Strapi, role: AdminRole): Permission[] {
  const uids = apiContentTypeUids(strapi);
  const { actionProvider } = strapi.service('admin::permission');
  const withFields: Permission[] = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(role.grants.flatMap((grant) => grant.actions).map((action) => ({ ...actionProvider.get(actionId(action)), subjects: uids })));
  return role.grants.flatMap((grant) =>
    withFields
      .filter((permission) => grant.actions.some((action) => actionId(action) === permission.action))
      .map((permission) => ({
        ...permission,
        properties: { ...permission.properties, locales: grant.locales ?? [...LOCALE_CODES] },
        conditions: grant.ownOnly ? ['admin::is-creator'] : [],
      }))
  );
}

export async function ensureAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  for (const definition of ADMIN_ROLES) {
    const existing = await roles.findOne({ code: definition.code });
    const role = existing ?? (await roles.create({ name: definition.name, code: definition.code, description: definition.description }));
    if (existing && (existing.name !== definition.name || existing.description !== definition.description)) {
      await roles.update({ id: role.id }, { name: definition.name, description: definition.description });
    }
    const current: Permission[] = await strapi.service('admin::permission').findMany({ where: { role: { id: role.id } } });
    const kept = current.filter((permission) => !isContentPermission(permission));
    await roles.assignPermissions(role.id, [...kept, ...contentPermissions(strapi, definition)]);
  }
}
