/**
 * What a backup holds: every table of the app except credentials and Strapi's own schema
 * bookkeeping, with secrets blanked. Left out, and why:
 * - API and transfer tokens and login sessions are credentials: partners get new tokens.
 * - Password hashes and one-time tokens of staff and site users: a restored account sets a
 *   new password (`strapi admin:reset-user-password`, or a super admin in the admin panel).
 * - Webhook header values (they often carry an Authorization secret), the signing secrets of
 *   the partner webhooks (a restored one sends nothing until a super admin sets a new secret)
 *   and the client secrets of users-permissions login providers: the names and client ids stay.
 * - Strapi's schema and migration records belong to the installed version, not the data.
 */
import type { Core } from '@strapi/strapi';

const CREDENTIAL_TYPES = new Set(['admin::api-token', 'admin::api-token-permission', 'admin::transfer-token', 'admin::transfer-token-permission', 'admin::session']);

const SECRET_FIELDS: Record<string, string[]> = {
  'admin::user': ['password', 'resetPasswordToken', 'resetPasswordTokenExpiresAt', 'registrationToken'],
  'plugin::users-permissions.user': ['password', 'resetPasswordToken', 'confirmationToken'],
  'plugin::webhooks.webhook': ['secret'],
};

const SCHEMA_BOOKKEEPING = ['strapi_database_schema', 'strapi_migrations', 'strapi_migrations_internal'];

const WEBHOOKS_TABLE = 'strapi_webhooks';
const CORE_STORE_TABLE = 'strapi_core_store_settings';
const LOGIN_PROVIDERS_KEY = 'plugin_users-permissions_grant';

type Attribute = { type: string; columnName?: string; target?: string; joinTable?: { name: string } };
type Meta = { uid: string; tableName: string; attributes: Record<string, Attribute> };

export type BackupScope = {
  /** Tables never read nor written. */
  leftOutTables: string[];
  /** Per table, the columns written as null. */
  secretColumns: Record<string, string[]>;
};

export function backupScope(strapi: Core.Strapi): BackupScope {
  const models = [...(strapi.db.metadata as unknown as Map<string, Meta>).values()];
  const leftOut = new Set(SCHEMA_BOOKKEEPING);
  for (const model of models) {
    if (CREDENTIAL_TYPES.has(model.uid)) leftOut.add(model.tableName);
    for (const attribute of Object.values(model.attributes)) {
      // A link table goes with the credential at either end of it.
      const linksCredential = CREDENTIAL_TYPES.has(model.uid) || (attribute.target !== undefined && CREDENTIAL_TYPES.has(attribute.target));
      if (attribute.joinTable && linksCredential) leftOut.add(attribute.joinTable.name);
    }
  }
  const secretColumns: Record<string, string[]> = {};
  for (const [uid, fields] of Object.entries(SECRET_FIELDS)) {
    const model = models.find((candidate) => candidate.uid === uid);
    if (!model) continue;
    secretColumns[model.tableName] = fields.flatMap((field) => {
      const attribute = model.attributes[field];
      return attribute ? [attribute.columnName ?? field] : [];
    });
  }
  return { leftOutTables: [...leftOut].sort(), secretColumns };
}

/** A row as the backup keeps it: secret columns null, webhook headers and provider secrets blank. */
export function withoutSecrets(table: string, row: Record<string, unknown>, scope: BackupScope): Record<string, unknown> {
  const clean = { ...row };
  for (const column of scope.secretColumns[table] ?? []) if (column in clean) clean[column] = null;
  if (table === WEBHOOKS_TABLE && clean.headers && typeof clean.headers === 'object') {
    clean.headers = Object.fromEntries(Object.keys(clean.headers).map((name) => [name, '']));
  }
  if (table === CORE_STORE_TABLE && clean.key === LOGIN_PROVIDERS_KEY && typeof clean.value === 'string') {
    const providers = JSON.parse(clean.value) as Record<string, Record<string, unknown>>;
    for (const provider of Object.values(providers)) if (typeof provider?.secret === 'string') provider.secret = '';
    clean.value = JSON.stringify(providers);
  }
  return clean;
}
