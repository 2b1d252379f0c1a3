/**
 * `GET /api/changes`: what readers of the published API saw change, in commit order, for partner
 * sites that keep a copy. A cursor names a place in the feed of one database: its epoch (new
 * after a restore from backup) and the last change id read. Changes older than CHANGES_KEEP_DAYS
 * are pruned; a cursor from before them, or from another epoch, answers 410 Gone with what to do.
 */
import { randomUUID } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { lockUntilCommit } from './locks';
import { CHANGE } from './recording';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

const STORE = { type: 'plugin', name: 'content-history' } as const;

/** A place in the feed. */
export type Cursor = { epoch: string; after: number };

export const encodeCursor = ({ epoch, after }: Cursor): string => Buffer.from(`${epoch}.${after}`).toString('base64url');

/** The cursor a client sent, or undefined when it is not one this server hands out. */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return undefined;
  const match = /^([0-9a-f-]{36})\.(0|[1-9][0-9]{0,15})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  return match ? { epoch: match[1], after: Number(match[2]) } : undefined;
}

/** What a request for changes may ask (anything else is a 400 naming the parameter). */
export const changesQuery = z
  .object({
    since: z.string().max(200).optional(),
    type: z.string().max(2000).optional(),
    locale: z.string().max(32).optional(),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();

/** The same, as GraphQL's `contentChanges` takes them: `types` a list, the page size the same. */
export const changesArguments = z
  .object({
    since: z.string().max(200).optional(),
    types: z.array(z.string().max(200)).min(1).max(100).optional(),
    locale: z.string().max(32).optional(),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();

export type ChangesRequest = { since?: Cursor | 'now'; types?: string[]; locale?: string; pageSize: number };

export type ChangeItem = { cursor: string; contentType: string; documentId: string; locale: string | null; change: string; at: string };
export type ChangesPage = { data: ChangeItem[]; meta: { cursor: string; hasMore: boolean } };

/** The key of the advisory lock under which the epoch is made (one row, whatever starts at once). */
const EPOCH_LOCK = 2026_12_21;

/**
 * Makes this database's feed epoch if it has none, at start-up: under a lock on PostgreSQL, as
 * instances starting together would each make one (the store has no unique key).
 */
export async function ensureFeedEpoch(strapi: Core.Strapi): Promise<string> {
  return strapi.db.transaction(async () => {
    await lockUntilCommit(strapi, EPOCH_LOCK);
    const stored = await strapi.store.get({ ...STORE, key: 'feedEpoch' });
    if (typeof stored === 'string') return stored;
    const epoch = randomUUID();
    await strapi.store.set({ ...STORE, key: 'feedEpoch', value: epoch });
    return epoch;
  });
}

/** This database's feed epoch. */
export async function feedEpoch(strapi: Core.Strapi): Promise<string> {
  const stored = await strapi.store.get({ ...STORE, key: 'feedEpoch' });
  return typeof stored === 'string' ? stored : ensureFeedEpoch(strapi);
}

/** After a restore from backup: every cursor handed out before names another database's feed. */
export const renewFeedEpoch = (strapi: Core.Strapi) => strapi.store.set({ ...STORE, key: 'feedEpoch', value: randomUUID() });

/** The highest change id pruned: a cursor before it may have missed changes. */
const prunedThrough = async (strapi: Core.Strapi): Promise<number> => Number((await strapi.store.get({ ...STORE, key: 'feedPrunedThrough' })) ?? 0);

/** The newest change id, 0 for an empty feed. */
const newestChangeId = async (strapi: Core.Strapi): Promise<number> =>
  ((await strapi.db.query(CHANGE as UID.Schema).findOne({ select: ['id'], orderBy: { id: 'desc' } })) as { id: number } | null)?.id ?? 0;

type ChangeRow = { id: number; contentType: string; subjectDocumentId: string; locale: string | null; kind: string; at: Date | string };

/** Why a cursor cannot be followed, and what to do instead (answered as 410 Gone). */
export type Gone = { gone: string };

const gone = (reason: string): Gone => ({
  gone: `${reason} Download the content again (GET /api/changes?since=now first gives the cursor to follow from once the download is done).`,
});

/** One page of the feed after `since`. */
export async function readChanges(strapi: Core.Strapi, request: ChangesRequest): Promise<ChangesPage | Gone> {
  const epoch = await feedEpoch(strapi);
  const latest = await newestChangeId(strapi);
  if (request.since === 'now') return { data: [], meta: { cursor: encodeCursor({ epoch, after: latest }), hasMore: false } };
  const after = request.since?.after ?? 0;
  if (request.since && request.since.epoch !== epoch) return gone('This cursor is from another database, or from before this one was restored from a backup.');
  if (after < (await prunedThrough(strapi))) return gone(`This cursor is older than the changes kept (CHANGES_KEEP_DAYS).`);
  if (after > latest) return gone('This cursor is ahead of this feed: the database was restored from an older backup.');
  const where: Record<string, unknown> = { id: { $gt: after, $lte: latest } };
  if (request.types) where.contentType = { $in: request.types };
  if (request.locale) where.locale = request.locale;
  const rows = (await strapi.db.query(CHANGE as UID.Schema).findMany({ where, orderBy: { id: 'asc' }, limit: request.pageSize + 1 })) as ChangeRow[];
  const page = rows.slice(0, request.pageSize);
  const hasMore = rows.length > request.pageSize;
  const data = page.map((row) => ({
    cursor: encodeCursor({ epoch, after: row.id }),
    contentType: row.contentType,
    documentId: row.subjectDocumentId,
    locale: row.locale,
    change: row.kind,
    at: new Date(row.at).toISOString(),
  }));
  return { data, meta: { cursor: encodeCursor({ epoch, after: hasMore ? page[page.length - 1].id : latest }), hasMore } };
}

/**
 * A cursor at or after the newest change of a language version (the events webhooks hear come
 * after the commit, so its change is in the feed); the feed's newest when it has none (a
 * draft-only version deleted).
 */
export async function cursorAfter(strapi: Core.Strapi, subject: { type: string; documentId: string; locale: string | null }): Promise<string> {
  const own = (await strapi.db.query(CHANGE as UID.Schema).findOne({
    select: ['id'],
    where: { contentType: subject.type, subjectDocumentId: subject.documentId, locale: subject.locale },
    orderBy: { id: 'desc' },
  })) as { id: number } | null;
  return encodeCursor({ epoch: await feedEpoch(strapi), after: own?.id ?? (await newestChangeId(strapi)) });
}

/** Deletes changes older than `keepDays`, remembering how far it deleted. */
export async function pruneChanges(strapi: Core.Strapi, keepDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  const query = strapi.db.query(CHANGE as UID.Schema);
  const last = (await query.findOne({ select: ['id'], where: { at: { $lt: before } }, orderBy: { id: 'desc' } })) as { id: number } | null;
  if (!last) return 0;
  return strapi.db.transaction(async () => {
    await strapi.store.set({ ...STORE, key: 'feedPrunedThrough', value: last.id });
    const { count } = await query.deleteMany({ where: { id: { $lte: last.id } } });
    return count;
  });
}
