/**
 * What a content-API read's `populate` reaches. Its cost in rows: the page, times what each populated link
 * brings per entry, down every nested populate. Strapi loads every linked entry of a to-many
 * link (REST has no page size inside a populate), so the links are estimated — 25 for a to-many
 * relation (GraphQL's default page), 10 for a repeatable component or multiple media, 1 for a
 * single link. Limited by LIMIT_POPULATE_ROWS (Strapi loads a populate in a few queries, however
 * many entries: rows are what costs). And whether it reaches into a file's own links
 * (`populate[cover][populate]=related`, or `=*`): a file's `related` leads to every version that
 * uses it, drafts included; only the file itself may be populated. Pure.
 */
import { targetOf, type Attribute } from './content-types';
import type { SchemaLookup } from './query-shape';

const TO_MANY_RELATION = 25;
const REPEATED_ITEMS = 10;
const LINK_TYPES = new Set(['relation', 'component', 'media', 'dynamiczone']);

const fanOut = (attribute: Attribute): number => {
  if (attribute.type === 'relation') return /ToMany$|manyWay/i.test(attribute.relation ?? '') ? TO_MANY_RELATION : 1;
  return attribute.repeatable || attribute.multiple || attribute.type === 'dynamiczone' ? REPEATED_ITEMS : 1;
};

/** The populated link names and what each populates further, from any of Strapi's populate forms. */
function populated(populate: unknown, attributes: Record<string, Attribute>): Array<[string, unknown]> {
  const links = Object.keys(attributes).filter((name) => LINK_TYPES.has(attributes[name].type));
  if (populate === '*' || populate === true) return links.map((name) => [name, undefined]);
  if (typeof populate === 'string') {
    return populate.split(',').map((path): [string, unknown] => {
      const [name, ...rest] = path.trim().split('.');
      return [name, rest.length > 0 ? rest.join('.') : undefined];
    });
  }
  if (Array.isArray(populate)) return populate.flatMap((item) => populated(item, attributes));
  if (typeof populate === 'object' && populate !== null) {
    return Object.entries(populate).map(([name, value]): [string, unknown] => [
      name,
      typeof value === 'object' && value !== null ? (value as { populate?: unknown }).populate : undefined,
    ]);
  }
  return [];
}

/** Rows one entry of `uid` brings with this populate (itself excluded). */
function linkedRows(populate: unknown, uid: string, schema: SchemaLookup, depth: number): number {
  if (populate === undefined || depth > 10) return 0;
  const attributes = schema(uid);
  let rows = 0;
  for (const [name, nested] of populated(populate, attributes)) {
    const attribute = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    const target = attribute && targetOf(attribute);
    if (!attribute || !target) continue; // unknown names are Strapi's strict parameters' to refuse
    rows += fanOut(attribute) * (1 + linkedRows(nested, target, schema, depth + 1));
  }
  return rows;
}

/** Estimated rows of a read: `entries` (the page) times one plus what each brings. */
export function populateCost(populate: unknown, uid: string, entries: number, schema: SchemaLookup): number {
  return entries * (1 + linkedRows(populate, uid, schema, 0));
}

/** Whether a populate reaches into a file's own links (only the file itself may be populated). */
export function populatesIntoMedia(populate: unknown, uid: string, schema: SchemaLookup, depth = 0): boolean {
  if (populate === undefined || depth > 10) return false;
  const attributes = schema(uid);
  return populated(populate, attributes).some(([name, nested]) => {
    const attribute = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    if (!attribute) return false;
    if (attribute.type === 'media') return nested !== undefined;
    const target = targetOf(attribute);
    return target !== undefined && populatesIntoMedia(nested, target, schema, depth + 1);
  });
}
