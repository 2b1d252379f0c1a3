/**
 * Content history on every path into the content: each write leaves exactly the versions it
 * made (locale, status, action, path, changed fields, values, who) and, when readers see it, its
 * published changes; a write that is refused leaves neither. Paths: the Content Manager as an
 * Editor (every action of the edit and list views), REST with a full-access token, GraphQL, the
 * start-up import, scheduled publishing and a restore from history.
 */
import type { Core, UID } from '@strapi/strapi';
import { contentManagerRequest } from '../helpers/admin';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { recordedBy, staffWithRole, summary, until, VERSION, versionsOf, type Staff, type Version } from '../helpers/history';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { readDocumentState } from '../../src/plugins/content-history/server/recording';

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
/** Every field of a news article that history keeps. */
const NEWS_FIELDS = ['body', 'cover', 'coverAlt', 'dateline', 'lead', 'municipalities', 'programme', 'publicationDate', 'quotes', 'seo', 'slug', 'tags', 'title', 'workshops'];
/** The SPIS content the import brings, by type: documents, and the language versions of each kind. */
const SEED_DOCUMENTS: Record<string, number> = {
  'api::programme.programme': 1,
  'api::phase.phase': 3,
  'api::municipality.municipality': 21,
  'api::workshop.workshop': 6,
  'api::news-article.news-article': 2,
  'api::contact.contact': 1,
  'api::page.page': 11,
  'api::menu-item.menu-item': 5,
  'api::result.result': 1,
  'api::indicator.indicator': 1,
};

let strapi: Core.Strapi;
let token: { key: string; id: string; name: string };
let editor: Staff;
let author: Staff;
let translator: Staff;
/** Taken once Strapi is up: the first file to boot imports the SPIS content, which cleanup must not delete. */
let startedAt: Date;
const workshops: string[] = [];

const roleCodes = { editor: 'strapi-editor', author: 'strapi-author', translator: 'spis-translator-en' };

/** A REST call with the full-access token. */
const rest = (method: 'post' | 'put' | 'delete', path: string, query: Record<string, string>, data?: Record<string, unknown>) => {
  const request = api()[method](`/api/news-articles${path}`);
  return request
    .set('Authorization', `Bearer ${token.key}`)
    .query(query)
    .send(data ? { data } : undefined);
};

const cm = (staff: Staff, method: 'get' | 'post' | 'put' | 'delete', path = '') => contentManagerRequest(staff.jwt, method, NEWS, path);

/** The current values of a language version (draft or published), read from its rows. */
const current = async (documentId: string, locale: string, status: 'draft' | 'published', uid: string = NEWS) =>
  (await readDocumentState(strapi, uid, documentId)).get(locale)?.[status]?.values ?? null;

/** The actor history must name for each path. */
const byStaff = (staff: Staff) => ({ actorType: 'admin', actorId: String(staff.id), actorName: staff.email });
const byToken = () => ({ actorType: 'api-token', actorId: token.id, actorName: token.name });

beforeAll(async () => {
  // Scheduled publishing runs when this test calls it, not on a clock.
  process.env.SCHEDULED_PUBLISH_RULE = '0 0 1 1 *';
  strapi = await setupStrapi();
  startedAt = new Date();
  const name = `history-paths-${Date.now()}`;
  const created = await strapi.service('admin::api-token').create({ name, type: 'full-access', lifespan: null });
  token = { key: created.accessKey, id: String(created.id), name };
  [editor, author, translator] = await Promise.all(Object.values(roleCodes).map((code) => staffWithRole(strapi, code)));
});

afterAll(async () => {
  for (const documentId of workshops) await strapi.documents(WORKSHOP).delete({ documentId, locale: '*' });
  await deleteNewsCreatedSince(strapi, startedAt);
  delete process.env.SCHEDULED_PUBLISH_RULE;
  await teardownStrapi();
});

