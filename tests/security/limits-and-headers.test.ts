/**
 * Limits and headers of the API, as a client meets them: each limit answers 4xx with a JSON
 * error naming it (config/limits.ts defaults), the headers do not say what runs here, the
 * admin panel's CSP names no outside host, and the probes answer.
 */
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

let token: string;

beforeAll(async () => {
  const strapi = await setupStrapi();
  token = await createApiToken(strapi);
});

afterAll(teardownStrapi);

describe('limits', () => {
  it('refuses a body over 512 KB with 413, and writes nothing', async () => {
    const huge = 'č'.repeat(300_000); // 600 KB of UTF-8
    const response = await api()
      .post('/api/news-articles')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ data: { title: 'Prevelik', lead: huge } }));
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ status: 413 });
    const search = await api().get('/api/news-articles').set('Authorization', `Bearer ${token}`).query({ status: 'draft', 'filters[title][$eq]': 'Prevelik' });
    expect(search.body.data).toEqual([]);
  });

  it('applies the same body limit to GraphQL, and refuses fragment cycles instead of crashing', async () => {
    const huge = await api()
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ query: `{ municipalities { name } } # ${'x'.repeat(600_000)}` }));
    expect(huge.status).toBe(413);
    const cycle = await graphql('{ municipalities { ...A } } fragment A on Municipality { ...B } fragment B on Municipality { ...A }');
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0]).toMatchObject({ message: 'Fragment "A" spreads itself; fragment cycles are not allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await graphql('{ municipalities(locale: "bs") { name } }')).body.data.municipalities).toHaveLength(21);
  });

  it('refuses more than 100 query parameters', async () => {
    const query = Array.from({ length: 101 }, (_, i) => `filters[$or][${i}][slug][$eq]=x${i}`).join('&');
    const response = await api().get(`/api/municipalities?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Too many query parameters (101); at most 100');
    const thousands = await api().get(`/api/municipalities?${Array.from({ length: 2000 }, () => 'a=1').join('&')}`);
    expect(thousands.status).toBe(400);
    expect(thousands.body.error.message).toBe('Too many query parameters (2000); at most 100');
    // A URL beyond Node's 16 KB header limit never reaches the app.
    const huge = await api().get(`/api/municipalities?${Array.from({ length: 5000 }, (_, i) => `a${i}=1`).join('&')}`);
    expect(huge.status).toBe(431);
  });

  it('refuses filters nested deeper than 6 levels, over REST and GraphQL', async () => {
    const deep = 'filters[$and][0][$or][0][$and][0][slug][$eq]=celinac'; // 7 levels
    const rest = await api().get(`/api/municipalities?${deep}`);
    expect(rest.status).toBe(400);
    expect(rest.body.error).toMatchObject({ message: 'filters nest deeper than 6 levels', details: { param: 'filters' } });
    expect((await api().get('/api/municipalities?filters[$or][0][slug][$eq]=celinac')).status).toBe(200);

    const gql = await graphql('{ municipalities(filters: { and: [{ or: [{ and: [{ slug: { eq: "celinac" } }] }] }] }) { name } }');
    expect(gql.body.errors[0].message).toBe('filters nest deeper than 6 levels');
  });

  it('refuses a page size over 100 and a GraphQL query deeper than 10', async () => {
    expect((await api().get('/api/municipalities').query({ 'pagination[pageSize]': '101' })).status).toBe(400);
    let nested = 'name';
    for (let i = 0; i < 6; i += 1) nested = `workshops { municipalities { ${nested} } }`;
    const deep = await graphql(`{ municipalities { ${nested} } }`);
    expect(deep.status).toBe(400);
    expect(JSON.stringify(deep.body.errors)).toMatch(/exceeds maximum operation depth of 10/);
  });
});

describe('headers', () => {
  it('do not announce the server, and carry a CSP without outside hosts', async () => {
    // (In development and test Strapi loosens the admin panel's CSP for its dev server; the
    // production policy is checked in tests/config/production-start.test.ts.)
    const response = await api().get('/api/municipalities');
    expect(response.headers['x-powered-by']).toBeUndefined();
    const csp = response.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).toMatch(/font-src 'self' data:/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).not.toMatch(/strapi\.io|https:(?!\/)|http:/);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leave out HSTS outside production (it would pin HTTPS on a developer machine)', async () => {
    expect((await api().get('/api/municipalities')).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('headers that must not mislead (issue 16)', () => {
  it('mark every answer to a token private and unstorable: it may hold drafts', async () => {
    for (const call of [
      () => api().get('/api/news-articles').query({ status: 'draft' }).set('Authorization', `Bearer ${token}`),
      () => api().get('/api/municipalities').set('Authorization', `Bearer ${token}`),
      () => graphql('{ municipalities { name } }', {}, token),
    ]) {
      const response = await call();
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('private, no-store');
    }
    // The public's answers stay cacheable.
    expect((await api().get('/api/municipalities')).headers['cache-control']).toMatch(/^public, /);
  });

  it('never send an empty Access-Control-Allow-Origin', async () => {
    for (const origin of [undefined, 'https://partner.example.org']) {
      const call = api().get('/api/municipalities');
      const response = await (origin ? call.set('Origin', origin) : call);
      const allowed = response.headers['access-control-allow-origin'];
      if (allowed !== undefined) expect(allowed).not.toBe('');
    }
    expect((await api().get('/api/municipalities')).headers['access-control-allow-origin']).not.toBe('');
  });

  it('answer /_health without a joke header', async () => {
    for (const method of ['get', 'head'] as const) {
      const response = await api()[method]('/_health');
      expect(response.status).toBe(204);
      expect(response.headers).not.toHaveProperty('strapi');
    }
  });
});

describe('probes', () => {
  it('answer liveness and readiness', async () => {
    expect((await api().get('/_health')).status).toBe(204);
    const ready = await api().get('/_ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up', migrations: 'done' });
    expect(ready.headers['cache-control']).toBe('no-store');
  });
});
