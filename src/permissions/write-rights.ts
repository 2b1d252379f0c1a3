/**
 * One rule for what staff may write, whatever the path (the panel's forms, bulk actions and
 * clone, the Cyrillic-version action, a scheduled publish), as a Document Service middleware:
 * - publishing a version needs the publish permission for its type and locale;
 * - setting "Publish at" is publishing later: it needs that permission now (and again when the
 *   time comes, src/scheduled-publishing) and records who set it; until then, the scheduled
 *   version may only be changed by someone who may publish it, or it would go out unreviewed;
 * - a clone is not scheduled, and is only made in locales the cloner may create;
 * - what every locale version shares (non-localized fields, links) may only be changed through
 *   another locale by someone who may update the base-locale version: a translator writes only
 *   text, and an author adding a language to someone else's document leaves the rest alone.
 *   The panel sends the whole form, so a write is judged by what it changed in the other
 *   versions (compared in its transaction, undone when refused), not by the keys it sent.
 * Content-API callers are judged by their API token; none may schedule (no person would
 * answer for the publish). Refusals are PolicyErrors: Strapi answers any other 403 thrown
 * below a route's authorization with a bare "Forbidden", and the editor needs the reason.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { syncedRelations } from '../content-api/locale-versions';
import { DEFAULT_LOCALE } from '../locales';
import { actingStaff, permissionsOf, type ActingStaff } from './acting-staff';

export const PUBLISH_AT = 'scheduledPublishAt';
export const SCHEDULED_BY = 'scheduledBy';

type Version = { id: number; documentId: string; locale: string; createdBy?: { id: number } | null; [PUBLISH_AT]?: string | Date | null };
type Params = { documentId?: string; locale?: unknown; status?: string; data?: Record<string, unknown> };
type Shared = Map<number, Record<string, unknown>>;

/** The fields that differ between two snapshots of the same versions. */
export function changedFields(before: Shared, after: Shared): string[] {
  const changed = new Set<string>();
  for (const [id, was] of before) {
    const now = after.get(id) ?? {};
    for (const name of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (!isDeepStrictEqual(was[name], now[name])) changed.add(name);
    }
  }
  return [...changed].sort();
}

/** Whether two "Publish at" values are the same moment (the panel resends the stored one). */
export const sameInstant = (a: unknown, b: unknown): boolean =>
  (a ?? null) === null ? (b ?? null) === null : (b ?? null) !== null && new Date(a as string).getTime() === new Date(b as string).getTime();

const typeName = (strapi: Core.Strapi, uid: string) => strapi.getModel(uid as UID.Schema).info.displayName;

