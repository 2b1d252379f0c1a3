/**
 * Reading content history as the tests check it: the versions and published changes a write
 * left (only those of the documents a test names, since the database is shared), and staff
 * members whose id and email the recorded actor must name.
 */
import type { Core } from '@strapi/strapi';
import type { VersionRow } from '../../src/plugins/content-history/server/history-admin';
import { createAdminUser } from './admin';
import { api } from './strapi';

export const VERSION = 'plugin::content-history.version';
export const CHANGE = 'plugin::content-history.change';

export type Version = VersionRow;

export type Change = { id: number; contentType: string; subjectDocumentId: string; locale: string | null; kind: string; at: string };

/** A staff member logged in through /admin/login, with what history should name them by. */
export type Staff = { jwt: string; id: number; email: string };

export async function staffWithRole(strapi: Core.Strapi, code: string): Promise<Staff> {
  const role = await strapi.service('admin::role').findOne({ code });
  const credentials = await createAdminUser(strapi, [role.id]);
  const login = await api().post('/admin/login').send(credentials);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { jwt: login.body.data.token, id: login.body.data.user.id, email: credentials.email };
}

const lastId = async (strapi: Core.Strapi, uid: string): Promise<number> =>
  ((await strapi.db.query(uid as typeof VERSION).findOne({ select: ['id'], orderBy: { id: 'desc' } })) as { id: number } | null)?.id ?? 0;

/** All versions of these documents, oldest first. */
export const versionsOf = async (strapi: Core.Strapi, ...documentIds: string[]): Promise<Version[]> =>
  (await strapi.db.query(VERSION).findMany({ where: { subjectDocumentId: { $in: documentIds } }, orderBy: { id: 'asc' } })) as Version[];

/** All published changes of these documents, oldest first. */
export const changesOf = async (strapi: Core.Strapi, ...documentIds: string[]): Promise<Change[]> =>
  (await strapi.db.query(CHANGE).findMany({ where: { subjectDocumentId: { $in: documentIds } }, orderBy: { id: 'asc' } })) as Change[];

/**
 * Runs `write` and resolves to what history recorded meanwhile of the documents named (by the
 * time it resolves, or by `documentIds` called on the write's result, for a document it creates).
 */
export async function recordedBy<T>(
  strapi: Core.Strapi,
  documentIds: string[] | ((result: T) => string[]),
  write: () => Promise<T>
): Promise<{ result: T; versions: Version[]; changes: Change[] }> {
  const [versionMark, changeMark] = [await lastId(strapi, VERSION), await lastId(strapi, CHANGE)];
  const result = await write();
  const ids = typeof documentIds === 'function' ? documentIds(result) : documentIds;
  const versions = (await strapi.db.query(VERSION).findMany({ where: { id: { $gt: versionMark }, subjectDocumentId: { $in: ids } }, orderBy: { id: 'asc' } })) as Version[];
  const changes = (await strapi.db.query(CHANGE).findMany({ where: { id: { $gt: changeMark }, subjectDocumentId: { $in: ids } }, orderBy: { id: 'asc' } })) as Change[];
  return { result, versions, changes };
}

/** A version as the assertions compare it: where, what and how, without values and times. */
export const summary = ({ locale, status, action, path, changedFields }: Version) => ({ locale, status, action, path, changedFields });

/** Polls `condition` (no fixed sleeps) until it holds or `timeoutMs` passes; resolves to whether it held. */
export async function until(condition: () => Promise<boolean>, timeoutMs = 10_000, everyMs = 100): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, everyMs))) {
    if (await condition()) return true;
  }
  return condition();
}
