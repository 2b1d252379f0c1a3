/**
 * The partner client (packages/client) against the real Strapi over HTTP: every collection by
 * locale, one document by documentId, fallback with localeSources, search in any script,
 * paging, Accept-Language, pages by path and the menu, the GeoJSON, the change feed page by page, and the API's errors as
 * SpisApiError (a cursor the feed cannot follow as SpisCursorGoneError).
 */
import type { Core } from '@strapi/strapi';
import { createClient, LOCALES, SpisApiError, SpisCursorGoneError, type ChangesPage, type SpisClient } from '../../packages/client/src/index';
import { listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let origin: string;
let client: SpisClient;

beforeAll(async () => {
  strapi = await setupStrapi();
  origin = await listen(strapi);
  client = createClient({ baseUrl: origin });
});

afterAll(teardownStrapi);

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error
  );

const celinacId = async () => {
  const { data } = await client.municipalities.list({ locale: 'bs', filters: { slug: { $eq: 'celinac' } } });
  expect(data).toHaveLength(1);
  return data[0].documentId;
};

describe('list and get by locale', () => {
  const collections = [
    ['programmes', 'api::programme.programme'],
    ['phases', 'api::phase.phase'],
    ['municipalities', 'api::municipality.municipality'],
    ['workshops', 'api::workshop.workshop'],
    ['newsArticles', 'api::news-article.news-article'],
    ['contacts', 'api::contact.contact'],
  ] as const;

  it.each(collections)('lists the published %s of a locale, in that locale', async (name, uid) => {
    const published = await strapi.documents(uid).count({ locale: 'bs', status: 'published' });
    expect(published).toBeGreaterThan(0);
    const response = await client[name].list({ locale: 'bs', pageSize: 100 });
    expect(response.locale).toBe('bs');
    expect(response.meta.pagination.total).toBe(published);
    expect(response.data).toHaveLength(published);
    expect(response.data.every((entry) => entry.locale === 'bs' && typeof entry.documentId === 'string')).toBe(true);
  });

  it('gets one document by documentId in each locale, with what it populates', async () => {
    const documentId = await celinacId();
    const names = [];
    for (const locale of LOCALES) {
      const response = await client.municipalities.get(documentId, { locale, populate: ['geo', 'phases'] });
      expect(response.locale).toBe(locale);
      expect(response.data).toMatchObject({ documentId, locale, slug: 'celinac', geo: { lat: 44.7245, lon: 17.3243 } });
      expect(response.data.phases?.map((phase) => phase.name)).toEqual(['III']);
      names.push(response.data.name);
    }
    expect(names).toEqual(['Čelinac', 'Čelinac', 'Čelinac', 'Челинац', 'Čelinac']);
  });

  it('answers locale=* with every version and no single Content-Language', async () => {
    const response = await client.municipalities.list({ locale: '*', filters: { slug: { $eq: 'celinac' } }, sort: 'locale' });
    expect(response.locale).toBeNull();
    expect(response.data.map((entry) => entry.locale).sort()).toEqual([...LOCALES].sort());
  });
});

describe('fallback', () => {
  it('fills a Serbian Cyrillic list from the chain and says where each text came from', async () => {
    const plain = await client.newsArticles.list({ locale: 'sr-Cyrl', sort: 'publicationDate:desc' });
    expect(plain.data).toHaveLength(1);
    expect(plain.data[0].lead).toBeNull();
    expect(plain.data[0].localeSources).toBeUndefined();

    const filled = await client.newsArticles.list({ locale: 'sr-Cyrl', fallback: true, sort: 'publicationDate:desc' });
    expect(filled.locale).toBe('sr-Cyrl');
    expect(filled.meta.pagination.total).toBe(2);
    const [english, serbian] = filled.data;
    // Only written in English: served in English, and marked so.
    expect(english.localeSources).toMatchObject({ title: { locale: 'en' }, lead: { locale: 'en' } });
    expect(serbian.title).toBe(plain.data[0].title);
    expect(serbian.localeSources).toMatchObject({ title: { locale: 'sr-Cyrl' }, lead: { locale: 'bs', transliterated: true } });
    expect(serbian.lead).toMatch(/^Представници нових 10 циљних/);
  });

  it('is the client default when asked, and each call may turn it off', async () => {
    const filling = createClient({ baseUrl: origin, locale: 'sr-Cyrl', fallback: true });
    expect((await filling.newsArticles.list()).meta.pagination.total).toBe(2);
    expect((await filling.newsArticles.list({ fallback: false })).meta.pagination.total).toBe(1);
  });

  it('gets a document missing in the locale from the chain, and 404s without fallback', async () => {
    const { data } = await client.newsArticles.list({ locale: 'en', filters: { publicationDate: { $eq: '2012-11-05' } } });
    const { documentId } = data[0];
    const missing = await rejection(client.newsArticles.get(documentId, { locale: 'hr' }));
    expect(missing).toBeInstanceOf(SpisApiError);
    expect(missing).toMatchObject({ status: 404, errorName: 'NotFoundError' });

    const found = await client.newsArticles.get(documentId, { locale: 'hr', fallback: true });
    expect(found.locale).toBe('hr');
    expect(found.data).toMatchObject({ documentId, locale: 'en', title: data[0].title, localeSources: { title: { locale: 'en' } } });
  });
});

