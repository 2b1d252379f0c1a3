/**
 * The change feed and translation freshness over GraphQL (src/plugins/content-history/server/graphql.ts)
 * say what REST says: `contentChanges` pages are `GET /api/changes`'s (the same entries and
 * cursors, the same refusals, named as arguments), open to anyone; `translation` on a list or
 * one document is its `meta.translation`, read for a whole list at once, and a confirmation
 * shows in the (cached) GraphQL answer at once.
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { until } from '../helpers/history';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const TRANSLATION = 'plugin::content-history.translation-field';

let strapi: Core.Strapi;
let token: string;
let admin: string;
/** Taken once Strapi is up: the first file to boot imports the SPIS content, which cleanup must not delete. */
let startedAt: Date;

type Page = { data: Array<{ cursor: string; documentId: string; locale: string | null; change: string; contentType: string; at: string }>; cursor: string; hasMore: boolean };
type FieldState = { field: string; state: string; since: string };
type Translation = { locale: string; sourceLocale: string | null; fields: FieldState[] };
type RestTranslation = { locale: string; sourceLocale: string | null; fields: Record<string, { state: string; since: string }>; fallback?: unknown };

const FEED = `query Feed($since: String, $types: [String!], $locale: String, $pageSize: Int) {
  contentChanges(since: $since, types: $types, locale: $locale, pageSize: $pageSize) { data { cursor contentType documentId locale change at } cursor hasMore }
}`;

/** A page of the feed over GraphQL, as an anonymous partner site asks. */
async function graphqlPage(variables: Record<string, unknown>): Promise<Page> {
  const response = await graphql(FEED, variables);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.contentChanges;
}

/** The same page over REST, in GraphQL's shape. */
async function restPage(query: Record<string, string | number>): Promise<Page> {
  const response = await api().get('/api/changes').query(query);
  expect(response.status).toBe(200);
  return { data: response.body.data, cursor: response.body.meta.cursor, hasMore: response.body.meta.hasMore };
}

/** The error a refused GraphQL query answers with (and no data). */
async function refusal(query: string, variables: Record<string, unknown> = {}) {
  const response = await graphql(query, variables);
  expect(response.status).toBe(200);
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors).toHaveLength(1);
  return response.body.errors[0] as { message: string; extensions: { code: string; error?: { name: string; details?: { param?: string } } } };
}

const withToken = (method: 'post' | 'put' | 'delete', path: string) => api()[method](path).set('Authorization', `Bearer ${token}`);

/** A news article published in Bosnian, its translations written and published as given; its documentId. */
async function publishedNews(title: string, translations: Record<string, { title: string; lead: string }> = {}): Promise<string> {
  const created = await withToken('post', '/api/news-articles')
    .query({ locale: 'bs', status: 'published' })
    .send({ data: { title, publicationDate: '2026-12-10', lead: `Uvod: ${title}` } });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  for (const [locale, data] of Object.entries(translations)) {
    expect((await withToken('put', `/api/news-articles/${documentId}`).query({ locale, status: 'draft' }).send({ data })).status).toBe(200);
    expect((await withToken('put', `/api/news-articles/${documentId}`).query({ locale, status: 'published' }).send({ data: {} })).status).toBe(200);
  }
  return documentId;
}

/** Changes the Bosnian version (the source of the translations) and publishes it. */
async function editBosnian(documentId: string, data: Record<string, unknown>): Promise<void> {
  expect((await withToken('put', `/api/news-articles/${documentId}`).query({ locale: 'bs', status: 'published' }).send({ data })).status).toBe(200);
}

/** GraphQL's translation state in REST's shape (fields by name), to compare the two. */
const asRest = ({ locale, sourceLocale, fields }: Translation) => ({
  locale,
  sourceLocale,
  fields: Object.fromEntries(fields.map(({ field, state, since }) => [field, { state, since }])),
});
const withoutFallback = ({ locale, sourceLocale, fields }: RestTranslation) => ({ locale, sourceLocale, fields });

beforeAll(async () => {
  strapi = await setupStrapi();
  startedAt = new Date();
  token = await createApiToken(strapi);
  admin = await loginAsNewAdmin(strapi);
});

afterAll(async () => {
  await deleteNewsCreatedSince(strapi, startedAt);
  await teardownStrapi();
});