/** The draft versions of a document (in some locales), with their creator for "own only" rules. */
const draftVersions = (strapi: Core.Strapi, uid: string, documentId: string, locale?: unknown): Promise<Version[]> =>
  strapi.db.query(uid as UID.ContentType).findMany({
    where: { documentId, publishedAt: null, ...(locale === '*' ? {} : { locale: Array.isArray(locale) ? { $in: locale } : (locale ?? DEFAULT_LOCALE) }) },
    populate: { createdBy: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });

function assertMayPublish(strapi: Core.Strapi, staff: ActingStaff, uid: string, versions: Array<Partial<Version> & { locale: string }>) {
  const permissions = permissionsOf(strapi, staff, uid);
  const refused = versions.filter((version) => !permissions.can.publish(version)).map((version) => version.locale);
  if (refused.length > 0) throw new errors.PolicyError(`You may not publish ${typeName(strapi, uid)} versions in ${[...new Set(refused)].join(', ')}`);
}

/**
 * "Publish at" on a create or update: who may set it, who may change a scheduled version, and
 * who scheduled it (never taken from the client).
 */
function applyScheduleRule(strapi: Core.Strapi, staff: ActingStaff | undefined, uid: string, params: Params, current: Version | undefined) {
  const data = params.data!;
  delete data[SCHEDULED_BY];
  const locale = typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE;
  const sent = PUBLISH_AT in data;
  const wanted = sent ? data[PUBLISH_AT] : current?.[PUBLISH_AT];
  if ((wanted ?? null) === null || wanted === '') {
    if (sent) data[SCHEDULED_BY] = null;
    return;
  }
  const unchanged = current !== undefined && sameInstant(current[PUBLISH_AT], wanted);
  if (unchanged && !staff) return; // an API token editing a scheduled version: judged by its token
  const permitted = staff && permissionsOf(strapi, staff, uid).can.publish(current ?? { locale });
  if (!permitted && unchanged) {
    throw new errors.PolicyError(`This ${locale} version is scheduled for publishing; only someone who may publish it can change it (or clear "Publish at" first)`);
  }
  if (!permitted) throw new errors.PolicyError(`Setting "Publish at" needs the right to publish ${typeName(strapi, uid)} versions in ${locale}`);
  if (!unchanged) data[SCHEDULED_BY] = staff!.user.id;
}

/** A clone starts unscheduled unless the cloner schedules it, in locales the cloner may create. */
async function applyCloneRule(strapi: Core.Strapi, staff: ActingStaff | undefined, uid: string, params: Params) {
  const data = (params.data ??= {});
  delete data[SCHEDULED_BY];
  const sources = staff && params.documentId ? await draftVersions(strapi, uid, params.documentId, typeof params.locale === 'string' ? params.locale : '*') : [];
  if (staff) {
    const permissions = permissionsOf(strapi, staff, uid);
    const refused = sources.filter((source) => !permissions.can.create({ locale: source.locale })).map((source) => source.locale);
    if (refused.length > 0) throw new errors.PolicyError(`You may not create ${typeName(strapi, uid)} versions in ${refused.join(', ')}`);
  }
  if (!(PUBLISH_AT in strapi.getModel(uid as UID.Schema).attributes)) return;
  if ((data[PUBLISH_AT] ?? null) === null) {
    data[PUBLISH_AT] = null;
    data[SCHEDULED_BY] = null;
    return;
  }
  if (!staff) throw new errors.PolicyError('Only staff who may publish can set "Publish at"');
  assertMayPublish(strapi, staff, uid, sources);
  data[SCHEDULED_BY] = staff.user.id;
}

/** Non-localized fields and links of these versions, as comparable values. */
async function sharedState(strapi: Core.Strapi, uid: string, ids: number[]): Promise<Shared> {
  const i18n = strapi.plugin('i18n').service('content-types');
  const links = syncedRelations(strapi, uid).map(({ name }) => name);
  const rows: Array<Record<string, unknown> & { id: number }> = await strapi.db.query(uid as UID.ContentType).findMany({
    where: { id: { $in: ids } },
    populate: [...i18n.getNestedPopulateOfNonLocalizedAttributes(uid), ...links],
  });
  const model = strapi.getModel(uid as UID.Schema);
  const documentIds = (value: unknown) => ([value].flat().filter(Boolean) as Array<{ documentId: string }>).map((link) => link.documentId);
  return new Map(rows.map((row) => [row.id, { ...i18n.copyNonLocalizedAttributes(model, row), ...Object.fromEntries(links.map((name) => [name, documentIds(row[name])])) }]));
}

/** Runs a write in one locale; refuses it (undone) if it changed what the other versions share without the right to. */
async function guardSharedFields(strapi: Core.Strapi, staff: ActingStaff, uid: string, documentId: string, locale: string, write: () => Promise<unknown>) {
  if (locale === DEFAULT_LOCALE) return write(); // the base version itself: Strapi's update check
  const others = (await draftVersions(strapi, uid, documentId, '*')).filter((version) => version.locale !== locale);
  const base = others.find((version) => version.locale === DEFAULT_LOCALE) ?? others[0];
  if (!base || permissionsOf(strapi, staff, uid).can.update(base)) return write();
  const ids = others.map((version) => version.id);
  return strapi.db.transaction(async () => {
    const before = await sharedState(strapi, uid, ids);
    const result = await write();
    const changed = changedFields(before, await sharedState(strapi, uid, ids));
    if (changed.length > 0) {
      throw new errors.PolicyError(`Only someone who may edit the ${base.locale} version can change what every language shares: ${changed.join(', ')}`, { fields: changed });
    }
    return result;
  });
}

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function writeRights(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const { uid, action } = context;
    if (!uid.startsWith('api::') || !['publish', 'create', 'update', 'clone'].includes(action)) return next();
    const params = context.params as Params;
    const staff = actingStaff(strapi);
    const publishes = action === 'publish' || params.status === 'published';

    if (staff && publishes) {
      const versions = params.documentId ? await draftVersions(strapi, uid, params.documentId, params.locale) : [];
      assertMayPublish(strapi, staff, uid, versions.length > 0 ? versions : [{ locale: typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE }]);
    }
    if (action === 'clone') {
      await applyCloneRule(strapi, staff, uid, params);
      return next();
    }
    if (action === 'publish' || !params.data) return next();

    const locale = typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE;
    const [current] = action === 'update' && params.documentId ? await draftVersions(strapi, uid, params.documentId, locale) : [];
    if (PUBLISH_AT in strapi.getModel(uid as UID.Schema).attributes) applyScheduleRule(strapi, staff, uid, params, current);
    if (action === 'update' && staff && params.documentId) {
      return guardSharedFields(strapi, staff, uid, params.documentId, locale, next) as ReturnType<typeof next>;
    }
    return next();
  };
  return middleware;
}