describe('search', () => {
  it.each(['celinac', 'ČELINAC', 'Челинац'])('%s finds Čelinac, in the locale asked for', async (q) => {
    const bs = await client.municipalities.list({ q, locale: 'bs' });
    expect(bs.data.map((entry) => entry.name)).toEqual(['Čelinac']);
    const cyrillic = await client.municipalities.list({ q, locale: 'sr-Cyrl' });
    expect(cyrillic.data.map((entry) => entry.name)).toEqual(['Челинац']);
  });

  it('needs every word, and searches workshops and news too', async () => {
    expect((await client.municipalities.list({ q: 'nov trav', locale: 'bs' })).data.map((entry) => entry.name)).toEqual(['Novi Travnik']);
    expect((await client.workshops.list({ q: 'radionica teslić', locale: 'bs', sort: 'city' })).data.map((entry) => entry.city)).toEqual(['Sarajevo', 'Teslić']);
    const news = await client.newsArticles.list({ q: 'medju', locale: 'bs' });
    expect(news.data.map((entry) => entry.publicationDate)).toEqual(['2012-02-20']);
  });
});

describe('pagination, sorting and filters', () => {
  it('pages through all 21 municipalities, each once, in order', async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      const response = await client.municipalities.list({ locale: 'bs', sort: 'slug', page, pageSize: 8 });
      expect(response.meta.pagination).toEqual({ page, pageSize: 8, pageCount: 3, total: 21 });
      pages.push(response.data.map((entry) => entry.slug as string));
    }
    expect(pages.map((page) => page.length)).toEqual([8, 8, 5]);
    const all = (await client.municipalities.list({ locale: 'bs', sort: 'slug', pageSize: 100 })).data.map((entry) => entry.slug);
    expect(pages.flat()).toEqual(all);
    expect(new Set(all).size).toBe(21);
  });

  it('sends filters, sorts and fields in bracket notation, with diacritics and Cyrillic intact', async () => {
    const urls: string[] = [];
    const recording = createClient({
      baseUrl: `${origin}/`,
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    });
    const phaseThree = await recording.municipalities.list({
      locale: 'sr-Cyrl',
      filters: { phases: { name: { $eq: 'III' } }, name: { $startsWith: 'Ч' } },
      sort: ['entity:asc', 'slug:desc'],
      fields: ['name', 'slug'],
    });
    // Strapi adds the fields it sorts on to the ones asked for.
    expect(phaseThree.data).toEqual([{ id: expect.any(Number), documentId: expect.any(String), name: 'Челинац', slug: 'celinac', entity: 'RS' }]);
    expect(decodeURIComponent(urls[0])).toBe(
      `${origin}/api/municipalities?locale=sr-Cyrl&fields[0]=name&fields[1]=slug&sort[0]=entity:asc&sort[1]=slug:desc&filters[phases][name][$eq]=III&filters[name][$startsWith]=Ч`
    );
    const latin = await recording.municipalities.list({ locale: 'bs', filters: { name: { $in: ['Čelinac', 'Gacko', 'Doboj Istok'] } }, sort: 'slug' });
    expect(latin.data.map((entry) => entry.name)).toEqual(['Čelinac', 'Gacko']);
  });
});

