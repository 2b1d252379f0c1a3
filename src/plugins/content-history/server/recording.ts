/**
 * Records every write of the app's content, on every path into it: each Document Service write
 * (the panel, REST, GraphQL, the import, scheduled publishing, a restore from history) runs in
 * one transaction with the reading of the document's rows before and after it, and the versions
 * it made, the published changes readers see and the translation freshness of its fields are
 * written in that same transaction. A write that fails leaves no history; history that fails to
 * write fails the write.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, Modules, UID } from '@strapi/strapi';
import { writtenDocumentIds } from '../../../database/derived-columns';
import { actingStaff } from '../../../permissions/acting-staff';
import { actorOf } from '../../../permissions/actor';
import { inverseSidesOf, readInverseLinks, relinkedDocuments, type DocumentRef, type InverseLinks } from './inverse-links';
import { lockDocument, lockSeveralDocuments, lockUntilCommit } from './locks';
import { followWrite } from './translations';
import { documentStateOf, diffStates, populateOf, shapeOf, type DocumentState, type Shape, type Status, type VersionState } from './snapshot';

export const VERSION = 'plugin::content-history.version';
export const CHANGE = 'plugin::content-history.change';

const RECORDED = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** How a write reached the content. */
export type WritePath = 'panel' | 'rest' | 'graphql' | 'import' | 'scheduler' | 'restore' | 'system';

const declaredPath = new AsyncLocalStorage<WritePath>();
/** The documents whose write is being recorded: a write nested in one (by a middleware) is part of it. */
const recording = new AsyncLocalStorage<Set<string>>();
const writeKey = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;

/** Runs `task` with its writes recorded as made through `path` (the import, a restore from history). */
export const writeThrough = <T>(path: WritePath, task: () => Promise<T>): Promise<T> => declaredPath.run(path, task);

function writePathOf(strapi: Core.Strapi): WritePath {
  const declared = declaredPath.getStore();
  if (declared) return declared;
  if (actingStaff(strapi)?.scheduled) return 'scheduler';
  const request = strapi.requestContext.get();
  if (!request) return 'system';
  const graphqlPath = strapi.plugin('graphql')?.config('endpoint') ?? '/graphql';
  if (request.path === graphqlPath) return 'graphql';
  if (request.path.startsWith(`${strapi.config.get('api.rest.prefix', '/api')}/`)) return 'rest';
  return 'panel';
}

const shapes = new Map<string, Shape>();

export function shapeFor(strapi: Core.Strapi, uid: string): Shape {
  let shape = shapes.get(uid);
  if (!shape) {
    const attributesOf = (schemaUid: string) => (strapi.getModel(schemaUid as UID.Schema)?.attributes ?? {}) as Parameters<typeof shapeOf>[0];
    shapes.set(uid, (shape = shapeOf(attributesOf(uid), attributesOf)));
  }
  return shape;
}

const hasDraftAndPublish = (strapi: Core.Strapi, uid: string) => strapi.getModel(uid as UID.Schema)?.options?.draftAndPublish === true;

/** Every version of a document as history keeps it. */
export async function readDocumentState(strapi: Core.Strapi, uid: string, documentId: string): Promise<DocumentState> {
  const shape = shapeFor(strapi, uid);
  const rows = await strapi.db.query(uid as UID.Schema).findMany({
    where: { documentId },
    select: ['id', 'documentId', 'locale', 'updatedAt', 'publishedAt', ...Object.keys(shape).filter((name) => shape[name].kind === 'scalar')],
    populate: populateOf(shape),
  });
  return documentStateOf(shape, rows, hasDraftAndPublish(strapi, uid));
}

/**
 * Writes what changed between two states of a document: its versions, and (after taking the
 * feed's lock) its published changes. On PostgreSQL the lock is held to the commit, so change
 * ids are handed out in commit order and a reader never sees a later id before an earlier one.
 */