describe('the start-up import', () => {
  let imported: Version[];
  beforeAll(async () => {
    imported = (await strapi.db.query(VERSION).findMany({ where: { path: 'import' }, orderBy: { id: 'asc' } })) as Version[];
  });

  it('recorded every SPIS document as the system’s, through the import', () => {
    const documentsByType = new Map<string, Set<string>>();
    for (const version of imported) documentsByType.set(version.contentType, (documentsByType.get(version.contentType) ?? new Set()).add(version.subjectDocumentId));
    expect(Object.fromEntries([...documentsByType].map(([uid, documents]) => [uid, documents.size]))).toEqual(SEED_DOCUMENTS);
    for (const version of imported) expect(version).toMatchObject({ actorType: 'system', actorId: null, actorName: null, action: expect.stringMatching(/^(create|update)$/) });
  });

  it('recorded each language version it wrote, draft and published, with every field', async () => {
    for (const [uid] of Object.entries(SEED_DOCUMENTS)) {
      const documentIds = [...new Set(imported.filter((version) => version.contentType === uid).map((version) => version.subjectDocumentId))];
      for (const documentId of documentIds) {
        const rows: Array<{ locale: string; publishedAt: string | null }> = await strapi.db
          .query(uid as UID.ContentType)
          .findMany({ where: { documentId }, select: ['locale', 'publishedAt'] });
        for (const row of rows) {
          const status = row.publishedAt ? 'published' : 'draft';
          const first = imported.find((version) => version.subjectDocumentId === documentId && version.locale === row.locale && version.status === status);
          expect([uid, documentId, row.locale, status, first?.values]).toEqual([uid, documentId, row.locale, status, expect.any(Object)]);
        }
      }
    }
  });

  it('left the newest version of the contact (which nothing else writes) equal to what its rows hold', async () => {
    const [contact] = imported.filter((version) => version.contentType === 'api::contact.contact');
    const versions = (await versionsOf(strapi, contact.subjectDocumentId)).filter((version) => version.locale === 'bs');
    for (const status of ['draft', 'published'] as const) {
      const newest = versions.filter((version) => version.status === status).at(-1)!;
      expect(newest.path).toBe('import');
      expect(newest.values).toEqual(await current(contact.subjectDocumentId, 'bs', status, 'api::contact.contact'));
    }
  });
});

