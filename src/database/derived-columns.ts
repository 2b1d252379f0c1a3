/**
 * Columns derived from a row's own text (the search index, sort keys), written straight to the
 * table: they are not an edit, so they leave `updatedAt` alone (the panel would otherwise call
 * a published document Modified) and run no write lifecycles (nothing a reader sees changed).
 * Inside the caller's transaction when there is one.
 */
import type { Core, Modules } from '@strapi/strapi';
import { tableOf } from '../content-api/content-types';

export async function writeDerivedColumns(strapi: Core.Strapi, uid: string, id: number, values: Record<string, unknown>): Promise<void> {
  const { attributes } = strapi.db.metadata.get(uid);
  const columns = Object.fromEntries(Object.entries(values).map(([name, value]) => [(attributes[name] as { columnName?: string }).columnName ?? name, value]));
  const write = (knex: Core.Strapi['db']['connection']) => knex(tableOf(strapi, uid)).where({ id }).update(columns);
  if (strapi.db.inTransaction()) await strapi.db.transaction(({ trx }) => write(trx));
  else await write(strapi.db.connection);
}

/**
 * A Document Service middleware that re-derives, after each write of a document of a type it
 * `applies` to, the columns of all the document's versions: a write may touch several (i18n
 * copies shared fields, publish writes inside an update), so the rows are the truth.
 */
export function rederiveAfterWrites(applies: (uid: string) => boolean, rederive: (uid: string, documentId: string) => Promise<void>): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const { uid } = context;
    if (!['create', 'update', 'publish', 'discardDraft'].includes(context.action) || !applies(uid)) return next();
    const result = (await next()) as unknown;
    const written = [result].flat() as Array<{ documentId?: string } | undefined>;
    const documentIds = new Set(
      [(context.params as { documentId?: string }).documentId, ...written.map((entry) => entry?.documentId)].filter((id): id is string => typeof id === 'string')
    );
    for (const documentId of documentIds) await rederive(uid, documentId);
    return result as Awaited<ReturnType<typeof next>>;
  };
}
