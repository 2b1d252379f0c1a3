/**
 * Locale fallback, opted into with ?fallback=true: a document missing in the requested locale
 * comes in the first locale of its chain that has it, each empty text is filled from further
 * along the chain, Serbian Cyrillic readers get Cyrillic, and every entry says where each
 * field came from.
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;
let purposeMade: string;

const get = (path: string, query: Record<string, string | number>, headers: Record<string, string> = {}) => api().get(`/api/${path}`).set(headers).query(query);

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await createApiToken(strapi);
  // A workshop written in Bosnian, then given a Croatian title only.
  const bs = await api()
    .post('/api/workshops')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs' })
    .send({ data: { title: 'Radionica o inkluziji djece', slug: 'radionica-fallback-test', description: 'Opis na bosanskom: djeca i porodice.', city: 'Tuzla' } });
  expect(bs.status).toBe(201);
  purposeMade = bs.body.data.documentId;
  const hr = await api()
    .put(`/api/workshops/${purposeMade}`)
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'hr' })
    .send({ data: { title: 'Radionica o uključivanju djece' } });
  expect(hr.status).toBe(200);
});

afterAll(async () => {
  await strapi.documents('api::workshop.workshop').delete({ documentId: purposeMade, locale: '*' });
  await teardownStrapi();
});

describe('a field missing in hr', () => {
  it('falls back to bs and says so', async () => {
    const response = await get(`workshops/${purposeMade}`, { locale: 'hr', fallback: 'true' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      title: 'Radionica o uključivanju djece',
      description: 'Opis na bosanskom: djeca i porodice.',
      city: 'Tuzla',
      localeSources: { title: { locale: 'hr' }, description: { locale: 'bs' }, city: { locale: 'bs' } },
    });
  });

  it('stays empty without fallback, as stock Strapi does', async () => {
    const response = await get(`workshops/${purposeMade}`, { locale: 'hr' });
    expect(response.body.data.description).toBeNull();
    expect(response.body.data.localeSources).toBeUndefined();
  });
});

describe('a document missing in the requested locale', () => {
  it('is listed in the first locale of the chain that has it, with correct counts', async () => {
    const withoutFallback = await get('workshops', { locale: 'hr' });
    expect(withoutFallback.body.meta.pagination.total).toBe(1); // only the purpose-made one has hr

    const page1 = await get('workshops', { locale: 'hr', fallback: 'true', sort: 'slug', 'pagination[pageSize]': 4 });
    const page2 = await get('workshops', { locale: 'hr', fallback: 'true', sort: 'slug', 'pagination[pageSize]': 4, 'pagination[page]': 2 });
    expect(page1.body.meta.pagination).toEqual({ page: 1, pageSize: 4, pageCount: 2, total: 7 });
    const slugs = [...page1.body.data, ...page2.body.data].map((w: { slug: string }) => w.slug);
    expect(slugs).toHaveLength(7);
    expect(new Set(slugs).size).toBe(7);
    expect(slugs).toEqual([...slugs].sort());

    const tuzla = [...page1.body.data, ...page2.body.data].find((w: { slug: string }) => w.slug === 'cantonal-workshop-tuzla-2012');
    expect(tuzla.localeSources.title).toEqual({ locale: 'en' });
  });

  it('is found by documentId too, and 404s without fallback', async () => {
    const [tuzla] = (await get('workshops', { locale: 'en', 'filters[slug][$eq]': 'cantonal-workshop-tuzla-2012' })).body.data;
    expect((await get(`workshops/${tuzla.documentId}`, { locale: 'hr' })).status).toBe(404);
    const found = await get(`workshops/${tuzla.documentId}`, { locale: 'hr', fallback: 'true' });
    expect(found.status).toBe(200);
    expect(found.body.data.city).toBe('Tuzla');
  });

  it('is filtered on the version that is served', async () => {
    const response = await get('workshops', { locale: 'hr', fallback: 'true', 'filters[city][$eq]': 'Jajce' });
    expect(response.body.data.map((w: { slug: string }) => w.slug)).toEqual(['cantonal-workshop-jajce-2012']);
    expect(response.body.meta.pagination.total).toBe(1);
  });
});

describe('Serbian Cyrillic', () => {
  it('gets Cyrillic text when only a Latin version exists, marked as transliterated', async () => {
    const response = await get('workshops', { fallback: 'true', 'filters[slug][$eq]': 'pripremna-radionica-teslic-2012' }, { 'Accept-Language': 'sr-RS' });
    expect(response.headers['content-language']).toBe('sr-Cyrl');
    const [teslic] = response.body.data;
    expect(teslic.title).toBe('Припремна радионица за Републику Српску и Брчко Дистрикт');
    expect(teslic.city).toBe('Теслић');
    expect(teslic.localeSources.title).toEqual({ locale: 'bs', transliterated: true });
  });

  it('transliterates rich text node by node and components field by field', async () => {
    const response = await get('programmes', { locale: 'sr-Cyrl', fallback: 'true', populate: 'specificObjectives' });
    const [spis] = response.body.data;
    expect(spis.name).toBe('Јачање система социјалне заштите и инклузије дјеце у БиХ');
    expect(spis.localeSources.name).toEqual({ locale: 'sr-Cyrl' });
    expect(spis.description[0].children[0].text).toMatch(/^У трећој фази имплементације програма/);
    expect(spis.specificObjectives[0].text).toBe(
      'Јачање постојећих система социјалне заштите и инклузије дјеце праћењем, анализом и унапређењем постојећих оквира јавне политике.'
    );
    expect(spis.localeSources.specificObjectives).toEqual({ locale: 'bs', transliterated: true });
    expect(Object.keys(spis.localeSources)).not.toContain('searchIndex');
  });

  it('serves populated links in the requested locale too, and keeps their shape', async () => {
    const response = await get('workshops', {
      locale: 'sr-Cyrl',
      fallback: 'true',
      'filters[slug][$eq]': 'pripremna-radionica-teslic-2012',
      'populate[municipalities][fields][0]': 'name',
      'populate[municipalities][sort]': 'slug',
    } as Record<string, string>);
    const [teslic] = response.body.data;
    expect(teslic.municipalities.map((m: { name: string }) => m.name)).toEqual(['Брчко дистрикт', 'Челинац', 'Дервента', 'Гацко', 'Мркоњић Град', 'Прњавор']);
    expect(teslic.municipalities[0]).toEqual({
      id: expect.any(Number),
      documentId: expect.any(String),
      name: 'Брчко дистрикт',
      slug: 'brcko-distrikt',
      localeSources: { name: { locale: 'sr-Cyrl' } },
    });
    expect(teslic.municipalities[0]).not.toHaveProperty('searchIndex');
  });

  it('leaves English text in English', async () => {
    const [article] = (await get('news-articles', { locale: 'sr-Cyrl', fallback: 'true', 'filters[publicationDate][$eq]': '2012-11-05' })).body.data;
    expect(article.title).toBe('Cantonal Workshops on Integrated Approach to Social Protection and Inclusion of Children');
    expect(article.localeSources.title).toEqual({ locale: 'en' });
  });
});

describe('GraphQL', () => {
  it('behaves the same with /graphql?fallback=true, and exposes localeSources', async () => {
    const response = await api()
      .post('/graphql')
      .query({ fallback: 'true' })
      .send({
        query: `query($id: ID!) { workshop(documentId: $id, locale: "hr") { title description localeSources } workshops(locale: "hr", pagination: { pageSize: 100 }) { slug } }`,
        variables: { id: purposeMade },
      });
    expect(response.status).toBe(200);
    expect(response.body.data.workshop).toEqual({
      title: 'Radionica o uključivanju djece',
      description: 'Opis na bosanskom: djeca i porodice.',
      localeSources: expect.objectContaining({ title: { locale: 'hr' }, description: { locale: 'bs' } }),
    });
    expect(response.body.data.workshops).toHaveLength(7);
  });

  it('serves nested relations in the requested locale, as REST populate does', async () => {
    const query = `{
      workshops(locale: "sr-Cyrl", fallback: true, filters: { slug: { eq: "pripremna-radionica-teslic-2012" } }) {
        title localeSources
        municipalities(sort: "slug") { name localeSources phases(sort: "name") { name } }
        municipalities_connection(sort: "slug", pagination: { pageSize: 2 }) { nodes { name } }
      }
    }`;
    const response = await api().post('/graphql').send({ query });
    expect(response.body.errors).toBeUndefined();
    const [teslic] = response.body.data.workshops;
    expect(teslic.localeSources.title).toEqual({ locale: 'bs', transliterated: true });
    expect(teslic.municipalities.map((m: { name: string }) => m.name)).toEqual(['Брчко дистрикт', 'Челинац', 'Дервента', 'Гацко', 'Мркоњић Град', 'Прњавор']);
    expect(teslic.municipalities[0].localeSources).toEqual({ name: { locale: 'sr-Cyrl' } });
    expect(teslic.municipalities[0].phases.length).toBeGreaterThan(0);
    expect(teslic.municipalities_connection).toEqual({ nodes: [{ name: 'Брчко дистрикт' }, { name: 'Челинац' }] });

    // Without fallback nested links stay as stock Strapi loads them.
    const plain = await api()
      .post('/graphql')
      .send({ query: '{ workshops(locale: "bs", filters: { slug: { eq: "pripremna-radionica-teslic-2012" } }) { municipalities(sort: "slug") { name } } }' });
    expect(plain.body.data.workshops[0].municipalities.map((m: { name: string }) => m.name)).toContain('Čelinac');
  });
});

describe('GraphQL fallback argument', () => {
  it('turns fallback on per query, and off again over the URL flag', async () => {
    const on = await api()
      .post('/graphql')
      .send({
        query: `query($id: ID!) { workshop(documentId: $id, locale: "hr", fallback: true) { description localeSources } workshops_connection(locale: "hr", fallback: true) { pageInfo { total } } }`,
        variables: { id: purposeMade },
      });
    expect(on.body.data.workshop).toEqual({ description: 'Opis na bosanskom: djeca i porodice.', localeSources: expect.objectContaining({ description: { locale: 'bs' } }) });
    expect(on.body.data.workshops_connection.pageInfo.total).toBe(7);

    const off = await api()
      .post('/graphql')
      .query({ fallback: 'true' })
      .send({ query: `query($id: ID!) { workshop(documentId: $id, locale: "hr", fallback: false) { description localeSources } }`, variables: { id: purposeMade } });
    expect(off.body.data.workshop).toEqual({ description: null, localeSources: null });
  });
});

it('answers 400 to a fallback flag that is not true or false', async () => {
  const rest = await get('workshops', { fallback: 'yes' });
  expect(rest.status).toBe(400);
  expect(rest.body.error.message).toBe('fallback must be true or false');
  const gql = await api().post('/graphql').query({ fallback: 'maybe' }).send({ query: '{ workshops { slug } }' });
  expect(gql.status).toBe(400);
});
