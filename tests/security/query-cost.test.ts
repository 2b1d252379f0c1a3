/**
 * One query may not hold the server: GraphQL queries are priced in the rows they may read (page
 * sizes multiplied down nested lists, aliases counted) and refused over LIMIT_QUERY_COST before
 * any resolver runs; REST populates likewise; batched operations are refused; every PostgreSQL statement has a ceiling
 * (DATABASE_STATEMENT_TIMEOUT_MS).
 */
import type { Core } from '@strapi/strapi';
import { usesPostgres } from '../helpers/database';
import { graphql, setupStrapi, teardownStrapi, api } from '../helpers/strapi';

let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

/** `municipalities { phases { municipalities { … } } }`, `levels` lists deep — the query that stalled the server. */
const nestedLists = (levels: number) => {
  let selection = 'name';
  for (let level = levels; level > 0; level -= 1) selection = `${level % 2 ? 'municipalities' : 'phases'} { name ${selection} }`;
  return `{ ${selection} }`;
};

describe('GraphQL query cost', () => {
  it.each([3, 6, 10])('refuses %i nested lists before reading anything, naming the cost and the limit', async (levels) => {
    const response = await graphql(nestedLists(levels));
    expect(response.status).toBeLessThan(500);
    expect(response.body.data?.municipalities ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].message).toMatch(/^This query costs \d+ \(rows it may read, plus 50 for each database query\); the limit is 10000/);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('counts aliases: twenty cheap copies of a list cost twenty times', async () => {
    const one = 'municipalities { name phases { name } }';
    expect((await graphql(`{ ${one} }`)).body.data.municipalities.length).toBeGreaterThan(0);
    const copies = Array.from({ length: 20 }, (_, i) => `m${i}: ${one}`).join(' ');
    const response = await graphql(`{ ${copies} }`);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors[0].message).toMatch(/^This query costs 39000 /);
  });

  it('prices page sizes from variables: small pages pass, the same query with large pages does not', async () => {
    const query =
      'query ($n: Int) { municipalities(pagination: { pageSize: $n }) { name phases(pagination: { pageSize: $n }) { name municipalities(pagination: { pageSize: $n }) { name } } } }';
    const small = await graphql(query, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.municipalities).toHaveLength(5);
    const large = await graphql(query, { n: 25 });
    expect(large.body.data ?? null).toBeNull();
    expect(large.body.errors[0].message).toMatch(/^This query costs 48825 /);
  });

  it('counts a list filtered to one slug or document as one entry', async () => {
    const selection = '{ title municipalities { name phases { name } } }';
    const one = await graphql(`{ workshops(locale: "bs", filters: { slug: { eq: "pripremna-radionica-teslic-2012" } }) ${selection} }`);
    expect(one.body.errors).toBeUndefined();
    const page = await graphql(`{ workshops(locale: "bs") ${selection} }`);
    expect(page.body.errors[0].message).toMatch(/^This query costs \d+ /);
  });

  it('still answers what a partner site asks for', async () => {
    const response = await graphql(
      '{ newsArticles(locale: "bs", pagination: { pageSize: 10 }) { title lead publicationDate municipalities { name } programme { name } } municipalities(pagination: { pageSize: 25 }) { name slug geo { lat lon } phases { name } } }'
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.municipalities.length).toBe(21);
  });

  it('refuses batched operations (an array of queries in one request) without running any', async () => {
    const response = await api()
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send([{ query: nestedLists(2) }, { query: nestedLists(2) }]);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/"data"/);
  });
});

describe('REST populate cost', () => {
  it('refuses a nested populate that multiplies rows, before reading, naming the cost and the limit', async () => {
    const response = await api()
      .get('/api/news-articles')
      .query({ 'populate[municipalities][populate][phases][populate][municipalities][populate]': 'phases', 'pagination[pageSize]': 100 });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ name: 'ValidationError', details: { param: 'populate', limit: 100000 } });
    expect(response.body.error.message).toMatch(/^populate: this request may read \d+ rows; the limit is 100000/);
  });

  it('still answers populate=* on a full page, and a nested populate on a small one', async () => {
    const all = await api().get('/api/news-articles').query({ populate: '*', 'pagination[pageSize]': 100 });
    expect(all.status).toBe(200);
    const nested = await api().get('/api/news-articles').query({ 'populate[municipalities][populate]': 'phases', 'pagination[pageSize]': 10 });
    expect(nested.status).toBe(200);
    expect(nested.body.data.length).toBeGreaterThan(0);
  });
});

describe('a ceiling on every database statement', () => {
  it(
    usesPostgres() ? 'stops a PostgreSQL statement at DATABASE_STATEMENT_TIMEOUT_MS with query_canceled (57014)' : 'applies to PostgreSQL only (this run uses SQLite)',
    async () => {
      if (!usesPostgres()) return expect(strapi.db.dialect.client).toBe('sqlite');
      const setting = await strapi.db.connection.raw('show statement_timeout');
      expect(setting.rows[0].statement_timeout).toBe('3s');
      await expect(strapi.db.connection.raw('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
      // The connection is usable again afterwards.
      expect((await strapi.db.connection.raw('select 1 as one')).rows[0].one).toBe(1);
    }
  );
});
