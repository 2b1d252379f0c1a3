/**
 * Each content type is served over REST and GraphQL in Bosnian and English (and Cyrillic),
 * the way a partner site asks for it, with diacritics and Cyrillic intact.
 */
import { api, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

const rest = async (path: string, query: Record<string, string | number>) => {
  const response = await api().get(`/api/${path}`).query(query);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
  return response.body;
};

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await graphql(query, variables);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
};

describe.each([
  [
    'programmes',
    'programmes',
    'name',
    { bs: 'Jačanje sistema socijalne zaštite i inkluzije djece u BiH', en: 'Enhancing the Social Protection and Inclusion System for Children in BiH' },
  ],
  ['phases', 'phases', 'name', { bs: 'I', en: 'I' }],
  ['municipalities', 'municipalities', 'name', { bs: 'Bileća', en: 'Bileća' }],
  [
    'workshops',
    'workshops',
    'title',
    { bs: 'Pripremna radionica za Federaciju BiH', en: 'Cantonal Workshop on Integrated Approach to Social Protection and Inclusion of Children, Jajce' },
  ],
  [
    'news-articles',
    'newsArticles',
    'title',
    {
      bs: 'Pripreme radionice za predstavnike novih opština-općina u programu za Jačanje sistema društvene zaštite i inkluzije za djecu u BiH',
      en: 'Cantonal Workshops on Integrated Approach to Social Protection and Inclusion of Children',
    },
  ],
] as const)('%s', (path, query, field, firstByLocale) => {
  it.each(['bs', 'en'] as const)(`lists the same documents in REST and GraphQL (%s), sorted by ${field}`, async (locale) => {
    const body = await rest(path, { locale, sort: field, 'pagination[pageSize]': 100 });
    expect(body.data[0][field]).toBe(firstByLocale[locale]);
    expect(body.data.every((entry: Record<string, unknown>) => entry.locale === locale)).toBe(true);

    const data = await gql(`query($locale: I18NLocaleCode) { ${query}(locale: $locale, sort: "${field}", pagination: { pageSize: 100 }) { documentId ${field} locale } }`, {
      locale,
    });
    expect(data[query].map((entry: Record<string, unknown>) => entry.documentId)).toEqual(body.data.map((entry: Record<string, unknown>) => entry.documentId));
    expect(data[query][0][field]).toBe(firstByLocale[locale]);
  });

  it('finds one document by documentId, and 404s for an unknown one', async () => {
    const [first] = (await rest(path, { locale: 'bs' })).data;
    const single = await api().get(`/api/${path}/${first.documentId}`).query({ locale: 'bs' });
    expect(single.status).toBe(200);
    expect(single.body.data[field]).toBe(first[field]);
    const missing = await api().get(`/api/${path}/doesnotexist000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
  });
});

describe('contacts', () => {
  it('exist in bs only, and over GraphQL too', async () => {
    expect((await rest('contacts', { locale: 'bs' })).data).toHaveLength(1);
    expect((await rest('contacts', { locale: 'en' })).data).toEqual([]);
    const data = await gql('{ contacts(locale: "bs") { name email phone programme { acronym } } }');
    expect(data.contacts).toEqual([{ name: 'Dunja Šmitran', email: 'dunja.smitran@mcp.gov.ba', phone: '+387 33 492 525', programme: { acronym: 'SPIS' } }]);
  });
});

describe('GraphQL for partners', () => {
  it('answers the README example: phase III places in Cyrillic with coordinates', async () => {
    const data = await gql(`query PhaseThree($locale: I18NLocaleCode = "sr-Cyrl") {
      municipalities(locale: $locale, filters: { phases: { name: { eq: "III" } } }, pagination: { pageSize: 50 }, sort: "slug") {
        name slug entity geo { lat lon }
      }
    }`);
    expect(data.municipalities).toHaveLength(11);
    expect(data.municipalities[0]).toEqual({ name: 'Брчко дистрикт', slug: 'brcko-distrikt', entity: 'BD', geo: { lat: 44.8728, lon: 18.8083 } });
  });

  it('follows relations: workshops with their phase, news with their workshops', async () => {
    const data = await gql(`{
      workshops(locale: "en", sort: "startDate") { title city startDate phase { name periodStart periodEnd } }
      newsArticles(locale: "bs") { title quotes { speaker role } workshops { city } municipalities(pagination: { pageSize: 50 }) { name } }
    }`);
    // The undated first workshop sorts first on SQLite and last on PostgreSQL (NULL ordering).
    const dated = data.workshops.filter((w: { startDate: string | null }) => w.startDate);
    expect(dated.map((w: { city: string }) => w.city)).toEqual(['Tuzla', 'Jajce', 'Mostar']);
    expect(data.workshops).toHaveLength(4);
    expect(dated[0].phase).toEqual({ name: 'III', periodStart: '2011', periodEnd: '2012' });
    const [article] = data.newsArticles;
    expect(article.quotes).toEqual([{ speaker: 'Florence Bauer', role: 'predstavnica UNICEF-a u BiH' }]);
    expect(article.workshops.map((w: { city: string }) => w.city).sort()).toEqual(['Sarajevo', 'Teslić']);
    expect(article.municipalities.map((m: { name: string }) => m.name)).toContain('Višegrad');
  });

  it('serves the programme with its ordered objectives and funding', async () => {
    const data = await gql(`{ programmes(locale: "bs") { acronym specificObjectives { text } funding { funder instrument amount currency sinceYear } } }`);
    const [spis] = data.programmes;
    expect(spis.acronym).toBe('SPIS');
    expect(spis.specificObjectives).toHaveLength(5);
    expect(spis.funding[0]).toEqual({ funder: 'European Union', instrument: 'IPA', amount: 4100000, currency: 'EUR', sinceYear: 2008 });
  });

  it('keeps Cyrillic byte for byte in a query variable and the answer', async () => {
    const data = await gql('query($name: String) { municipalities(locale: "sr-Cyrl", filters: { name: { eq: $name } }) { slug name } }', {
      name: 'Мркоњић Град',
    });
    expect(data.municipalities).toEqual([{ slug: 'mrkonjic-grad', name: 'Мркоњић Град' }]);
  });
});

describe('REST filters for partners', () => {
  it('filters by a name with diacritics in the query string', async () => {
    const body = await rest('municipalities', { locale: 'bs', 'filters[name][$eq]': 'Kotor Varoš' });
    expect(body.data.map((m: { slug: string }) => m.slug)).toEqual(['kotor-varos']);
  });

  it('filters Cyrillic names, case-insensitively', async () => {
    const body = await rest('municipalities', { locale: 'sr-Cyrl', 'filters[name][$containsi]': 'град', sort: 'slug' });
    expect(body.data.map((m: { name: string }) => m.name)).toEqual(['Мркоњић Град', 'Нови Град', 'Нови Град Сарајево', 'Вишеград']);
  });

  it('sorts news newest first and pages through them', async () => {
    const body = await rest('news-articles', { locale: '*', sort: 'publicationDate:desc', 'pagination[pageSize]': 2 });
    expect(body.data.map((a: { publicationDate: string }) => a.publicationDate)).toEqual(['2012-11-05', '2012-02-20']);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
  });
});