describe('the Content Manager, as an Editor', () => {
  let documentId: string;
  let clone: string;
  const inPanel = (versions: Version[]) => versions.forEach((version) => expect(version).toMatchObject({ path: 'panel', ...byStaff(editor) }));

  it('create: a draft version with every field', async () => {
    const { result, versions, changes } = await recordedBy(
      strapi,
      (response) => [response.body.data.documentId],
      () => cm(editor, 'post', '?locale=bs').send({ title: 'Radionica u Goraždu', publicationDate: '2026-12-03', lead: 'Uvod o radionici.' })
    );
    expect(result.status).toBe(201);
    documentId = result.body.data.documentId;
    expect(versions.map(summary)).toEqual([{ locale: 'bs', status: 'draft', action: 'create', path: 'panel', changedFields: NEWS_FIELDS }]);
    inPanel(versions);
    expect(versions[0].values).toEqual(await current(documentId, 'bs', 'draft'));
    expect(changes).toEqual([]);
  });

  it('update: only the fields it changed; a save that changes nothing records nothing', async () => {
    const edited = await recordedBy(strapi, [documentId], () => cm(editor, 'put', `/${documentId}?locale=bs`).send({ lead: 'Uvod o radionici, dopunjen.', dateline: 'Goražde' }));
    expect(edited.result.status).toBe(200);
    expect(edited.versions.map(summary)).toEqual([{ locale: 'bs', status: 'draft', action: 'update', path: 'panel', changedFields: ['dateline', 'lead'] }]);
    inPanel(edited.versions);
    const unchanged = await recordedBy(strapi, [documentId], () => cm(editor, 'put', `/${documentId}?locale=bs`).send({ lead: 'Uvod o radionici, dopunjen.' }));
    expect(unchanged.result.status).toBe(200);
    expect(unchanged.versions).toEqual([]);
  });

  it('publish: the published version with every field, and "published" in the feed', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => cm(editor, 'post', `/${documentId}/actions/publish?locale=bs`).send({ locale: 'bs' }));
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([{ locale: 'bs', status: 'published', action: 'publish', path: 'panel', changedFields: NEWS_FIELDS }]);
    inPanel(versions);
    expect(versions[0].values).toEqual(await current(documentId, 'bs', 'draft'));
    expect(changes.map(({ locale, kind }) => [locale, kind])).toEqual([['bs', 'published']]);
  });

  it('publish of unchanged content: no version, but "updated" for readers', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => cm(editor, 'post', `/${documentId}/actions/publish?locale=bs`).send({ locale: 'bs' }));
    expect(result.status).toBe(200);
    expect(versions).toEqual([]);
    expect(changes.map(({ locale, kind }) => [locale, kind])).toEqual([['bs', 'updated']]);
  });

  it('a new locale: its draft, then its published version', async () => {
    const added = await recordedBy(strapi, [documentId], () =>
      cm(editor, 'put', `/${documentId}?locale=hr`).send({ title: 'Radionica u Goraždu (hr)', lead: 'Uvod o radionici na hrvatskom.' })
    );
    expect(added.result.status).toBe(200);
    expect(added.versions.map(summary)).toEqual([{ locale: 'hr', status: 'draft', action: 'update', path: 'panel', changedFields: NEWS_FIELDS }]);
    const published = await recordedBy(strapi, [documentId], () => cm(editor, 'post', `/${documentId}/actions/publish?locale=hr`).send({ locale: 'hr' }));
    expect(published.result.status).toBe(200);
    expect(published.versions.map(summary)).toEqual([{ locale: 'hr', status: 'published', action: 'publish', path: 'panel', changedFields: NEWS_FIELDS }]);
    expect(published.changes.map(({ locale, kind }) => [locale, kind])).toEqual([['hr', 'published']]);
  });

  it('a shared field edited through one locale: a draft version in every locale it changed, nothing published', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => cm(editor, 'put', `/${documentId}?locale=bs`).send({ publicationDate: '2026-12-04' }));
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([
      { locale: 'bs', status: 'draft', action: 'update', path: 'panel', changedFields: ['publicationDate'] },
      { locale: 'hr', status: 'draft', action: 'update', path: 'panel', changedFields: ['publicationDate'] },
    ]);
    for (const version of versions) expect(version.values).toEqual(await current(documentId, version.locale!, 'draft'));
    expect(changes).toEqual([]);
  });

  it('discard draft: the draft takes the published values back, in each locale the discard changed', async () => {
    const edited = await cm(editor, 'put', `/${documentId}?locale=bs`).send({ title: 'Radionica u Goraždu, izmijenjena' });
    expect(edited.status).toBe(200);
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => cm(editor, 'post', `/${documentId}/actions/discard?locale=bs`).send({ locale: 'bs' }));
    expect(result.status).toBe(200);
    const bs = versions.filter((version) => version.locale === 'bs');
    expect(bs.map(summary)).toEqual([{ locale: 'bs', status: 'draft', action: 'discardDraft', path: 'panel', changedFields: ['publicationDate', 'title'] }]);
    expect(bs[0].values).toEqual(await current(documentId, 'bs', 'published'));
    // Whatever else the discard changed is recorded as it is now, and only that.
    for (const version of versions) expect(version.values).toEqual(await current(documentId, version.locale!, version.status));
    expect(changes).toEqual([]);
  });

  it('unpublish: the published version removed, and "unpublished"', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => cm(editor, 'post', `/${documentId}/actions/unpublish?locale=hr`).send({ locale: 'hr' }));
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([{ locale: 'hr', status: 'published', action: 'unpublish', path: 'panel', changedFields: NEWS_FIELDS }]);
    expect(versions[0].values).toBeNull();
    inPanel(versions);
    expect(changes.map(({ locale, kind }) => [locale, kind])).toEqual([['hr', 'unpublished']]);
  });

  it('delete of a locale: its draft removed, nothing readers saw (it was unpublished)', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => cm(editor, 'delete', `/${documentId}?locale=hr`));
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([{ locale: 'hr', status: 'draft', action: 'delete', path: 'panel', changedFields: NEWS_FIELDS }]);
    expect(versions[0].values).toBeNull();
    expect(changes).toEqual([]);
  });

  it('clone: the new document’s draft, recorded as a clone; nothing of the source', async () => {
    const { result, versions, changes } = await recordedBy(
      strapi,
      (response) => [documentId, response.body.data.documentId],
      () => cm(editor, 'post', `/clone/${documentId}?locale=bs`).send({ title: 'Radionica u Goraždu (kopija)', slug: 'radionica-u-gorazdu-kopija', publicationDate: '2026-12-04' })
    );
    expect(result.status).toBe(200);
    clone = result.body.data.documentId;
    expect(versions.map((version) => [version.subjectDocumentId, ...Object.values(summary(version))])).toEqual([[clone, 'bs', 'draft', 'clone', 'panel', NEWS_FIELDS]]);
    inPanel(versions);
    expect(versions[0].values).toMatchObject({ title: 'Radionica u Goraždu (kopija)', lead: 'Uvod o radionici, dopunjen.' });
    expect(changes).toEqual([]);
  });

  it('bulk publish: a published version of the one that changed, and a change each', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId, clone], () =>
      cm(editor, 'post', '/actions/bulkPublish?locale=bs').send({ documentIds: [documentId, clone], locale: 'bs' })
    );
    expect(result.status).toBe(200);
    expect(versions.map((version) => [version.subjectDocumentId, ...Object.values(summary(version))])).toEqual([[clone, 'bs', 'published', 'publish', 'panel', NEWS_FIELDS]]);
    inPanel(versions);
    expect(changes.map(({ subjectDocumentId, locale, kind }) => [subjectDocumentId, locale, kind]).sort()).toEqual(
      [
        [documentId, 'bs', 'updated'],
        [clone, 'bs', 'published'],
      ].sort()
    );
  });

  it('bulk unpublish: each published version removed, and "unpublished" each', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId, clone], () =>
      cm(editor, 'post', '/actions/bulkUnpublish?locale=bs').send({ documentIds: [documentId, clone], locale: 'bs' })
    );
    expect(result.status).toBe(200);
    expect(versions.map((version) => [version.subjectDocumentId, version.status, version.action, version.values]).sort()).toEqual(
      [
        [documentId, 'published', 'unpublish', null],
        [clone, 'published', 'unpublish', null],
      ].sort()
    );
    inPanel(versions);
    expect(changes.map(({ subjectDocumentId, kind }) => [subjectDocumentId, kind]).sort()).toEqual(
      [
        [documentId, 'unpublished'],
        [clone, 'unpublished'],
      ].sort()
    );
  });

  it('bulk delete: each draft removed', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [clone], () => cm(editor, 'post', '/actions/bulkDelete?locale=bs').send({ documentIds: [clone], locale: 'bs' }));
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([{ locale: 'bs', status: 'draft', action: 'delete', path: 'panel', changedFields: NEWS_FIELDS }]);
    expect(changes).toEqual([]);
  });

  it('delete of a published document: both versions of each locale removed, and "deleted"', async () => {
    expect((await cm(editor, 'post', `/${documentId}/actions/publish?locale=bs`).send({ locale: 'bs' })).status).toBe(200);
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => cm(editor, 'delete', `/${documentId}?locale=bs`));
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([
      { locale: 'bs', status: 'draft', action: 'delete', path: 'panel', changedFields: NEWS_FIELDS },
      { locale: 'bs', status: 'published', action: 'delete', path: 'panel', changedFields: NEWS_FIELDS },
    ]);
    expect(versions.map((version) => version.values)).toEqual([null, null]);
    expect(changes.map(({ locale, kind }) => [locale, kind])).toEqual([['bs', 'deleted']]);
  });
});