async function recordChanges(strapi: Core.Strapi, uid: string, documentId: string, action: string, before: DocumentState, after: DocumentState): Promise<void> {
  const { versions, published } = diffStates(before, after);
  if (versions.length === 0 && published.length === 0) return;
  const at = new Date();
  await followWrite(strapi, uid, documentId, before, after, at);
  const who = { ...actorOf(strapi), path: writePathOf(strapi) };
  for (const version of versions) {
    await strapi.db.query(VERSION).create({
      data: {
        contentType: uid,
        subjectDocumentId: documentId,
        locale: version.locale || null,
        status: version.status,
        action,
        changedFields: version.changedFields,
        values: version.values,
        ...who,
        at,
      },
    });
  }
  if (published.length === 0) return;
  await lockUntilCommit(strapi, CHANGE_FEED_LOCK);
  for (const change of published) {
    await strapi.db.query(CHANGE).create({ data: { contentType: uid, subjectDocumentId: documentId, locale: change.locale || null, kind: change.kind, at } });
  }
}

/**
 * An arbitrary, fixed key of the feed's lock. Held to the commit, it hands out change ids in
 * commit order (SQLite's one writer does so already).
 */
const CHANGE_FEED_LOCK = 2026_12_20;

/**
 * What history last recorded of each of a document's versions now in `current`, with the rows'
 * ids and dates as they are: the state before a write that changed only its links from the other
 * side. A version history has nothing of (written before records began) counts as unchanged.
 */
async function lastRecordedState(strapi: Core.Strapi, uid: string, documentId: string, current: DocumentState): Promise<DocumentState> {
  const state: DocumentState = new Map();
  for (const [locale, versions] of current) {
    const recorded: Partial<Record<Status, VersionState>> = {};
    for (const status of ['draft', 'published'] as const) {
      const now = versions[status];
      if (!now) continue;
      const last = (await strapi.db.query(VERSION).findOne({
        where: { contentType: uid, subjectDocumentId: documentId, locale: locale || null, status },
        orderBy: { id: 'desc' },
        select: ['values'],
      })) as { values: Record<string, unknown> | null } | null;
      recorded[status] = { ...now, values: last?.values ?? now.values };
    }
    state.set(locale, recorded);
  }
  return state;
}

/** Records the documents at the other end of links a write added or removed, each under its lock (taken in a fixed order). */
async function recordRelinked(strapi: Core.Strapi, before: InverseLinks, after: InverseLinks, writing: Set<string>): Promise<void> {
  const relinked: DocumentRef[] = relinkedDocuments(before, after).filter(({ uid, documentId }) => !writing.has(writeKey(uid, documentId)));
  for (const { uid, documentId } of relinked) {
    await lockDocument(strapi, uid, documentId);
    const current = await readDocumentState(strapi, uid, documentId);
    await recordChanges(strapi, uid, documentId, 'update', await lastRecordedState(strapi, uid, documentId, current), current);
  }
}

/** The Document Service middleware that records each write of the app's content. */
export function historyRecording(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const { uid, action } = context;
    const named = (context.params as { documentId?: unknown }).documentId;
    const documentId = typeof named === 'string' ? named : undefined;
    const active = recording.getStore();
    if (!RECORDED.has(action) || !uid.startsWith('api::') || (documentId && active?.has(writeKey(uid, documentId)))) return next();
    const inverseSides = inverseSidesOf(strapi, uid);
    const movesOtherDocuments = Object.keys(inverseSides).length > 0;
    // A bulk action, the scheduler or the import: its caller's transaction may lock several documents.
    const inCallersTransaction = strapi.db.inTransaction() && !active;
    return strapi.db.transaction(async () => {
      // Writes of one document wait for each other: each reads the state the one before it left,
      // so versions chain and freshness sees every change.
      if (inCallersTransaction || (movesOtherDocuments && !active)) await lockSeveralDocuments(strapi);
      if (documentId) await lockDocument(strapi, uid, documentId);
      const before = documentId ? await readDocumentState(strapi, uid, documentId) : new Map();
      const linksBefore = documentId && movesOtherDocuments ? await readInverseLinks(strapi, uid, documentId, inverseSides) : new Map();
      const keys = new Set(active);
      if (documentId) keys.add(writeKey(uid, documentId));
      const result = await recording.run(keys, () => next());
      for (const written of writtenDocumentIds(context.params, result)) {
        const after = await readDocumentState(strapi, uid, written);
        await recordChanges(strapi, uid, written, action, written === documentId ? before : new Map(), after);
        if (movesOtherDocuments) {
          const linksAfter = await readInverseLinks(strapi, uid, written, inverseSides);
          await recordRelinked(strapi, written === documentId ? linksBefore : new Map(), linksAfter, keys);
        }
      }
      return result;
    });
  };
}
