/**
 * Content history and the feed of published changes, through each path into the content: REST
 * with a token, GraphQL, the Content Manager as an editor, the import, scheduled publishing.
 * Each write must leave exactly the versions it made (who, how, which fields, the values) and,
 * when readers see it, one change in the feed, in order.
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const VERSION = 'plugin::content-history.version';

let strapi: Core.Strapi;
let token: string;
let editor: string;
/** Taken once Strapi is up: the first file to boot imports the SPIS content, which cleanup must not delete. */
let startedAt: Date;

type Version = {
  locale: string;
  status: string;
  action: string;
  path: string;
  actorType: string;
  actorName: string | null;
  changedFields: string[];
  values: Record<string, unknown> | null;
};

const versionsOf = async (documentId: string): Promise<Version[]> =>
  (await strapi.db.query(VERSION).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } })) as Version[];

const changes = (query: Record<string, string | number> = {}) => api().get('/api/changes').query(query);

const article = (title: string) => ({ title, publicationDate: '2026-12-02', lead: `Uvod: ${title}` });

beforeAll(async () => {
  strapi = await setupStrapi();
  startedAt = new Date();
  token = await createApiToken(strapi);
  editor = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
});

afterAll(async () => {
  await deleteNewsCreatedSince(strapi, startedAt);
  await teardownStrapi();
});