describe('REST with a full-access token', () => {
  let documentId: string;

  it('create and publish in one request: both versions, by the token, and "published"', async () => {
    const { result, versions, changes } = await recordedBy(
      strapi,
      (response) => [response.body.data.documentId],
      () => rest('post', '', { locale: 'bs', status: 'published' }, { title: 'Vijest preko REST-a', publicationDate: '2026-12-05', lead: 'Objavljena odmah.' })
    );
    expect(result.status).toBe(201);
    documentId = result.body.data.documentId;
    expect(versions.map(summary)).toEqual([
      { locale: 'bs', status: 'draft', action: 'create', path: 'rest', changedFields: NEWS_FIELDS },
      { locale: 'bs', status: 'published', action: 'create', path: 'rest', changedFields: NEWS_FIELDS },
    ]);
    versions.forEach((version) => expect(version).toMatchObject(byToken()));
    expect(changes.map(({ locale, kind }) => [locale, kind])).toEqual([['bs', 'published']]);
  });

  it('update of the published version: the draft and the published version, "updated"', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () =>
      rest('put', `/${documentId}`, { locale: 'bs', status: 'published' }, { lead: 'Objavljena, pa ispravljena.' })
    );
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([
      { locale: 'bs', status: 'draft', action: 'update', path: 'rest', changedFields: ['lead'] },
      { locale: 'bs', status: 'published', action: 'update', path: 'rest', changedFields: ['lead'] },
    ]);
    expect(changes.map(({ kind }) => kind)).toEqual(['updated']);
  });

  it('delete of the locale: both versions removed, "deleted"', async () => {
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => rest('delete', `/${documentId}`, { locale: 'bs' }));
    expect(result.status).toBe(204);
    expect(versions.map((version) => [version.status, version.action, version.path, version.values])).toEqual([
      ['draft', 'delete', 'rest', null],
      ['published', 'delete', 'rest', null],
    ]);
    expect(changes.map(({ kind }) => kind)).toEqual(['deleted']);
  });
});