describe('locale negotiation', () => {
  it('answers in the best match of Accept-Language when no locale is given', async () => {
    const serbian = createClient({ baseUrl: origin, headers: { 'Accept-Language': 'sr-RS;q=0.9, en;q=0.5' } });
    const response = await serbian.municipalities.list({ filters: { slug: { $eq: 'celinac' } } });
    expect(response.locale).toBe('sr-Cyrl');
    expect(response.data.map((entry) => entry.name)).toEqual(['Челинац']);
    expect((await serbian.municipalitiesGeoJson()).locale).toBe('sr-Cyrl');
  });

  it('prefers the locale asked for, and maps tags like bs-BA to a content locale', async () => {
    const serbian = createClient({ baseUrl: origin, headers: { 'Accept-Language': 'sr-RS' } });
    expect((await serbian.phases.list({ locale: 'hr' })).locale).toBe('hr');
    expect((await serbian.phases.list({ locale: 'bs-BA' })).locale).toBe('bs');
    expect((await client.phases.list()).locale).toBe('bs');
  });
});

describe('errors', () => {
  it('throws SpisApiError with the status and message of an unknown locale', async () => {
    const error = await rejection(client.municipalities.list({ locale: 'de' }));
    expect(error).toBeInstanceOf(SpisApiError);
    expect(error).toMatchObject({
      name: 'SpisApiError',
      status: 400,
      errorName: 'ValidationError',
      message: 'Unknown locale "de"; locale must be one of bs, hr, sr-Latn, sr-Cyrl, en (or * for all)',
      details: { param: 'locale', supported: [...LOCALES] },
    });
    expect((error as SpisApiError).url).toBe(`${origin}/api/municipalities?locale=de`);
  });

  it.each([
    ['a page size above 100', { pageSize: 101 }, 'pagination[pageSize] must be between 1 and 100'],
    ['an unknown filter field', { filters: { colour: { $eq: 'red' } } }, 'Invalid key colour'],
    ['a bad fallback value', { fallback: 'yes' as unknown as boolean }, 'fallback must be true or false'],
  ])('throws SpisApiError on %s', async (_problem, options, message) => {
    const error = await rejection(client.workshops.list(options));
    expect(error).toBeInstanceOf(SpisApiError);
    expect(error).toMatchObject({ status: 400, errorName: 'ValidationError' });
    expect((error as SpisApiError).message).toBe(message);
  });

  it('throws SpisApiError for the GeoJSON in an unknown locale', async () => {
    const error = await rejection(client.municipalitiesGeoJson({ locale: 'de' }));
    expect(error).toMatchObject({ status: 400, errorName: 'ValidationError' });
    expect((error as SpisApiError).message).toMatch(/^Unknown locale "de"/);
  });

  it('throws a 404 for a documentId that does not exist', async () => {
    const error = await rejection(client.contacts.get('no-such-document'));
    expect(error).toMatchObject({ status: 404, errorName: 'NotFoundError' });
    expect((error as SpisApiError).message).toBe('Not Found');
  });
});

describe('the site structure', () => {
  it('gets the menu and each page it leads to by its path, in Cyrillic with fallback', async () => {
    const menu = await client.navigation({ locale: 'sr-Cyrl', fallback: true });
    expect(menu.locale).toBe('sr-Cyrl');
    expect(menu.data.map((item) => item.label)).toEqual(['Social Protection and Inclusion Systems for Children']);
    const target = menu.data[0].target;
    if (target.type !== 'page') throw new Error(`expected a page, got ${target.type}`);
    const page = await client.pageByPath(`/${target.path}/`, { locale: 'sr-Cyrl', fallback: true });
    expect(page.data).toMatchObject({ documentId: target.documentId, title: target.title, path: target.path });
    expect(page.meta.children.map((child) => child.title)).toEqual(['How the project would contribute to the social protection and inclusion system in BiH?']);
  });

  it('throws a 404 for a path with no published page', async () => {
    const error = await rejection(client.pageByPath('about-spis', { locale: 'en' }));
    expect(error).toMatchObject({ status: 404, errorName: 'NotFoundError' });
  });
});