describe('history of a document written over REST', () => {
  let documentId: string;
  let cursor: string;

  it('starts the feed from now', async () => {
    const response = await changes({ since: 'now' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
    cursor = response.body.meta.cursor;
  });

  it('records a create as a draft version with every field, made by the token over REST', async () => {
    const created = await api()
      .post('/api/news-articles')
      .set('Authorization', `Bearer ${token}`)
      .query({ locale: 'bs', status: 'draft' })
      .send({ data: article('Radionica u Bihaću') });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    const [version, ...rest] = await versionsOf(documentId);
    expect(rest).toEqual([]);
    expect(version).toMatchObject({ locale: 'bs', status: 'draft', action: 'create', path: 'rest', actorType: 'api-token' });
    expect(version.changedFields).toEqual(expect.arrayContaining(['title', 'lead', 'slug', 'publicationDate', 'body', 'municipalities']));
    expect(version.values).toMatchObject({ title: 'Radionica u Bihaću', lead: 'Uvod: Radionica u Bihaću', slug: 'radionica-u-bihacu' });
    const feed = await changes({ since: cursor });
    expect(feed.body.data).toEqual([]); // a draft is nobody's news
  });

  it('records an update with only the fields it changed', async () => {
    const updated = await api()
      .put(`/api/news-articles/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .query({ locale: 'bs', status: 'draft' })
      .send({ data: { lead: 'Novi uvod, ćirilica: Ђачке' } });
    expect(updated.status).toBe(200);
    const versions = await versionsOf(documentId);
    expect(versions).toHaveLength(2);
    expect(versions[1]).toMatchObject({ status: 'draft', action: 'update', changedFields: ['lead'] });
    expect(versions[1].values).toMatchObject({ lead: 'Novi uvod, ćirilica: Ђачке', title: 'Radionica u Bihaću' });
  });

  it('records a publish as the published version, and the feed lists it once', async () => {
    const published = await graphql(`mutation { publish: updateNewsArticle(documentId: "${documentId}", locale: "bs", status: PUBLISHED, data: {}) { documentId } }`, {}, token);
    expect(published.body.errors).toBeUndefined();
    const versions = await versionsOf(documentId);
    expect(versions.at(-1)).toMatchObject({ status: 'published', path: 'graphql', actorType: 'api-token' });
    expect(versions.at(-1)!.values).toMatchObject({ lead: 'Novi uvod, ćirilica: Ђачке' });
    const feed = await changes({ since: cursor });
    expect(feed.status).toBe(200);
    expect(feed.body.data).toEqual([expect.objectContaining({ contentType: NEWS, documentId, locale: 'bs', change: 'published' })]);
    expect(feed.body.meta.hasMore).toBe(false);
    cursor = feed.body.meta.cursor;
    expect((await changes({ since: cursor })).body.data).toEqual([]);
  });

  it('records the editor’s unpublish in the panel, and the feed says unpublished', async () => {
    const unpublished = await contentManagerRequest(editor, 'post', NEWS, `/${documentId}/actions/unpublish?locale=bs`).send({});
    expect(unpublished.status).toBe(200);
    const last = (await versionsOf(documentId)).at(-1)!;
    expect(last).toMatchObject({ status: 'published', action: 'unpublish', path: 'panel', actorType: 'admin', values: null });
    const feed = await changes({ since: cursor });
    expect(feed.body.data).toEqual([expect.objectContaining({ documentId, locale: 'bs', change: 'unpublished' })]);
    cursor = feed.body.meta.cursor;
  });

  it('answers a cursor from elsewhere with 410 and what to do, and nonsense with 400', async () => {
    const foreign = Buffer.from('00000000-0000-0000-0000-000000000000.1').toString('base64url');
    const gone = await changes({ since: foreign });
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toMatch(/Download the content again/);
    for (const query of <Array<Record<string, string | number>>>[{ since: 'yesterday' }, { pageSize: 0 }, { type: 'articles' }, { locale: 'de' }, { sinse: cursor }]) {
      const refused = await changes(query);
      expect([JSON.stringify(query), refused.status]).toEqual([JSON.stringify(query), 400]);
      expect(refused.body.error.message).toMatch(/Invalid query parameter|Unknown locale/);
    }
  });
});

describe('the history panel’s API', () => {
  let documentId: string;
  const asStaff = (jwt: string, method: 'get' | 'post', path: string) => api()[method](`/content-history${path}`).set('Authorization', `Bearer ${jwt}`);
  const listOf = async (jwt: string, locale = 'bs') =>
    (await asStaff(jwt, 'get', `/documents/${NEWS}/${documentId}/versions?locale=${locale}`)).body.results as Array<{
      id: number;
      action: string;
      status: string;
      changedFields: string[];
    }>;

  beforeAll(async () => {
    const created = await contentManagerRequest(editor, 'post', NEWS, '?locale=bs').send({
      ...article('Savjetovanje u Tuzli'),
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Prvi pasus o savjetovanju.' }] }],
      quotes: [{ text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić' }],
    });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    const edited = await contentManagerRequest(editor, 'put', NEWS, `/${documentId}?locale=bs`).send({
      title: 'Savjetovanje u Tuzli i Lukavcu',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Prvi pasus o savjetovanju, dopunjen.' }] }],
      quotes: [{ text: 'Svako dijete je važno.', speaker: 'Amra Hodžić' }],
    });
    expect(edited.status).toBe(200);
  });

  it('lists a document’s versions newest first, each with what it changed', async () => {
    const versions = await listOf(editor);
    expect(versions.map((version) => [version.action, version.status])).toEqual([
      ['update', 'draft'],
      ['create', 'draft'],
    ]);
    expect(versions[0].changedFields).toEqual(['body', 'quotes', 'title']);
  });

  it('shows the difference from the version before, word by word for text and rich text', async () => {
    const [latest] = await listOf(editor);
    const shown = await asStaff(editor, 'get', `/versions/${latest.id}`);
    expect(shown.status).toBe(200);
    const byField = Object.fromEntries(shown.body.data.changes.map((change: { field: string }) => [change.field, change]));
    expect(byField.title.words).toEqual([
      { text: 'Savjetovanje u Tuzli', change: 'same' },
      { text: ' i Lukavcu', change: 'added' },
    ]);
    expect(byField.body.words.filter((word: { change: string }) => word.change !== 'same')).toEqual([{ text: ', dopunjen', change: 'added' }]);
    expect(byField.quotes).toMatchObject({ before: [{ text: 'Djeca su na prvom mjestu.' }], after: [{ text: 'Svako dijete je važno.' }] });
  });

  it('restores single fields of an old version into the draft, leaving the others and the published state alone', async () => {
    const [, first] = await listOf(editor);
    const restored = await asStaff(editor, 'post', `/versions/${first.id}/restore`).send({ fields: ['quotes', 'body'] });
    expect(restored.status).toBe(200);
    expect(restored.body.data.restoredFields).toEqual(['quotes', 'body']);
    const draft = await contentManagerRequest(editor, 'get', NEWS, `/${documentId}?locale=bs`);
    expect(draft.body.data.title).toBe('Savjetovanje u Tuzli i Lukavcu');
    expect(draft.body.data.quotes).toMatchObject([{ text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić' }]);
    expect(draft.body.data.body[0].children[0].text).toBe('Prvi pasus o savjetovanju.');
    expect(draft.body.data.publishedAt).toBeNull();
    const [restore] = await listOf(editor);
    expect(restore).toMatchObject({ action: 'update', status: 'draft', changedFields: ['body', 'quotes'] });
    const recorded = await strapi.db.query(VERSION).findOne({ where: { id: (restore as { id: number }).id } });
    expect(recorded).toMatchObject({ path: 'restore', actorType: 'admin' });
  });

  it('restores a whole version', async () => {
    const [, , first] = await listOf(editor);
    expect((await asStaff(editor, 'post', `/versions/${first.id}/restore`).send({})).status).toBe(200);
    const draft = await contentManagerRequest(editor, 'get', NEWS, `/${documentId}?locale=bs`);
    expect(draft.body.data.title).toBe('Savjetovanje u Tuzli');
  });

  it('lets a translator read the history but not restore a language that is not theirs; refuses bad input with 400', async () => {
    const translator = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'spis-translator-en' })).id]);
    const [latest] = await listOf(translator);
    expect(latest).toBeDefined();
    const refused = await asStaff(translator, 'post', `/versions/${latest.id}/restore`).send({});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/may not update/);
    expect((await asStaff(editor, 'post', `/versions/${latest.id}/restore`).send({ fields: ['searchIndex'] })).status).toBe(400);
    expect((await asStaff(editor, 'post', `/versions/${latest.id}/restore`).send({ fields: 'title' })).status).toBe(400);
    expect((await asStaff(editor, 'get', `/versions/999999999`)).status).toBe(404);
    expect((await api().get(`/content-history/versions/${latest.id}`)).status).toBe(401);
  });
});