describe('GraphQL', () => {
  const mutate = (query: string) => graphql(query, {}, token.key);

  it('records create, update, publish and delete as GraphQL’s, by the token', async () => {
    const created = await recordedBy(
      strapi,
      (response) => [response.body.data?.createNewsArticle?.documentId],
      () => mutate(`mutation { createNewsArticle(locale: "sr-Cyrl", status: DRAFT, data: { title: "Радионица у Требињу", publicationDate: "2026-12-06" }) { documentId } }`)
    );
    expect(created.result.body.errors).toBeUndefined();
    const documentId = created.result.body.data.createNewsArticle.documentId;
    const updated = await recordedBy(strapi, [documentId], () =>
      mutate(`mutation { updateNewsArticle(documentId: "${documentId}", locale: "sr-Cyrl", status: DRAFT, data: { lead: "Увод о радионици." }) { documentId } }`)
    );
    const published = await recordedBy(strapi, [documentId], () =>
      mutate(`mutation { updateNewsArticle(documentId: "${documentId}", locale: "sr-Cyrl", status: PUBLISHED, data: {}) { documentId } }`)
    );
    // The stock delete mutation deletes the default locale's version whatever locale it is
    // given (strapi/strapi#23034): so the Cyrillic version gets a Bosnian one, which is deleted.
    expect(
      (await mutate(`mutation { updateNewsArticle(documentId: "${documentId}", locale: "bs", status: PUBLISHED, data: { title: "Radionica u Trebinju" }) { documentId } }`)).body
        .errors
    ).toBeUndefined();
    const deleted = await recordedBy(strapi, [documentId], () => mutate(`mutation { deleteNewsArticle(documentId: "${documentId}") { documentId } }`));
    for (const { result } of [updated, published, deleted]) expect(result.body.errors).toBeUndefined();
    expect([created, updated, published, deleted].map(({ versions }) => versions.map(summary))).toEqual([
      [{ locale: 'sr-Cyrl', status: 'draft', action: 'create', path: 'graphql', changedFields: NEWS_FIELDS }],
      [{ locale: 'sr-Cyrl', status: 'draft', action: 'update', path: 'graphql', changedFields: ['lead'] }],
      [{ locale: 'sr-Cyrl', status: 'published', action: 'update', path: 'graphql', changedFields: NEWS_FIELDS }],
      [
        { locale: 'bs', status: 'draft', action: 'delete', path: 'graphql', changedFields: NEWS_FIELDS },
        { locale: 'bs', status: 'published', action: 'delete', path: 'graphql', changedFields: NEWS_FIELDS },
      ],
    ]);
    for (const { versions } of [created, updated, published, deleted]) versions.forEach((version) => expect(version).toMatchObject(byToken()));
    expect([created, updated, published, deleted].map(({ changes }) => changes.map(({ locale, kind }) => `${locale} ${kind}`))).toEqual([
      [],
      [],
      ['sr-Cyrl published'],
      ['bs deleted'],
    ]);
  });

  it('records nothing for a delete that deleted nothing (a locale the document lacks), though GraphQL answers success', async () => {
    const created = await rest('post', '', { locale: 'sr-Cyrl', status: 'published' }, { title: 'Вијест само на ћирилици', publicationDate: '2026-12-06' });
    const documentId = created.body.data.documentId;
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () =>
      mutate(`mutation { deleteNewsArticle(documentId: "${documentId}", locale: "sr-Cyrl") { documentId } }`)
    );
    expect(result.body).toEqual({ data: { deleteNewsArticle: { documentId } } });
    expect([versions, changes]).toEqual([[], []]);
    expect(await current(documentId, 'sr-Cyrl', 'published')).toMatchObject({ title: 'Вијест само на ћирилици' });
  });
});

