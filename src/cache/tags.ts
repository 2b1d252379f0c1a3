/**
 * Which content types a cached response may contain, so a change to one drops exactly the
 * responses that could show it. A REST read of type T is tagged with T and with every type its
 * `populate`, `filters` and `sort` reach through relations and media (components live with their
 * parent, so they add what they link to, not themselves), and with PUBLIC_ACCESS. Anything else
 * (GraphQL, feeds, the sitemap) is tagged ALL: any change drops it. Pure functions over plain
 * schema data.
 */
export const ALL = '*';
export const MEDIA = 'plugin::upload.file';
/** Who may read what: the public role's permissions, on which every public response depends. */
export const PUBLIC_ACCESS = 'plugin::users-permissions.permission';

type Attribute = { type: string; target?: string; component?: string; components?: string[] };
export type SchemaLookup = (uid: string) => Record<string, Attribute> | undefined;

const OPERATOR = /^\$/;

/** The names a `populate` value asks for, each with its nested value. */
function populated(value: unknown, attributes: Record<string, Attribute>): [string, unknown][] {
  if (value === '*' || value === true) return Object.keys(attributes).map((name) => [name, undefined]);
  if (typeof value === 'string') return value.split(',').map((name) => [name.trim(), undefined]);
  if (Array.isArray(value)) return value.flatMap((item) => populated(item, attributes));
  if (value && typeof value === 'object') {
    const { populate, on } = value as { populate?: unknown; on?: unknown };
    if (populate !== undefined || on !== undefined) return populated(populate ?? on, attributes);
    return Object.entries(value);
  }
  return [];
}

export function contentTypeTags(uid: string, query: Record<string, unknown>, schemaOf: SchemaLookup): Set<string> {
  const tags = new Set<string>([uid]);

  /** Follows one attribute to what it links to; returns the schema nested values refer to. */
  const follow = (owner: string, name: string): string | undefined => {
    const attribute = schemaOf(owner)?.[name];
    if (!attribute) return undefined;
    if (attribute.type === 'media') {
      tags.add(MEDIA);
      return MEDIA;
    }
    if (attribute.type === 'relation' && attribute.target) {
      tags.add(attribute.target);
      return attribute.target;
    }
    if (attribute.type === 'component') return attribute.component;
    if (attribute.type === 'dynamiczone') {
      // Any of its components may be there; each adds what it links to.
      for (const component of attribute.components ?? []) walkPopulate(component, '*');
    }
    return undefined;
  };

  const walkPopulate = (owner: string, value: unknown): void => {
    const attributes = schemaOf(owner) ?? {};
    for (const [name, nested] of populated(value, attributes)) {
      const target = follow(owner, name);
      if (target && nested && typeof nested === 'object') {
        const { populate, filters } = nested as { populate?: unknown; filters?: unknown };
        if (populate !== undefined) walkPopulate(target, populate);
        if (filters !== undefined) walkFilters(target, filters);
      }
    }
  };

  const walkFilters = (owner: string, value: unknown): void => {
    if (Array.isArray(value)) return value.forEach((item) => walkFilters(owner, item));
    if (!value || typeof value !== 'object') return;
    for (const [key, nested] of Object.entries(value)) {
      if (OPERATOR.test(key))
        walkFilters(owner, nested); // $and, $or, $not
      else {
        const target = follow(owner, key);
        if (target) walkFilters(target, nested);
      }
    }
  };

  const walkSort = (value: unknown): void => {
    const fields = [value].flat().flatMap((item) => (typeof item === 'string' ? item.split(',') : item && typeof item === 'object' ? Object.keys(item) : []));
    for (const field of fields) {
      let owner: string | undefined = uid;
      for (const name of field.split(':')[0].split('.').slice(0, -1)) owner = owner && follow(owner, name.trim());
    }
  };

  walkPopulate(uid, query.populate);
  walkFilters(uid, query.filters);
  walkSort(query.sort);
  return tags;
}
