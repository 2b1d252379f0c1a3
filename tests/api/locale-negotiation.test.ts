/**
 * The reader's language: `?locale=` first, then `Accept-Language` matched the way CLDR does
 * (Serbian means Cyrillic unless Latin is asked for), then Bosnian. REST and GraphQL alike.
 */
import { api, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

const celinac = (headers: Record<string, string> = {}, query: Record<string, string> = {}) =>
  api()
    .get('/api/municipalities')
    .set(headers)
    .query({ 'filters[slug][$eq]': 'celinac', ...query });

describe('REST', () => {
  it('answers in Bosnian when nothing is asked for, and says so', async () => {
    const response = await celinac();
    expect(response.status).toBe(200);
    expect(response.body.data[0]).toMatchObject({ name: 'Čelinac', locale: 'bs' });
    expect(response.headers['content-language']).toBe('bs');
    expect(response.headers.vary).toMatch(/Accept-Language/);
  });

  it.each([
    ['sr-RS;q=0.9, en;q=0.5', 'sr-Cyrl', 'Челинац'],
    ['sr', 'sr-Cyrl', 'Челинац'],
    ['sr-BA', 'sr-Cyrl', 'Челинац'],
    ['sr-Latn-BA,sr;q=0.8', 'sr-Latn', 'Čelinac'],
    ['hr-BA', 'hr', 'Čelinac'],
    ['bs-BA', 'bs', 'Čelinac'],
    ['de-DE, en-GB;q=0.7, bs;q=0.3', 'en', 'Čelinac'],
    ['de, fr;q=0.5', 'bs', 'Čelinac'],
  ])('Accept-Language: %s → %s', async (header, locale, name) => {
    const response = await celinac({ 'Accept-Language': header });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([expect.objectContaining({ name, locale })]);
    expect(response.headers['content-language']).toBe(locale);
  });

  it('lets ?locale= win over the header, and matches it like a tag', async () => {
    const explicit = await celinac({ 'Accept-Language': 'sr' }, { locale: 'en' });
    expect(explicit.body.data[0].locale).toBe('en');
    expect(explicit.headers['content-language']).toBe('en');

    const tag = await celinac({}, { locale: 'sr-Cyrl-BA' });
    expect(tag.body.data[0]).toMatchObject({ name: 'Челинац', locale: 'sr-Cyrl' });
  });

  it("keeps Strapi's meaning of locale=* and locale=all: every locale", async () => {
    for (const locale of ['*', 'all']) {
      const response = await celinac({}, { locale });
      expect(response.status).toBe(200);
      expect(response.body.data.map((m: { locale: string }) => m.locale).sort()).toEqual(['bs', 'en', 'hr', 'sr-Cyrl', 'sr-Latn']);
      expect(response.headers['content-language']).toBeUndefined();
    }
  });

  it('answers 400 listing the supported codes for an unsupported ?locale=', async () => {
    const response = await celinac({ 'Accept-Language': 'bs' }, { locale: 'de' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'Unknown locale "de"; locale must be one of bs, hr, sr-Latn, sr-Cyrl, en (or * for all)',
      details: { param: 'locale', supported: ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'] },
    });
  });

  it('negotiates the locale of a single document too', async () => {
    const [first] = (await celinac()).body.data;
    const response = await api().get(`/api/municipalities/${first.documentId}`).set('Accept-Language', 'sr');
    expect(response.body.data).toMatchObject({ name: 'Челинац', locale: 'sr-Cyrl' });
  });
});

describe('GraphQL', () => {
  const query = '{ municipalities(filters: { slug: { eq: "celinac" } }) { name locale } }';

  it('uses Accept-Language when the query names no locale', async () => {
    const response = await api().post('/graphql').set('Accept-Language', 'sr-RS, en;q=0.5').send({ query });
    expect(response.status).toBe(200);
    expect(response.body.data.municipalities).toEqual([{ name: 'Челинац', locale: 'sr-Cyrl' }]);
    expect(response.headers['content-language']).toBe('sr-Cyrl');
    expect(response.headers.vary).toMatch(/Accept-Language/);
  });

  it('lets the locale argument win over the header', async () => {
    const response = await api()
      .post('/graphql')
      .set('Accept-Language', 'sr')
      .send({ query: '{ municipalities(locale: "hr", filters: { slug: { eq: "celinac" } }) { name locale } }' });
    expect(response.body.data.municipalities).toEqual([{ name: 'Čelinac', locale: 'hr' }]);
  });

  it('answers in Bosnian without a header', async () => {
    const response = await graphql(query);
    expect(response.body.data.municipalities).toEqual([{ name: 'Čelinac', locale: 'bs' }]);
  });
});
