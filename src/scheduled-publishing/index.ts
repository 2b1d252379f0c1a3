/**
 * Scheduled publishing. An editor sets "Publish at" on a draft version of a news article or a
 * workshop; a cron task (config/cron-tasks.ts, every minute by default) publishes the versions
 * that are due. Exactly once, however many instances run it and even if one dies mid-way:
 * - an instance claims a due version with a conditional update that sets a lease
 *   (SCHEDULED_PUBLISH_LEASE_MS); only one instance's update can match (the database
 *   serialises them), and only the claimant goes on;
 * - it then clears the publish time and publishes in one transaction, so the version is either
 *   published and unscheduled, or neither (a crash rolls it back);
 * - if the claimant dies, its lease expires and another instance takes the version over; if the
 *   publish fails, the lease is given back and the next run tries again.
 *
 * A scheduled publish is its scheduler's act (src/permissions/write-rights.ts records who set
 * the time): it runs with that person's rights as they are when the time comes. If they are
 * gone, blocked or may no longer publish the version, it is refused, logged (server log and
 * audit log) and left a draft, unscheduled.
 */
import type { Core, UID } from '@strapi/strapi';
import { env } from '../env';
import { instanceName } from '../instance';
import { actOnBehalfOf, permissionsOf, type StaffMember } from '../permissions/acting-staff';
import { PUBLISH_AT, SCHEDULED_BY } from '../permissions/write-rights';
import { schedulerActor } from '../permissions/actor';
import { recordAuditEntry } from '../plugins/audit-log/server/register';
import { lockDocument, lockSeveralDocuments } from '../plugins/content-history/server/locks';

/** The private column holding a claim's lease (in the news-article and workshop schemas). */
const CLAIM_UNTIL = 'scheduledClaimUntil';

const SCHEDULED_TYPES = ['api::news-article.news-article', 'api::workshop.workshop'] as const satisfies readonly UID.ContentType[];

type DueVersion = {
  id: number;
  documentId: string;
  locale: string;
  scheduledPublishAt: string;
  scheduledBy: number | null;
  scheduledClaimUntil: string | null;
  createdBy: { id: number } | null;
};
type Scheduler = StaffMember & { isActive?: boolean; blocked?: boolean };

/** The scheduler's rights now, or why the version may not go out on their word. */
async function schedulerOf(strapi: Core.Strapi, uid: string, version: DueVersion) {
  if (version.scheduledBy === null) return { refusal: 'nobody is recorded as its scheduler', user: null };
  const user: Scheduler | null = await strapi.db.query('admin::user').findOne({ where: { id: version.scheduledBy }, populate: ['roles'] });
  if (!user || user.isActive !== true || user.blocked === true) return { refusal: 'its scheduler is no longer an active staff member', user };
  const userAbility = await strapi.service('admin::permission').engine.generateUserAbility(user);
  if (!permissionsOf(strapi, { userAbility }, uid).can.publish(version)) return { refusal: `${user.email} may no longer publish it`, user };
  return { staff: { user: { id: user.id, email: user.email }, userAbility } };
}

/** Publishes every draft version whose time has come; returns how many this instance published. */
export async function publishDueVersions(strapi: Core.Strapi, now = new Date()): Promise<number> {
  let published = 0;
  const unclaimed = { $or: [{ [CLAIM_UNTIL]: null }, { [CLAIM_UNTIL]: { $lt: now } }] };
  for (const uid of SCHEDULED_TYPES) {
    const versions = strapi.db.query(uid);
    const due: DueVersion[] = await versions.findMany({
      where: { publishedAt: null, [PUBLISH_AT]: { $lte: now }, ...unclaimed },
      select: ['id', 'documentId', 'locale', PUBLISH_AT, SCHEDULED_BY, CLAIM_UNTIL],
      populate: { createdBy: { select: ['id'] } },
    });
    for (const version of due) {
      const subject = `${uid} ${version.documentId} (${version.locale})`;
      const lease = new Date(Date.now() + env.SCHEDULED_PUBLISH_LEASE_MS);
      const claimed = await versions.updateMany({ where: { id: version.id, [PUBLISH_AT]: { $notNull: true }, ...unclaimed }, data: { [CLAIM_UNTIL]: lease } });
      if (claimed.count !== 1) continue; // another instance got there first
      if (version.scheduledClaimUntil !== null) strapi.log.warn(`Scheduled publishing of ${subject}: an earlier claim ran out, ${instanceName()} takes it over`);
      const { staff, refusal, user } = await schedulerOf(strapi, uid, version);
      if (!staff) {
        await versions.update({ where: { id: version.id }, data: { [PUBLISH_AT]: null, [SCHEDULED_BY]: null, [CLAIM_UNTIL]: null } });
        strapi.log.warn(`Scheduled publishing of ${subject} refused: ${refusal}; it stays a draft`);
        await recordAuditEntry(strapi, {
          action: 'scheduledPublishRefused',
          subject: uid,
          subjectDocumentId: version.documentId,
          subjectLocale: version.locale,
          // Scheduled before schedulers were recorded: nobody to name.
          ...(version.scheduledBy === null ? { actorType: 'system', actorId: null, actorName: null } : schedulerActor(user ?? { id: version.scheduledBy })),
        });
        continue;
      }
      try {
        await strapi.db.transaction(async () => {
          // The document's locks before its row: history takes them in this order on every write,
          // so an editor saving the same document meanwhile waits instead of deadlocking.
          await lockSeveralDocuments(strapi);
          await lockDocument(strapi, uid, version.documentId);
          // Unscheduled before the publish copies the draft, so the published version carries no time.
          await versions.update({ where: { id: version.id }, data: { [PUBLISH_AT]: null, [CLAIM_UNTIL]: null } });
          await actOnBehalfOf(staff, () => strapi.documents(uid).publish({ documentId: version.documentId, locale: version.locale }));
        });
        published += 1;
      } catch (error) {
        await versions.update({ where: { id: version.id }, data: { [CLAIM_UNTIL]: null } });
        strapi.log.error(`Scheduled publishing of ${subject} failed, will retry: ${(error as Error).message}`);
      }
    }
  }
  return published;
}
