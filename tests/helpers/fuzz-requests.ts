/**
 * Generated hostile requests for the fuzz test: a seeded generator (the same seed gives the
 * same requests, so a failure can be replayed) mixing malformed REST queries, bodies and
 * GraphQL documents of the kinds attackers and broken clients send.
 */
import { seededRandom } from '../../src/seed/synthetic-text';

export type FuzzRequest = {
  kind: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** A JSON value, or raw bytes sent as they are. */
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  token?: boolean;
};

const TYPES = ['programmes', 'phases', 'municipalities', 'workshops', 'news-articles', 'contacts'];
const FIELDS = [
  'title',
  'name',
  'slug',
  'publicationDate',
  'population2013',
  'geo',
  'phases',
  'locale',
  'id',
  'documentId',
  'createdBy',
  'searchIndex',
  'password',
  'localizations',
  'nope',
];
const OPERATORS = [
  '$eq',
  '$ne',
  '$in',
  '$notIn',
  '$lt',
  '$gt',
  '$between',
  '$contains',
  '$containsi',
  '$startsWith',
  '$null',
  '$notNull',
  '$or',
  '$and',
  '$not',
  '$foo',
  '$where',
  '$regex',
  '$raw',
];
const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  '"; DROP TABLE municipalities; --',
  "1' UNION SELECT password FROM admin_users --",
  '%',
  '_',
  '\\',
  '%00',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'Čelinac',
  'Челинац',
  '🤖'.repeat(50),
  'a'.repeat(5000),
  '1e309',
  '-1',
  'NaN',
  'true',
  'null',
  '[]',
  '{}',
  '__proto__',
  'constructor',
];
const BAD_ENCODINGS = ['%C3%28', '%FF', '%E0%80%80', '%ED%A0%80', '%F8%88%80%80%80', '%', '%2', '%zz', '%C0%AF'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__proto__][polluted', 'constructor][prototype'];

export function generateFuzzRequests(seed: number, count: number): FuzzRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (max: number) => Math.floor(random() * max);
  const enc = (value: string) => (random() < 0.7 ? encodeURIComponent(value) : value.replace(/[ #&]/g, (c) => encodeURIComponent(c)));

  const deepFilters = () => {
    let key = `filters`;
    const depth = 1 + int(30);
    for (let i = 0; i < depth; i += 1) key += `[${pick([...OPERATORS, ...FIELDS, String(int(5))])}]`;
    return `${key}=${enc(pick(HOSTILE_STRINGS))}`;
  };
  const wrongOperator = () => `filters[${pick(FIELDS)}][${pick(OPERATORS)}]${random() < 0.5 ? `[${pick(OPERATORS)}]` : ''}=${enc(pick(HOSTILE_STRINGS))}`;
  const hugePagination = () =>
    `pagination[${pick(['page', 'pageSize', 'start', 'limit', 'withCount', 'foo'])}]=${pick(['1e309', '99999999999999999999', '-1', '0', '2.5', 'abc', '', '[]', String(2 ** 53)])}`;
  const unknownPopulate = () =>
    pick([
      `populate=${pick(['*.*.*', '**', 'nope', 'localizations.localizations', 'createdBy', 'updatedBy.roles', '__proto__'])}`,
      `populate[${pick(FIELDS)}][populate][${pick(FIELDS)}]=*`,
      `populate[${pick(FIELDS)}][filters][${pick(FIELDS)}][$eq]=${enc(pick(HOSTILE_STRINGS))}`,
      `populate[0]=${pick(FIELDS)}&populate[1]=${pick(FIELDS)}`,
    ]);
  const badEncoding = () => `${pick(['filters[name][$eq]', 'q', 'locale', 'sort', pick(BAD_ENCODINGS)])}=${pick(BAD_ENCODINGS)}${pick(BAD_ENCODINGS)}`;
  const protoPollution = () =>
    `${pick(['filters', 'populate', 'sort', 'fields', 'pagination', ''])}[${pick(PROTO_KEYS)}][${pick(['polluted', 'isAdmin', 'toString'])}]=1`.replace(/^\[/, '');
  const injection = () => `${pick(['q', 'locale', 'sort', 'fields[0]', 'filters[slug][$eq]', 'filters[name][$containsi]', 'status', 'fallback'])}=${enc(pick(HOSTILE_STRINGS))}`;
  const manyParams = () => Array.from({ length: 50 + int(400) }, (_, i) => `filters[$or][${i}][slug][$eq]=x`).join('&');
  const sortAndFields = () =>
    pick([
      `sort=${enc(pick(HOSTILE_STRINGS))}`,
      `sort[0][${pick(FIELDS)}]=${pick(['up', 'asc', 'desc;drop'])}`,
      `fields[0]=${pick(FIELDS)}`,
      `fields=${pick(FIELDS)},${pick(FIELDS)}`,
    ]);

  const queryMakers = [deepFilters, wrongOperator, hugePagination, unknownPopulate, badEncoding, protoPollution, injection, manyParams, sortAndFields];

  const restRead = (): FuzzRequest => {
    const parts = Array.from({ length: 1 + int(3) }, () => pick(queryMakers)());
    const id = random() < 0.3 ? `/${enc(pick([...HOSTILE_STRINGS, 'abc', '0', '-1', 'x'.repeat(200)]))}` : '';
    return { kind: 'rest-read', method: 'GET', path: `/api/${pick(TYPES)}${id}?${parts.join('&')}`, token: random() < 0.3 };
  };

  const bodyValue = (depth: number): unknown => {
    if (depth > 0 && random() < 0.4) return Object.fromEntries(Array.from({ length: 1 + int(3) }, () => [pick([...FIELDS, ...PROTO_KEYS, 'data']), bodyValue(depth - 1)]));
    if (depth > 0 && random() < 0.2) return Array.from({ length: int(4) }, () => bodyValue(depth - 1));
    return pick<unknown>([...HOSTILE_STRINGS, 1e308, -1, 0, true, null, 2 ** 53 + 1]);
  };
  const deepJson = () => {
    let value: unknown = 'x';
    for (let i = 0; i < 200 + int(5000); i += 1) value = random() < 0.5 ? [value] : { a: value };
    return value;
  };
  const restWrite = (): FuzzRequest => {
    const method = pick(['POST', 'PUT', 'DELETE'] as const);
    const id = method === 'POST' ? '' : `/${enc(pick(['abc', '1', '__proto__', "' OR 1=1"]))}`;
    const path = `/api/${pick(TYPES)}${id}${random() < 0.3 ? `?${pick(queryMakers)()}` : ''}`;
    const shape = int(6);
    if (shape === 0) return { kind: 'rest-write-invalid-json', method, path, raw: Buffer.from('{"data": {"title": "Čeli'), contentType: 'application/json', token: random() < 0.5 };
    if (shape === 1)
      return {
        kind: 'rest-write-invalid-utf8',
        method,
        path,
        raw: Buffer.from([0x7b, 0x22, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
        contentType: 'application/json',
        token: random() < 0.5,
      };
    if (shape === 2) return { kind: 'rest-write-deep-json', method, path, body: { data: deepJson() }, token: random() < 0.5 };
    if (shape === 3)
      return {
        kind: 'rest-write-oversized',
        method,
        path,
        raw: Buffer.alloc(600 * 1024 + int(4 * 1024 * 1024), 0x61),
        contentType: pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']),
        token: random() < 0.5,
      };
    if (shape === 4)
      return {
        kind: 'rest-write-proto',
        method,
        path,
        raw: Buffer.from(`{"data":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"title":"x"}}`),
        contentType: 'application/json',
        token: random() < 0.5,
      };
    return { kind: 'rest-write-garbage', method, path, body: { data: bodyValue(4) }, token: random() < 0.5 };
  };

  const graphqlQueries = [
    () => {
      const depth = 1 + int(15);
      return `{ ${pick(['municipalities', 'workshops', 'newsArticles', 'programmes', 'phases', 'contacts'])}(filters: ${'{ and: ['.repeat(depth)}{ slug: { eq: ${JSON.stringify(pick(HOSTILE_STRINGS))} } }${'] }'.repeat(depth)}) { documentId } }`;
    },
    () => `{ municipalities(pagination: { pageSize: ${pick(['1e309', '-1', '99999999999', '"abc"', 'null', '[]'])} }) { name } }`,
    () => `{ municipalities(locale: ${JSON.stringify(pick(HOSTILE_STRINGS))}) { name } }`,
    () => `{ newsArticles(search: ${JSON.stringify(pick(HOSTILE_STRINGS))}, status: ${pick(['DRAFT', 'PUBLISHED', 'ALL', '"draft"'])}) { title } }`,
    () => `{ ${Array.from({ length: 1 + int(300) }, (_, i) => `a${i}: municipalities { name }`).join(' ')} }`,
    () => `{ municipalities { ${'workshops { municipalities { '.repeat(1 + int(20))}name${' } }'.repeat(1 + int(20))} } }`,
    () => `{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`,
    () => `query { municipalities { ...A } } fragment A on Municipality { ...B } fragment B on Municipality { ...A }`,
    () => `mutation { createMunicipality(data: { name: ${JSON.stringify(pick(HOSTILE_STRINGS))} }) { documentId } }`,
    () => `mutation { deleteNewsArticle(documentId: ${JSON.stringify(pick(HOSTILE_STRINGS))}) { documentId } }`,
    () => `{ municipalities(sort: ${JSON.stringify(pick(HOSTILE_STRINGS))}) { name } }`,
    () =>
      `{ municipalities(filters: { ${pick(['name', 'population2013', 'geo', 'nope', '__proto__'])}: { ${pick(['eq', 'gt', 'in', 'between', 'containsi', 'null', 'foo'])}: ${pick(['1', '"x"', '[1]', '{}', 'true', 'null'])} } }) { name } }`,
    () => pick(HOSTILE_STRINGS),
    () => `{ municipalities { name ${'name '.repeat(int(2000))} } }`,
  ];
  const graphqlRequest = (): FuzzRequest => {
    const query = pick(graphqlQueries)();
    const shape = int(8);
    if (shape === 0) return { kind: 'graphql-batch', method: 'POST', path: '/graphql', body: Array.from({ length: 1 + int(50) }, () => ({ query })) };
    if (shape === 1)
      return {
        kind: 'graphql-variables',
        method: 'POST',
        path: '/graphql',
        body: { query: 'query($p: PaginationArg, $l: I18NLocaleCode) { municipalities(pagination: $p, locale: $l) { name } }', variables: { p: bodyValue(3), l: bodyValue(1) } },
      };
    if (shape === 2) return { kind: 'graphql-get', method: 'GET', path: `/graphql?query=${encodeURIComponent(query)}` };
    if (shape === 3)
      return { kind: 'graphql-raw', method: 'POST', path: '/graphql', raw: Buffer.from(`{"query": ${JSON.stringify(query).slice(0, -3)}`), contentType: 'application/json' };
    return { kind: 'graphql', method: 'POST', path: `/graphql${random() < 0.2 ? `?${pick(queryMakers)()}` : ''}`, body: { query }, token: random() < 0.3 };
  };

  const makers: Array<[number, () => FuzzRequest]> = [
    [0.55, restRead],
    [0.2, restWrite],
    [0.25, graphqlRequest],
  ];
  return Array.from({ length: count }, () => {
    let roll = random();
    for (const [weight, make] of makers) {
      if (roll < weight) return make();
      roll -= weight;
    }
    return restRead();
  });
}
