/**
 * Links written from the side that does not own them. A workshop's `newsArticles` is the other
 * side of an article's `workshops`: linking a workshop to an article changes the article, as its
 * readers and its history see it, without a write of the article. The recorder reads a written
 * document's links on such sides before and after the write, and records the documents at their
 * other end that gained or lost one.
 */
import type { Core, UID } from '@strapi/strapi';

/** Per language version and status (`locale/status`), the documents linked on each non-owning side, by their type. */
export type InverseLinks = Map<string, Map<string, Set<string>>>;
export type DocumentRef = { uid: string; documentId: string };

/** The documents that gained or lost a link from this document in any language version or status, sorted by type and id (the order their locks are taken in). */
export function relinkedDocuments(before: InverseLinks, after: InverseLinks): DocumentRef[] {
  const changed = new Map<string, Set<string>>();
  for (const version of new Set([...before.keys(), ...after.keys()])) {
    const [was, now] = [before.get(version), after.get(version)];
    for (const uid of new Set([...(was?.keys() ?? []), ...(now?.keys() ?? [])])) {
      const [linked, links] = [was?.get(uid) ?? new Set<string>(), now?.get(uid) ?? new Set<string>()];
      const moved = [...linked].filter((id) => !links.has(id)).concat([...links].filter((id) => !linked.has(id)));
      if (moved.length > 0) changed.set(uid, new Set([...(changed.get(uid) ?? []), ...moved]));
    }
  }
  return [...changed.keys()].sort().flatMap((uid) => [...changed.get(uid)!].sort().map((documentId) => ({ uid, documentId })));
}

type RelationAttribute = { type: string; target?: string; mappedBy?: string };

/** A type's relations owned by the other side: attribute name → the linked type. */
export function inverseSidesOf(strapi: Core.Strapi, uid: string): Record<string, string> {
  const attributes = (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) as Record<string, RelationAttribute>;
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'relation' && attribute.mappedBy && attribute.target)
      .map(([name, attribute]) => [name, attribute.target!])
  );
}

/** A document's links on its non-owning sides, as stored now. */
export async function readInverseLinks(strapi: Core.Strapi, uid: string, documentId: string, sides: Record<string, string>): Promise<InverseLinks> {
  const rows = (await strapi.db.query(uid as UID.Schema).findMany({
    where: { documentId },
    select: ['id', 'locale', 'publishedAt'],
    populate: Object.fromEntries(Object.keys(sides).map((name) => [name, { select: ['documentId'] }])),
  })) as Array<Record<string, unknown>>;
  const links: InverseLinks = new Map();
  for (const row of rows) {
    const byType = new Map<string, Set<string>>();
    for (const [name, target] of Object.entries(sides)) {
      const linked = [row[name]].flat().filter(Boolean) as Array<{ documentId: string }>;
      byType.set(target, new Set([...(byType.get(target) ?? []), ...linked.map((link) => link.documentId)]));
    }
    links.set(`${row.locale ?? ''}/${row.publishedAt ? 'published' : 'draft'}`, byType);
  }
  return links;
}
