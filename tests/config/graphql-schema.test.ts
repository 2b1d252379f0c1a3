/**
 * types/schema.graphql is the GraphQL contract partners code against: it must be what the
 * server builds now (a content-type change without `npm run types` fails here, and so in CI),
 * and what a client's introspection of `/graphql` gets.
 */
import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { GRAPHQL_SCHEMA_FILE, printContentApiSchema, printIntrospection } from '../../src/content-api/graphql-schema';
import { graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
const committed = fs.readFileSync(GRAPHQL_SCHEMA_FILE, 'utf8');

beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

it('types/schema.graphql is the schema the server builds from the content types', () => {
  expect(printContentApiSchema(strapi)).toBe(committed);
});

it('is what a client gets by introspecting /graphql, search and fallback arguments included', async () => {
  const response = await graphql(getIntrospectionQuery({ specifiedByUrl: true }));
  expect(response.status).toBe(200);
  expect(printIntrospection(response.body.data as IntrospectionQuery)).toBe(committed);
  const newsQuery = committed.slice(committed.indexOf('  newsArticles(\n'));
  expect(newsQuery.slice(0, newsQuery.indexOf('): [NewsArticle]!'))).toMatch(/fallback: Boolean[\s\S]*search: String/);
});
