/**
 * Columns derived from a row's own text (the search index, sort keys), written straight to the
 * table: they are not an edit, so they leave `updatedAt` alone (the panel would otherwise call
 * a published document Modified) and run no write lifecycles (nothing a reader sees changed).
 * Inside the caller's transaction when there is one.
 */
import type { Core } from '@strapi/strapi';
import { tableOf } from '../content-api/content-types';

export async function writeDerivedColumns(strapi: Core.Strapi, uid: string, id: number, values: Record<string, unknown>): Promise<void> {
  const { attributes } = strapi.db.metadata.get(uid);
  const columns = Object.fromEntries(Object.entries(values).map(([name, value]) => [(attributes[name] as { columnName?: string }).columnName ?? name, value]));
  const write = (knex: Core.Strapi['db']['connection']) => knex(tableOf(strapi, uid)).where({ id }).update(columns);
  if (strapi.db.inTransaction()) await strapi.db.transaction(({ trx }) => write(trx));
  else await write(strapi.db.connection);
}
