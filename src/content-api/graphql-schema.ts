/**
 * The GraphQL contract as partners see it, printed to `types/schema.graphql` (`npm run types`):
 * the schema Strapi builds from the content types, in the form introspection gives clients
 * (so it matches what `/graphql` answers), types and fields sorted so diffs stay readable.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { buildClientSchema, introspectionFromSchema, lexicographicSortSchema, printSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

export const GRAPHQL_SCHEMA_FILE = path.join('types', 'schema.graphql');

/** SDL of a schema as introspection shows it, sorted. */
export const printIntrospection = (introspection: IntrospectionQuery) => `${printSchema(lexicographicSortSchema(buildClientSchema(introspection)))}\n`;

export function printContentApiSchema(strapi: Core.Strapi): string {
  const schema: GraphQLSchema = strapi.plugin('graphql').service('content-api').buildSchema();
  return printIntrospection(introspectionFromSchema(schema));
}

/** `npm run types`: writes types/schema.graphql. */
export async function writeGraphqlSchema(strapi: Core.Strapi): Promise<number> {
  fs.writeFileSync(path.join(strapi.dirs.app.root, GRAPHQL_SCHEMA_FILE), printContentApiSchema(strapi));
  process.stdout.write(`types: wrote ${GRAPHQL_SCHEMA_FILE}\n`);
  return 0;
}
