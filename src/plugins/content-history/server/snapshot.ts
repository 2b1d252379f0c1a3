/**
 * What a document's language versions hold, as history keeps it, and what a write changed.
 * Pure: the recorder reads the rows (with `populateOf`) before and after a write and hands them
 * here. Values are what an editor edits: fields, components (without their row ids), relations
 * as the documentIds they point to, media as file ids. Derived, private and inverse-side fields
 * are left out; they are not the document's own words.
 */

/** How each kept attribute of a type is read and compared. */
export type Shape = Record<string, Field>;
export type Field =
  | { kind: 'scalar'; type: string }
  | { kind: 'component'; repeatable: boolean; shape: Shape }
  | { kind: 'dynamiczone'; components: Record<string, Shape> }
  | { kind: 'relation'; many: boolean }
  | { kind: 'media'; many: boolean };

type Attribute = {
  type: string;
  private?: boolean;
  visible?: boolean;
  mappedBy?: string;
  relation?: string;
  repeatable?: boolean;
  multiple?: boolean;
  component?: string;
  components?: string[];
};

const SYSTEM = new Set(['id', 'documentId', 'locale', 'localizations', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy']);

/** The shape of a schema's own editable attributes; `componentAttributes` resolves components by uid. */
export function shapeOf(attributes: Record<string, Attribute>, componentAttributes: (uid: string) => Record<string, Attribute>): Shape {
  const shape: Shape = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (SYSTEM.has(name) || attribute.private || attribute.visible === false) continue;
    if (attribute.type === 'component') {
      shape[name] = { kind: 'component', repeatable: attribute.repeatable === true, shape: shapeOf(componentAttributes(attribute.component!), componentAttributes) };
    } else if (attribute.type === 'dynamiczone') {
      const components = Object.fromEntries((attribute.components ?? []).map((uid) => [uid, shapeOf(componentAttributes(uid), componentAttributes)]));
      shape[name] = { kind: 'dynamiczone', components };
    } else if (attribute.type === 'relation') {
      if (attribute.mappedBy) continue; // the other side's link, recorded with that side
      shape[name] = { kind: 'relation', many: /ToMany$|^manyWay$/i.test(attribute.relation ?? '') };
    } else if (attribute.type === 'media') {
      shape[name] = { kind: 'media', many: attribute.multiple === true };
    } else shape[name] = { kind: 'scalar', type: attribute.type };
  }
  return shape;
}

type Populate = Record<string, unknown>;

/** The `populate` of a query-layer read that returns everything `shape` keeps. */
export function populateOf(shape: Shape): Populate {
  const populate: Populate = {};
  for (const [name, field] of Object.entries(shape)) {
    if (field.kind === 'component') populate[name] = { populate: populateOf(field.shape) };
    else if (field.kind === 'dynamiczone')
      populate[name] = { on: Object.fromEntries(Object.entries(field.components).map(([uid, shape]) => [uid, { populate: populateOf(shape) }])) };
    else if (field.kind === 'relation') populate[name] = { select: ['documentId'] };
    else if (field.kind === 'media') populate[name] = { select: ['id'] };
  }
  return populate;
}

type Row = Record<string, unknown>;

const asRows = (value: unknown): Row[] => (Array.isArray(value) ? value : value ? [value] : []) as Row[];

/** A row's kept values, in a form that compares with JSON equality. */
export function valuesOf(shape: Shape, row: Row): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) {
    const value = row[name];
    if (field.kind === 'scalar') values[name] = value === undefined ? null : value instanceof Date ? value.toISOString() : value;
    else if (field.kind === 'component') {
      const items = asRows(value).map((item) => valuesOf(field.shape, item));
      values[name] = field.repeatable ? items : (items[0] ?? null);
    } else if (field.kind === 'dynamiczone') {
      values[name] = asRows(value).map((item) => {
        const uid = item.__component as string;
        return { __component: uid, ...valuesOf(field.components[uid] ?? {}, item) };
      });
    } else {
      const key = field.kind === 'relation' ? 'documentId' : 'id';
      const linked = [...new Set(asRows(value).map((item) => item[key]))];
      values[name] = field.many ? linked : (linked[0] ?? null);
    }
  }
  return values;
}

/** One language version in one status: its values, and what a reader of the row also sees change. */
export type VersionState = { values: Record<string, unknown>; rowId: number; updatedAt: string | null; publishedAt: string | null };
export type Status = 'draft' | 'published';
/** A document's versions, by locale ('' when the type is not localized) and status. */
export type DocumentState = Map<string, Partial<Record<Status, VersionState>>>;

const isoOrNull = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null);

/** The state of a document from all its rows. Without draft & publish every row is published. */
export function documentStateOf(shape: Shape, rows: Row[], hasDraftAndPublish: boolean): DocumentState {
  const state: DocumentState = new Map();
  for (const row of rows) {
    const locale = typeof row.locale === 'string' ? row.locale : '';
    const status: Status = !hasDraftAndPublish || row.publishedAt != null ? 'published' : 'draft';
    const versions = state.get(locale) ?? {};
    versions[status] = { values: valuesOf(shape, row), rowId: row.id as number, updatedAt: isoOrNull(row.updatedAt), publishedAt: isoOrNull(row.publishedAt) };
    state.set(locale, versions);
  }
  return state;
}

const byKey = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value;

/** JSON equality whatever the objects' key order (PostgreSQL's jsonb keeps an order of its own). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a, (_key, value) => byKey(value)) === JSON.stringify(b, (_key, value) => byKey(value));

/** The fields whose values differ (all of either side's when the other is missing). */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...names].filter((name) => !before || !after || !sameValue(before[name], after[name])).sort();
}

/** A version history records: a language version in one status that a write created, changed or removed. */
export type VersionChange = { locale: string; status: Status; changedFields: string[]; values: Record<string, unknown> | null };

/** What readers of the published API see change: one entry per language version. */
export type PublishedChange = { locale: string; kind: 'published' | 'updated' | 'unpublished' | 'deleted' };

/** The versions and published changes between two states of one document. */
export function diffStates(before: DocumentState, after: DocumentState): { versions: VersionChange[]; published: PublishedChange[] } {
  const versions: VersionChange[] = [];
  const published: PublishedChange[] = [];
  const locales = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const locale of locales) {
    const was = before.get(locale) ?? {};
    const now = after.get(locale) ?? {};
    for (const status of ['draft', 'published'] as const) {
      const fields = changedFields(was[status]?.values, now[status]?.values);
      if (!was[status] && !now[status]) continue;
      if (fields.length > 0 || !was[status] !== !now[status]) versions.push({ locale, status, changedFields: fields, values: now[status]?.values ?? null });
    }
    const [old, current] = [was.published, now.published];
    if (!old && current) published.push({ locale, kind: 'published' });
    // A reader also sees the row's id and dates, which a publish renews even when no field changed.
    else if (
      old &&
      current &&
      (!sameValue(old.values, current.values) || old.rowId !== current.rowId || old.updatedAt !== current.updatedAt || old.publishedAt !== current.publishedAt)
    ) {
      published.push({ locale, kind: 'updated' });
    } else if (old && !current) published.push({ locale, kind: now.draft ? 'unpublished' : 'deleted' });
  }
  return { versions, published };
}