describe('contentChanges', () => {
  let start: string;
  let documentId: string;

  it('starts from now, anonymously, with the cursor REST gives', async () => {
    const page = await graphqlPage({ since: 'now' });
    expect(page).toEqual({ data: [], cursor: expect.any(String), hasMore: false });
    expect((await restPage({ since: 'now' })).cursor).toBe(page.cursor);
    start = page.cursor;
  });

  it('follows a publish, an unpublish and a delete, page by page exactly as REST does', async () => {
    documentId = await publishedNews('Feed preko GraphQL-a', { en: { title: 'Feed over GraphQL', lead: 'A lead.' } });
    const unpublished = await contentManagerRequest(admin, 'post', NEWS, `/${documentId}/actions/unpublish?locale=bs`).send({});
    expect(unpublished.status).toBe(200);
    expect((await withToken('delete', `/api/news-articles/${documentId}`).query({ locale: 'en' })).status).toBe(204);

    const followed: Page['data'] = [];
    let cursor = start;
    for (let pages = 0; ; pages += 1) {
      expect(pages).toBeLessThan(50);
      const page = await graphqlPage({ since: cursor, pageSize: 2 });
      expect(page).toEqual(await restPage({ since: cursor, pageSize: 2 }));
      expect(page.data.length).toBeLessThanOrEqual(2);
      followed.push(...page.data);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(followed.filter((change) => change.documentId === documentId).map(({ contentType, locale, change }) => [contentType, locale, change])).toEqual([
      [NEWS, 'bs', 'published'],
      [NEWS, 'en', 'published'],
      [NEWS, 'bs', 'unpublished'],
      [NEWS, 'en', 'deleted'],
    ]);
    // The last cursor is the feed's end: nothing after it.
    expect(await graphqlPage({ since: cursor })).toEqual({ data: [], cursor, hasMore: false });
  });

  it('filters by types and locale as REST’s type and locale do', async () => {
    const filtered = await graphqlPage({ since: start, types: ['news-articles', 'workshops'], locale: 'en' });
    expect(filtered).toEqual(await restPage({ since: start, type: 'news-articles,workshops', locale: 'en' }));
    expect(filtered.data.filter((change) => change.documentId === documentId).map((change) => change.change)).toEqual(['published', 'deleted']);
    expect((await graphqlPage({ since: start, types: ['municipalities'] })).data.filter((change) => change.documentId === documentId)).toEqual([]);
  });

  it('refuses bad arguments with BAD_USER_INPUT naming the argument', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ since: 'yesterday' }, 'since'],
      [{ pageSize: 0 }, 'pageSize'],
      [{ pageSize: 1001 }, 'pageSize'],
      [{ types: ['articles'] }, 'types'],
      [{ types: ['news-articles,workshops'] }, 'types'],
      [{ types: [] }, 'types'],
      [{ locale: 'de' }, 'locale'],
    ];
    for (const [variables, argument] of cases) {
      const error = await refusal(FEED, variables);
      expect([variables, error.extensions.code, error.extensions.error?.details?.param]).toEqual([variables, 'BAD_USER_INPUT', argument]);
      expect(error.message).toMatch(new RegExp(`^Invalid argument ${argument}: `));
    }
    expect((await refusal(FEED, { types: ['articles'] })).message).toMatch(/unknown articles; one or more of .*news-articles/);
  });

  it('answers a cursor from another database with STRAPI_GONE_ERROR and what to do, as REST’s 410', async () => {
    const foreign = Buffer.from('00000000-0000-0000-0000-000000000000.1').toString('base64url');
    const error = await refusal(FEED, { since: foreign });
    expect(error.extensions).toMatchObject({ code: 'STRAPI_GONE_ERROR', error: { name: 'GoneError', details: { param: 'since' } } });
    const rest = await api().get('/api/changes').query({ since: foreign });
    expect(rest.status).toBe(410);
    expect(error.message).toBe(rest.body.error.message);
    expect(error.message).toMatch(/Download the content again/);
  });

  it('stays within the cost limit for a full page, and prices pages so copies of the largest add up', async () => {
    expect((await graphqlPage({ since: start, pageSize: 1000 })).hasMore).toBe(false);
    const copies = Array.from({ length: 9 }, (_, i) => `c${i}: contentChanges(pageSize: 1000) { cursor }`).join(' ');
    const refused = await refusal(`{ ${copies} }`);
    expect(refused.message).toMatch(/^This query costs \d+ .*the limit is 10000/);
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('translation', () => {
  let documentId: string;
  const SINGLE = `query One($id: ID!, $locale: I18NLocaleCode, $fallback: Boolean) {
    newsArticle(documentId: $id, locale: $locale, fallback: $fallback) { translation { locale sourceLocale fields { field state since } } }
  }`;
  const LIST = `query List($ids: [ID], $locale: I18NLocaleCode) {
    newsArticles(locale: $locale, filters: { documentId: { in: $ids } }, pagination: { pageSize: 50 }) { documentId translation { locale sourceLocale fields { field state since } } }
  }`;

  const graphqlOne = async (locale: string, fallback?: boolean) => {
    const response = await graphql(SINGLE, { id: documentId, locale, fallback });
    expect(response.body.errors).toBeUndefined();
    return { translation: response.body.data.newsArticle.translation as Translation, cache: response.headers['x-cache'] as string };
  };
  const restOne = async (locale: string, fallback?: boolean) => {
    const response = await api()
      .get(`/api/news-articles/${documentId}`)
      .query({ locale, ...(fallback === undefined ? {} : { fallback: String(fallback) }) });
    expect(response.status).toBe(200);
    return response.body.meta.translation[documentId] as RestTranslation;
  };

  beforeAll(async () => {
    documentId = await publishedNews('Prevodi preko GraphQL-a', {
      en: { title: 'Translations over GraphQL', lead: 'The lead in English.' },
      'sr-Latn': { title: 'Prevodi preko GraphQL-a', lead: 'Uvod na srpskom.' },
    });
  });

  it('is on one document what REST’s meta.translation says, the original included', async () => {
    for (const locale of ['en', 'sr-Latn', 'bs']) {
      const { translation } = await graphqlOne(locale);
      expect(asRest(translation)).toEqual(withoutFallback(await restOne(locale)));
    }
    const { translation: english } = await graphqlOne('en');
    expect(english).toMatchObject({ locale: 'en', sourceLocale: 'bs' });
    expect(english.fields.map((field) => [field.field, field.state])).toEqual(
      expect.arrayContaining([
        ['title', 'fresh'],
        ['lead', 'fresh'],
      ])
    );
    expect((await graphqlOne('bs')).translation).toEqual({ locale: 'bs', sourceLocale: null, fields: [] });
  });

  it('is the served version’s on a fallback read', async () => {
    const { translation } = await graphqlOne('hr', true);
    const rest = await restOne('hr', true);
    expect(rest.fallback).toEqual({ requested: 'hr' });
    expect(asRest(translation)).toEqual(withoutFallback(rest));
  });

  it('goes stale after a Bosnian edit and fresh after a confirmation, shown at once although the answer was cached', async () => {
    await editBosnian(documentId, { lead: 'Novi uvod na bosanskom.' });
    const stale = await graphqlOne('en');
    expect(stale.translation.fields.find((field) => field.field === 'lead')?.state).toBe('stale');
    expect(asRest(stale.translation)).toEqual(withoutFallback(await restOne('en')));
    // The same query again comes from the response cache.
    expect(await until(async () => (await graphqlOne('en')).cache === 'HIT')).toBe(true);

    const confirmed = await api()
      .post(`/content-history/translations/${NEWS}/${documentId}/confirm`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ locale: 'en', fields: ['lead'] });
    expect(confirmed.status).toBe(200);
    const fresh = await graphqlOne('en');
    expect(fresh.cache).not.toBe('HIT');
    expect(fresh.translation.fields.find((field) => field.field === 'lead')?.state).toBe('fresh');
    expect(asRest(fresh.translation)).toEqual(withoutFallback(await restOne('en')));
  });

  it('answers a mutation with the states after its write', async () => {
    await editBosnian(documentId, { title: 'Prevodi preko GraphQL-a, izmijenjeni' });
    expect((await graphqlOne('en')).translation.fields.find((field) => field.field === 'title')?.state).toBe('stale');
    const translated = await graphql(
      `
        mutation ($id: ID!) {
          updateNewsArticle(documentId: $id, locale: "en", status: DRAFT, data: { title: "Translations over GraphQL, changed" }) {
            translation {
              fields {
                field
                state
              }
            }
          }
        }
      `,
      { id: documentId },
      token
    );
    expect(translated.body.errors).toBeUndefined();
    expect(translated.body.data.updateNewsArticle.translation.fields).toEqual(expect.arrayContaining([{ field: 'title', state: 'fresh' }]));
  });

  describe('on a list', () => {
    const ids: string[] = [];
    let tableName: string;
    let translationReads = 0;
    const countReads = ({ sql }: { sql: string }) => {
      if (sql.includes(tableName)) translationReads += 1;
    };

    beforeAll(async () => {
      tableName = strapi.db.metadata.get(TRANSLATION).tableName;
      for (let i = 0; i < 21; i += 1) ids.push(await publishedNews(`Vijest za listu ${i}`, { en: { title: `News for the list ${i}`, lead: `Lead ${i}` } }));
      // One of them out of date, so the list holds both states.
      await editBosnian(ids[0], { title: 'Vijest za listu, izmijenjena' });
      strapi.db.connection.on('query', countReads);
    });
    afterAll(() => void strapi.db.connection.off('query', countReads));

    it('is each document’s meta.translation, and reads the records of all 21 in one query', async () => {
      translationReads = 0;
      const response = await graphql(LIST, { ids, locale: 'en' });
      expect(response.body.errors).toBeUndefined();
      // Built for this request, not served from the cache.
      expect(response.headers['x-cache']).not.toBe('HIT');
      expect(translationReads).toBe(1);

      const list = response.body.data.newsArticles as Array<{ documentId: string; translation: Translation }>;
      expect(list.map((entry) => entry.documentId).sort()).toEqual([...ids].sort());
      const rest = await api()
        .get('/api/news-articles')
        .query({ locale: 'en', filters: { documentId: { $in: ids } }, pagination: { pageSize: 50 } });
      expect(rest.status).toBe(200);
      for (const entry of list) expect([entry.documentId, asRest(entry.translation)]).toEqual([entry.documentId, withoutFallback(rest.body.meta.translation[entry.documentId])]);
      const title = (entry: { translation: Translation }) => entry.translation.fields.find((field) => field.field === 'title')?.state;
      expect(title(list.find((entry) => entry.documentId === ids[0])!)).toBe('stale');
      expect(list.filter((entry) => title(entry) === 'fresh')).toHaveLength(20);
    });
  });
});