describe('scheduled publishing', () => {
  /** One run of the publishing task, as the cron runs it. */
  const runScheduler = (): Promise<number> =>
    strapi.config.get<{ scheduledPublishing: { task: (args: { strapi: Core.Strapi }) => Promise<number> } }>('server.cron.tasks').scheduledPublishing.task({ strapi });

  it('records the publish as the scheduler’s, in the name of the editor who set the time', async () => {
    const at = new Date(Date.now() + 1000).toISOString();
    const created = await cm(editor, 'post', '?locale=bs').send({ title: 'Zakazana vijest iz Bihaća', publicationDate: '2026-12-07', scheduledPublishAt: at });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    await until(async () => Date.now() > Date.parse(at), 5000);
    const { result, versions, changes } = await recordedBy(strapi, [documentId], runScheduler);
    expect(result).toBeGreaterThanOrEqual(1);
    expect(versions.map(summary)).toEqual([{ locale: 'bs', status: 'published', action: 'publish', path: 'scheduler', changedFields: NEWS_FIELDS }]);
    expect(versions[0]).toMatchObject({ actorType: 'admin', actorId: String(editor.id), actorName: `scheduled by ${editor.email}` });
    expect(versions[0].values).toEqual(await current(documentId, 'bs', 'published'));
    expect(changes.map(({ kind }) => kind)).toEqual(['published']);
  });
});

describe('a restore from history', () => {
  it('is recorded as the restore’s, by the staff member who restored', async () => {
    const created = await cm(editor, 'post', '?locale=bs').send({ title: 'Vijest za vraćanje', publicationDate: '2026-12-08', lead: 'Prvi uvod.' });
    const documentId = created.body.data.documentId;
    expect((await cm(editor, 'put', `/${documentId}?locale=bs`).send({ lead: 'Drugi uvod.' })).status).toBe(200);
    const [first] = await versionsOf(strapi, documentId);
    const { result, versions } = await recordedBy(strapi, [documentId], () =>
      api()
        .post(`/content-history/versions/${first.id}/restore`)
        .set('Authorization', `Bearer ${editor.jwt}`)
        .send({ fields: ['lead'] })
    );
    expect(result.status).toBe(200);
    expect(versions.map(summary)).toEqual([{ locale: 'bs', status: 'draft', action: 'update', path: 'restore', changedFields: ['lead'] }]);
    expect(versions[0]).toMatchObject(byStaff(editor));
  });
});

