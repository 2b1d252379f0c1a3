/**
 * Columns derived from the rows (the search index, sort keys, which version fallback serves),
 * written straight to the table: they are not an edit, so they leave `updatedAt` alone (the
 * panel would otherwise call a published document Modified) and run no write lifecycles
 * (nothing a reader sees changed). Inside the caller's transaction when there is one.
 */
import type { Core, Modules } from '@strapi/strapi';
import { tableOf } from '../content-api/content-types';

/** The database column of an attribute of `uid`. */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string =>
  (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;

/** Sets `values` (by attribute name) on the rows with these ids. */
export async function writeDerivedColumns(strapi: Core.Strapi, uid: string, ids: number | number[], values: Record<string, unknown>): Promise<void> {
  const columns = Object.fromEntries(Object.entries(values).map(([name, value]) => [columnOf(strapi, uid, name), value]));
  const write = (knex: Core.Strapi['db']['connection']) => knex(tableOf(strapi, uid)).whereIn('id', [ids].flat()).update(columns);
  if (strapi.db.inTransaction()) await strapi.db.transaction(({ trx }) => write(trx));
  else await write(strapi.db.connection);
}

/** The documents a Document Service write touched: the one it names, and those its result holds. */
export function writtenDocumentIds(params: unknown, result: unknown): Set<string> {
  // An entry, a list of them, or (publish, unpublish, delete, clone) `{ documentId, entries }`.
  const written = [result, (result as { entries?: unknown } | null)?.entries].flat(2) as Array<{ documentId?: string } | null | undefined>;
  return new Set([(params as { documentId?: string }).documentId, ...written.map((entry) => entry?.documentId)].filter((id): id is string => typeof id === 'string'));
}

/** The writes after which columns derived from a row's own fields can have changed. */
const ROW_WRITES = ['create', 'update', 'publish', 'discardDraft'];

/**
 * A Document Service middleware that re-derives, after each write (of `actions`) of a document
 * of a type it `applies` to, the columns of all the document's versions: a write may touch
 * several (i18n copies shared fields, publish writes inside an update), so the rows are the truth.
 */
export function rederiveAfterWrites(
  applies: (uid: string) => boolean,
  rederive: (uid: string, documentId: string) => Promise<void>,
  actions: string[] = ROW_WRITES
): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const { uid } = context;
    if (!actions.includes(context.action) || !applies(uid)) return next();
    const result = (await next()) as unknown;
    for (const documentId of writtenDocumentIds(context.params, result)) await rederive(uid, documentId);
    return result as Awaited<ReturnType<typeof next>>;
  };
}
