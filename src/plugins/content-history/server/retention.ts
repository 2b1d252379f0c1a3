/**
 * How long history is kept: per language version and status, the newest HISTORY_KEEP_VERSIONS
 * versions and those younger than HISTORY_KEEP_DAYS (0: no limit of that kind). The newest
 * version of each, the current draft or published state, is never pruned. Run daily by cron.
 */
import type { Core } from '@strapi/strapi';
import { columnOf } from '../../../database/derived-columns';
import { tableOf } from '../../../content-api/content-types';
import { pruneChanges } from './change-feed';
import { VERSION } from './recording';

export type Retention = { keepVersions: number; keepDays: number; changesKeepDays: number };

/** Deletes the versions past retention; resolves to how many. */
export async function pruneVersions(strapi: Core.Strapi, { keepVersions, keepDays }: Omit<Retention, 'changesKeepDays'>, now = new Date()): Promise<number> {
  if (keepVersions === 0 && keepDays === 0) return 0;
  const knex = strapi.db.connection;
  const column = (name: string) => columnOf(strapi, VERSION, name);
  const table = tableOf(strapi, VERSION);
  const ranked = knex(table)
    .select('id', column('at'))
    .select(
      knex.raw('row_number() over (partition by ??, ??, ??, ?? order by id desc) as newest', [
        column('contentType'),
        column('subjectDocumentId'),
        column('locale'),
        column('status'),
      ])
    )
    .as('ranked');
  const expired = knex
    .from(ranked)
    .select('id')
    .where('newest', '>', 1)
    .andWhere((past) => {
      if (keepVersions > 0) past.orWhere('newest', '>', keepVersions);
      if (keepDays > 0) past.orWhere(column('at'), '<', new Date(now.getTime() - keepDays * 86_400_000));
    });
  return knex(table).whereIn('id', expired).delete();
}

export const pruneHistory = async (strapi: Core.Strapi, retention: Retention, now = new Date()) => ({
  versions: await pruneVersions(strapi, retention, now),
  changes: await pruneChanges(strapi, retention.changesKeepDays, now),
});
