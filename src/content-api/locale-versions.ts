/**
 * One document, many languages: what is not text means the same in every locale version.
 * - A new locale version starts with the document's shared (non-localized) fields and its
 *   relations, so a client adding a Croatian title need not resend the slug, dates or links
 *   (stock Strapi checks the new version before its i18n copies the fields, and refuses it).
 * - Linking or unlinking in one locale does the same in every other version of the same
 *   status (draft or published), each pointing at the target's version in its own locale
 *   (where it has one); stock Strapi makes editors re-link in each locale.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { attributesOf, isContentLink, versionStatus } from './content-types';

type Row = Record<string, unknown> & { id: number; locale: string };

const SCALAR_TYPES = new Set([
  'string',
  'text',
  'richtext',
  'blocks',
  'email',
  'uid',
  'enumeration',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'time',
  'datetime',
  'timestamp',
  'json',
]);

/** Relations to the app's own localized types: the links an editor makes. */
export const syncedRelations = (strapi: Core.Strapi, uid: string) =>
  Object.entries(attributesOf(strapi, uid))
    .filter(([name, attribute]) => isContentLink(name, attribute))
    .map(([name, attribute]) => ({ name, target: attribute.target as UID.ContentType, many: /Many$/.test(attribute.relation ?? '') }));

type Links = Map<string, string[]>;

/** A populate that loads just the documentId of each linked entry. */
const linkPopulate = (fields: string[]) => Object.fromEntries(fields.map((name) => [name, { select: ['documentId'] }]));

/** The documentIds of a populated relation value (one entry, a list, or nothing), in order. */
const linkedIds = (value: unknown): string[] => ([value].flat().filter(Boolean) as Array<{ documentId: string }>).map((link) => link.documentId);

/** The documentIds each relation of one version points at, in the editor's order. */
async function linksOf(strapi: Core.Strapi, uid: UID.ContentType, where: Record<string, unknown>, fields: string[]): Promise<Links | undefined> {
  const row = await strapi.db.query(uid).findOne({ where, populate: linkPopulate(fields) });
  if (!row) return undefined;
  return new Map(fields.map((name) => [name, linkedIds(row[name])]));
}

/**
 * Applies to the other versions of a document (of the same status) what one write added to and
 * removed from the relations in `fields`; each version keeps its other links, and a target is
 * linked only where it has a version in that locale.
 */
async function propagateLinkChanges(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  locale: string,
  published: boolean,
  before: Links | undefined,
  fields: string[]
) {
  const after = await linksOf(strapi, uid, { documentId, locale, ...versionStatus(published) }, fields);
  if (!after) return;
  const relations = syncedRelations(strapi, uid).filter(({ name }) => fields.includes(name));
  const others: Row[] = await strapi.db.query(uid).findMany({ where: { documentId, locale: { $ne: locale }, ...versionStatus(published) }, select: ['id', 'locale'] });
  for (const other of others) {
    const current = await linksOf(strapi, uid, { id: other.id }, fields);
    const data: Record<string, number[] | number | null> = {};
    for (const { name, target, many } of relations) {
      const was = before?.get(name) ?? [];
      const now = after.get(name) ?? [];
      const removed = new Set(was.filter((id) => !now.includes(id)));
      const added = now.filter((id) => !was.includes(id));
      const has = current?.get(name) ?? [];
      const wanted = [...has.filter((id) => !removed.has(id)), ...added].filter((id, i, all) => all.indexOf(id) === i);
      // Unchanged links are not written: a write would mark a published version "Modified".
      if (wanted.join() === has.join()) continue;
      const rows: Row[] = wanted.length
        ? await strapi.db
            .query(target)
            .findMany({ where: { documentId: { $in: wanted }, locale: other.locale, ...versionStatus(published) }, select: ['id', 'documentId', 'locale'] })
        : [];
      const ids = wanted.map((id) => rows.find((row) => row.documentId === id)?.id).filter((id): id is number => id !== undefined);
      data[name] = many ? ids : (ids.at(-1) ?? null);
    }
    if (Object.keys(data).length > 0) await strapi.db.query(uid).update({ where: { id: other.id }, data });
  }
}

/**
 * Fills the data of a new locale version with what it shares with the others: non-localized
 * fields, and the links (as documentIds, which Strapi resolves in the new locale) to targets
 * that have a version there. What the client sent wins.
 */
async function inheritFromOtherLocales(strapi: Core.Strapi, uid: UID.ContentType, documentId: string, locale: string, data: Record<string, unknown>) {
  const relations = syncedRelations(strapi, uid).filter(({ name }) => !(name in data));
  const existing = await strapi.db.query(uid).findOne({
    where: { documentId, ...versionStatus(false) },
    orderBy: { id: 'asc' },
    populate: linkPopulate(relations.map(({ name }) => name)),
  });
  if (!existing) return;
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    const shared = SCALAR_TYPES.has(attribute.type) && attribute.pluginOptions?.i18n?.localized === false;
    if (shared && !(name in data) && existing[name] !== null) data[name] = existing[name];
  }
  for (const { name, target, many } of relations) {
    const linked = linkedIds(existing[name]);
    const available: Array<{ documentId: string }> = linked.length
      ? await strapi.db.query(target).findMany({ where: { documentId: { $in: linked }, locale, ...versionStatus(false) }, select: ['documentId'] })
      : [];
    const ids = linked.filter((id) => available.some((row) => row.documentId === id));
    if (ids.length > 0) data[name] = many ? ids : ids[0];
  }
}

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function sharedAcrossLocales(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!context.uid.startsWith('api::')) return next();
    const uid = context.uid as UID.ContentType;
    const params = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
    const { documentId, locale } = params;
    if (!documentId || typeof locale !== 'string') return next();

    const relationNames = syncedRelations(strapi, uid).map(({ name }) => name);
    if (relationNames.length === 0) return next();
    const version = (published: boolean) => ({ documentId, locale, ...versionStatus(published) });

    if (context.action === 'publish') {
      const before = await linksOf(strapi, uid, version(true), relationNames);
      const result = await next();
      await propagateLinkChanges(strapi, uid, documentId, locale, true, before, relationNames);
      return result;
    }
    if (context.action !== 'update' || !params.data) return next();

    // Only links the client sent are propagated; a new version's inherited links are not news.
    const touched = relationNames.filter((name) => name in params.data!);
    const isNew = (await strapi.db.query(uid).count({ where: { documentId, locale } })) === 0;
    if (isNew) await inheritFromOtherLocales(strapi, uid, documentId, locale, params.data);
    const publishes = (params as { status?: string }).status === 'published';
    const draftBefore = touched.length ? await linksOf(strapi, uid, version(false), touched) : undefined;
    const publishedBefore = touched.length && publishes ? await linksOf(strapi, uid, version(true), touched) : undefined;

    const result = await next();
    if (touched.length) {
      await propagateLinkChanges(strapi, uid, documentId, locale, false, draftBefore, touched);
      if (publishes) await propagateLinkChanges(strapi, uid, documentId, locale, true, publishedBefore, touched);
    }
    return result;
  };
  return middleware;
}
