/**
 * Scheduled publishing. An editor sets "Publish at" on a draft version of a news article or a
 * workshop; a cron task (config/cron-tasks.ts, every minute by default) publishes the versions
 * that are due. Exactly once, however many instances run it: a version is claimed by clearing
 * its publish time with a conditional update, which only one instance's update can match (the
 * database serialises them), and only the claimant publishes. A failed publish puts the time
 * back, so the next run tries again.
 */
import type { Core, UID } from '@strapi/strapi';

const SCHEDULED_TYPES = ['api::news-article.news-article', 'api::workshop.workshop'] as const satisfies readonly UID.ContentType[];
const PUBLISH_AT = 'scheduledPublishAt';

type DueVersion = { id: number; documentId: string; locale: string; scheduledPublishAt: string };

/** Publishes every draft version whose time has come; returns how many this instance published. */
export async function publishDueVersions(strapi: Core.Strapi, now = new Date()): Promise<number> {
  let published = 0;
  for (const uid of SCHEDULED_TYPES) {
    const versions = strapi.db.query(uid);
    const due: DueVersion[] = await versions.findMany({ where: { publishedAt: null, [PUBLISH_AT]: { $lte: now } }, select: ['id', 'documentId', 'locale', PUBLISH_AT] });
    for (const version of due) {
      const claimed = await versions.updateMany({ where: { id: version.id, [PUBLISH_AT]: { $notNull: true } }, data: { [PUBLISH_AT]: null } });
      if (claimed.count !== 1) continue; // another instance got there first
      try {
        await strapi.documents(uid).publish({ documentId: version.documentId, locale: version.locale });
        published += 1;
      } catch (error) {
        await versions.update({ where: { id: version.id }, data: { [PUBLISH_AT]: version.scheduledPublishAt } });
        strapi.log.error(`Scheduled publishing of ${uid} ${version.documentId} (${version.locale}) failed, will retry: ${(error as Error).message}`);
      }
    }
  }
  return published;
}