describe('a refused write leaves no version and no change', () => {
  let documentId: string;
  let ownDraft: string;
  const state = async () => readDocumentState(strapi, NEWS, documentId);
  /** Runs a write that must be refused with `status`, and checks nothing of it stayed. */
  async function refused(status: number | number[], write: () => Promise<{ status: number; body: { error?: { message?: string }; errors?: unknown[] } }>, ids = [documentId]) {
    const before = await state();
    const { result, versions, changes } = await recordedBy(strapi, ids, write);
    expect([[status].flat().includes(result.status) ? status : result.status, result.body.error?.message]).toEqual([status, expect.any(String)]);
    expect(versions).toEqual([]);
    expect(changes).toEqual([]);
    expect(await state()).toEqual(before);
    return result;
  }

  beforeAll(async () => {
    const created = await rest('post', '', { locale: 'bs', status: 'published' }, { title: 'Vijest koja se ne mijenja', publicationDate: '2026-12-09', lead: 'Uvod.' });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    expect((await rest('put', `/${documentId}`, { locale: 'en', status: 'published' }, { title: 'News that does not change', lead: 'Lead.' })).status).toBe(200);
    const own = await cm(author, 'post', '?locale=bs').send({ title: 'Autoričin nacrt', publicationDate: '2026-12-09' });
    expect(own.status).toBe(201);
    ownDraft = own.body.data.documentId;
  });

  it('an Author publishing, in the edit view or the list', async () => {
    await refused(403, () => cm(author, 'post', `/${ownDraft}/actions/publish?locale=bs`).send({ locale: 'bs', lead: 'Objavljeno bez urednika' }), [ownDraft]);
    await refused(403, () => cm(author, 'post', '/actions/bulkPublish?locale=bs').send({ documentIds: [ownDraft], locale: 'bs' }), [ownDraft]);
    expect(await versionsOf(strapi, ownDraft)).toEqual([expect.objectContaining({ status: 'draft', action: 'create', ...byStaff(author) })]);
  });

  it('an Author setting "Publish at" (publishing later)', async () => {
    const result = await refused(
      403,
      () => cm(author, 'put', `/${ownDraft}?locale=bs`).send({ lead: 'Zakazano', scheduledPublishAt: new Date(Date.now() + 3_600_000).toISOString() }),
      [ownDraft]
    );
    expect(result.body.error!.message).toMatch(/Publish at/);
  });

  it('an Author editing someone else’s document', async () => {
    await refused(403, () => cm(author, 'put', `/${documentId}?locale=bs`).send({ lead: 'Tuđa vijest' }));
  });

  it('a value the type refuses (REST, GraphQL, panel)', async () => {
    await refused(400, () => rest('put', `/${documentId}`, { locale: 'bs', status: 'draft' }, { lead: 'Novi uvod', title: 'x'.repeat(256) }));
    const viaGraphql = await recordedBy(strapi, [documentId], () =>
      graphql(
        `mutation { updateNewsArticle(documentId: "${documentId}", locale: "bs", status: DRAFT, data: { title: "${'x'.repeat(256)}", lead: "Novi" }) { documentId } }`,
        {},
        token.key
      )
    );
    expect(viaGraphql.result.body.errors).toEqual([expect.objectContaining({ message: expect.any(String) })]);
    expect([viaGraphql.versions, viaGraphql.changes]).toEqual([[], []]);
    await refused(400, () => cm(editor, 'put', `/${documentId}?locale=bs`).send({ lead: 'Novi uvod', publicationDate: '31.02.2027.' }));
  });

  it('a publish that fails validation after its draft was saved: the saved draft is undone too', async () => {
    const draft = await rest('post', '', { locale: 'bs', status: 'draft' }, { title: 'Nacrt bez datuma' });
    expect(draft.status).toBe(201);
    const incomplete = draft.body.data.documentId;
    const [before] = await versionsOf(strapi, incomplete);
    const { result, versions, changes } = await recordedBy(strapi, [incomplete], () =>
      rest('put', `/${incomplete}`, { locale: 'bs', status: 'published' }, { lead: 'Uvod koji se ne smije sačuvati' })
    );
    expect(result.status).toBe(400);
    expect([versions, changes]).toEqual([[], []]);
    expect(await current(incomplete, 'bs', 'draft')).toEqual(before.values);
  });

  it('a Translator changing what every language shares, through their own language', async () => {
    const result = await refused(403, () =>
      contentManagerRequest(translator.jwt, 'put', NEWS, `/${documentId}?locale=en`).send({ lead: 'A new lead', publicationDate: '2027-01-01' })
    );
    expect(result.body.error!.message).toMatch(/publicationDate/);
    // Their own text alone is theirs to change, and recorded in their language only.
    const { result: allowed, versions } = await recordedBy(strapi, [documentId], () =>
      contentManagerRequest(translator.jwt, 'put', NEWS, `/${documentId}?locale=en`).send({ lead: 'A new lead' })
    );
    expect(allowed.status).toBe(200);
    expect(versions.map(summary)).toEqual([{ locale: 'en', status: 'draft', action: 'update', path: 'panel', changedFields: ['lead'] }]);
    expect(versions[0]).toMatchObject(byStaff(translator));
  });

  it('a read-only token writing, or nobody', async () => {
    const readOnly = await createApiToken(strapi, 'read-only');
    for (const authorization of [`Bearer ${readOnly}`, undefined]) {
      const call = () => {
        const request = api().put(`/api/news-articles/${documentId}`).query({ locale: 'bs', status: 'published' });
        return (authorization ? request.set('Authorization', authorization) : request).send({ data: { lead: 'Neovlašteno' } });
      };
      await refused([401, 403], call);
    }
  });
});