it('gives up when the caller aborts', async () => {
  const controller = new AbortController();
  controller.abort();
  await expect(client.phases.list({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
});

describe('municipalities GeoJSON', () => {
  it('holds all 21 places with [lon, lat] and names in the locale', async () => {
    const { data, locale } = await client.municipalitiesGeoJson({ locale: 'sr-Cyrl' });
    expect(locale).toBe('sr-Cyrl');
    expect(data.type).toBe('FeatureCollection');
    expect(data.features).toHaveLength(21);
    const celinac = data.features.find((feature) => feature.properties.slug === 'celinac');
    expect(celinac).toMatchObject({
      id: await celinacId(),
      geometry: { type: 'Point', coordinates: [17.3243, 44.7245] },
      properties: { name: 'Челинац', locale: 'sr-Cyrl', entity: 'RS', phases: ['III'] },
    });
  });

  it("adds places not yet translated with fallback, named in the chain's first language that has them", async () => {
    const place = await strapi.documents('api::municipality.municipality').create({
      locale: 'bs',
      status: 'published',
      data: { name: 'Žepče', slug: 'zepce', kind: 'municipality', entity: 'FBiH', canton: 'zenica_doboj', geo: { lat: 44.4267, lon: 18.0378 } } as never,
    });
    try {
      const names = async (fallback: boolean) => (await client.municipalitiesGeoJson({ locale: 'en', fallback })).data.features.map((feature) => feature.properties.name);
      expect(await names(false)).not.toContain('Žepče');
      expect(await names(true)).toContain('Žepče');
      expect((await names(true)).length).toBe((await names(false)).length + 1);
    } finally {
      await strapi.documents('api::municipality.municipality').delete({ documentId: place.documentId, locale: '*' });
    }
  });
});

describe('change feed', () => {
  const NEWS = 'api::news-article.news-article';
  const pagesOf = async (pages: AsyncIterable<ChangesPage>) => {
    const all = [];
    for await (const page of pages) all.push(page);
    return all;
  };

  it('follows the changes since a cursor page by page, each page saying where the next starts', async () => {
    const cursor = await client.currentCursor();
    expect(await pagesOf(client.sync(cursor))).toEqual([{ data: [], meta: { cursor, hasMore: false } }]);

    const article = await strapi
      .documents(NEWS)
      .create({ locale: 'bs', status: 'published', data: { title: 'Ogledalo: vijest za klijenta', publicationDate: '2026-12-04' } as never });
    for (const locale of ['hr', 'en']) {
      await strapi.documents(NEWS).update({ documentId: article.documentId, locale, status: 'published', data: { title: `Ogledalo ${locale}` } as never });
    }
    await strapi.documents(NEWS).delete({ documentId: article.documentId, locale: '*' });

    const pages = await pagesOf(client.sync(cursor, { pageSize: 2 }));
    expect(pages.map((page) => [page.data.length, page.meta.hasMore])).toEqual([
      [2, true],
      [2, true],
      [2, false],
    ]);
    const changes = pages.flatMap((page) => page.data);
    expect(changes.map(({ contentType, documentId, locale, change }) => [contentType, documentId, locale, change])).toEqual([
      ...['bs', 'hr', 'en'].map((locale) => [NEWS, article.documentId, locale, 'published']),
      ...['bs', 'en', 'hr'].map((locale) => [NEWS, article.documentId, locale, 'deleted']),
    ]);
    // Each page ends where its last change is; the last one is the present.
    expect(pages.map((page) => page.meta.cursor)).toEqual([changes[1].cursor, changes[3].cursor, await client.currentCursor()]);
    expect(await pagesOf(client.sync(pages[0].meta.cursor, { pageSize: 10 }))).toEqual([{ data: changes.slice(2), meta: pages[2].meta }]);
  });

  it('asks only for the collections and locale named', async () => {
    const urls: string[] = [];
    const recording = createClient({
      baseUrl: origin,
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    });
    const cursor = await recording.currentCursor();
    await pagesOf(recording.sync(cursor, { collections: ['newsArticles', 'workshops'], locale: 'sr-Cyrl', pageSize: 5 }));
    expect(urls.map((url) => decodeURIComponent(url))).toEqual([
      `${origin}/api/changes?since=now`,
      `${origin}/api/changes?since=${cursor}&type=news-articles,workshops&locale=sr-Cyrl&pageSize=5`,
    ]);
  });

  it('throws SpisCursorGoneError (410) for a cursor from another database, so the caller downloads again', async () => {
    const foreign = Buffer.from('00000000-0000-4000-8000-000000000000.1').toString('base64url');
    const error = await rejection(pagesOf(client.sync(foreign)));
    expect(error).toBeInstanceOf(SpisCursorGoneError);
    expect(error).toBeInstanceOf(SpisApiError);
    expect(error).toMatchObject({ name: 'SpisCursorGoneError', status: 410, errorName: 'GoneError', details: { param: 'since' } });
    expect((error as SpisApiError).message).toMatch(/Download the content again/);
  });
});
