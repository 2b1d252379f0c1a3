/**
 * Fuzzing driven by the contract: requests generated from the served /api/openapi.json and the
 * served GraphQL schema (tests/helpers/contract-fuzz.ts, fast-check, fixed seed). Every answer
 * must be a status the contract documents, never a 5xx, never carry SQL or a stack, and the
 * server must still serve afterwards. CONTRACT_FUZZ_SEED, CONTRACT_FUZZ_REST and
 * CONTRACT_FUZZ_GRAPHQL replay a failure or run a larger campaign on demand.
 */
import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { graphqlRequests, restRequests, type OpenApiDocument } from '../helpers/contract-fuzz';
import { listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(900_000);

const SEED = Number(process.env.CONTRACT_FUZZ_SEED ?? 20261203);
const REST_COUNT = Number(process.env.CONTRACT_FUZZ_REST ?? 10_000);
const GRAPHQL_COUNT = Number(process.env.CONTRACT_FUZZ_GRAPHQL ?? 2_000);
const CONCURRENCY = 6;
/** What a database error or a crash would tell an attacker (knex quotes every identifier). */
const INTERNALS = /select .+ from "|insert into|"public"\.|invalid input syntax|out of range for type|violates .+ constraint|knex|node_modules|\bat .+\.js:\d+/i;

let strapi: Core.Strapi;
let origin: string;

beforeAll(async () => {
  // The contract is under test here, not the rate limit (which would answer most with 429).
  process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = '1000000';
  strapi = await setupStrapi();
  origin = await listen(strapi);
});

afterAll(async () => {
  delete process.env.RATE_LIMIT_PUBLIC_PER_MINUTE;
  await teardownStrapi();
});

type Outcome = { request: string; status: number; problem?: string };

async function inBatches<T>(items: T[], send: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < items.length; i += CONCURRENCY) outcomes.push(...(await Promise.all(items.slice(i, i + CONCURRENCY).map(send))));
  return outcomes;
}

const summarize = (outcomes: Outcome[]) => {
  const byStatus: Record<number, number> = {};
  for (const { status } of outcomes) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return byStatus;
};

function record(name: string, summary: unknown) {
  fs.mkdirSync('.tmp', { recursive: true });
  fs.writeFileSync(`.tmp/contract-fuzz-${name}.json`, `${JSON.stringify(summary, null, 2)}\n`);
}

it(`answers ${REST_COUNT} REST requests generated from the OpenAPI document as documented`, async () => {
  const doc = (await (await fetch(`${origin}/api/openapi.json`)).json()) as OpenApiDocument;
  const ids = (await strapi.documents('api::municipality.municipality').findMany({ fields: ['documentId'], limit: 5 })).map((entry) => entry.documentId);
  const requests = restRequests(doc, ids, { seed: SEED, count: REST_COUNT });
  const outcomes = await inBatches(requests, async ({ path, documented }) => {
    const response = await fetch(`${origin}${path}`);
    const body = await response.text();
    const problem =
      response.status >= 500
        ? 'server error'
        : !documented.includes(response.status)
          ? `status ${response.status} not in the contract (${documented.join(', ')})`
          : INTERNALS.test(body)
            ? `internals in the body: ${body.slice(0, 300)}`
            : undefined;
    return { request: path, status: response.status, problem };
  });
  record('rest', { seed: SEED, sent: outcomes.length, byStatus: summarize(outcomes) });
  expect(outcomes.filter((outcome) => outcome.problem).slice(0, 20)).toEqual([]);
  expect(outcomes.length).toBe(REST_COUNT);
  // A spread of answers, not one refusal repeated: both successes and refusals occur.
  expect(outcomes.filter((outcome) => outcome.status === 200).length).toBeGreaterThan(REST_COUNT / 10);
  expect(outcomes.filter((outcome) => outcome.status === 400).length).toBeGreaterThan(REST_COUNT / 10);
  expect((await fetch(`${origin}/api/municipalities?locale=bs`)).status).toBe(200);
});

it(`answers ${GRAPHQL_COUNT} GraphQL queries generated from the schema without a server error`, async () => {
  const introspection = (await (
    await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: getIntrospectionQuery() }) })
  ).json()) as { data: IntrospectionQuery };
  const requests = graphqlRequests(buildClientSchema(introspection.data), { seed: SEED, count: GRAPHQL_COUNT });
  const outcomes = await inBatches(requests, async (request) => {
    const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    const body = await response.text();
    const problem =
      response.status >= 500
        ? 'server error'
        : body.includes('INTERNAL_SERVER_ERROR')
          ? `internal error: ${body.slice(0, 300)}`
          : INTERNALS.test(body)
            ? `internals in the body: ${body.slice(0, 300)}`
            : undefined;
    return { request: `${request.query} ${JSON.stringify(request.variables).slice(0, 300)}`, status: response.status, problem };
  });
  record('graphql', { seed: SEED, sent: outcomes.length, byStatus: summarize(outcomes) });
  expect(outcomes.filter((outcome) => outcome.problem).slice(0, 20)).toEqual([]);
  expect(outcomes.length).toBe(GRAPHQL_COUNT);
  expect(outcomes.filter((outcome) => outcome.status === 200).length).toBeGreaterThan(GRAPHQL_COUNT / 10);
  expect((await fetch(`${origin}/api/municipalities?locale=bs`)).status).toBe(200);
});