describe('links made from the other side', () => {
  // An article owns its links to workshops; a workshop's `newsArticles` is their other side. A
  // link made or dropped there changes the article as readers and history see it.
  it('a workshop linking, unlinking and deleting records the article’s links each time, and readers see the article change', async () => {
    const article = await rest('post', '', { locale: 'bs', status: 'published' }, { title: 'Vijest o radionici u Jajcu', publicationDate: '2026-12-10' });
    const documentId = article.body.data.documentId;
    const workshop = await api()
      .post('/api/workshops')
      .set('Authorization', `Bearer ${token.key}`)
      .query({ locale: 'bs', status: 'published' })
      .send({ data: { title: 'Radionica u Jajcu (test historije)', timeZone: 'Europe/Sarajevo' } });
    const workshopId: string = workshop.body.data.documentId;
    workshops.push(workshopId);
    const linkedWorkshops = async () =>
      (await api().get(`/api/news-articles/${documentId}`).query({ locale: 'bs', populate: 'workshops' })).body.data.workshops.map(
        (linked: { documentId: string }) => linked.documentId
      );
    const linkFromWorkshop = (newsArticles: string[]) =>
      recordedBy(strapi, [documentId], () =>
        api().put(`/api/workshops/${workshopId}`).set('Authorization', `Bearer ${token.key}`).query({ locale: 'bs', status: 'published' }).send({ data: { newsArticles } })
      );

    const linked = await linkFromWorkshop([documentId]);
    expect(linked.result.status).toBe(200);
    expect(await linkedWorkshops()).toEqual([workshopId]);
    expect(linked.versions.map(({ status, action, path, changedFields, values }) => [status, action, path, changedFields, values?.workshops])).toEqual([
      ['draft', 'update', 'rest', ['workshops'], [workshopId]],
      ['published', 'update', 'rest', ['workshops'], [workshopId]],
    ]);
    expect(linked.versions[0]).toMatchObject({ actorType: 'api-token', actorName: token.name });
    expect(linked.changes.map(({ kind }) => kind)).toEqual(['updated']);

    const unlinked = await linkFromWorkshop([]);
    expect(await linkedWorkshops()).toEqual([]);
    expect(unlinked.versions.map(({ status, changedFields, values }) => [status, changedFields, values?.workshops])).toEqual([
      ['draft', ['workshops'], []],
      ['published', ['workshops'], []],
    ]);
    expect(unlinked.changes.map(({ kind }) => kind)).toEqual(['updated']);

    // Saving the workshop again without touching its links records nothing of the article.
    const untouched = await recordedBy(strapi, [documentId], () =>
      api()
        .put(`/api/workshops/${workshopId}`)
        .set('Authorization', `Bearer ${token.key}`)
        .query({ locale: 'bs', status: 'draft' })
        .send({ data: { title: 'Radionica u Jajcu (uređeno)' } })
    );
    expect([untouched.result.status, untouched.versions, untouched.changes]).toEqual([200, [], []]);

    await linkFromWorkshop([documentId]);
    const deleted = await recordedBy(strapi, [documentId], () => contentManagerRequest(editor.jwt, 'delete', WORKSHOP, `/${workshopId}?locale=*`));
    expect(deleted.result.status).toBe(200);
    expect(deleted.versions.map(({ status, changedFields, values }) => [status, changedFields, values?.workshops])).toEqual([
      ['draft', ['workshops'], []],
      ['published', ['workshops'], []],
    ]);
    expect(deleted.changes.map(({ kind }) => kind)).toEqual(['updated']);
  });
});
