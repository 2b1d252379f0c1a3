/**
 * Translation freshness, field by field: a translated field knows its source and goes stale when
 * the source field changes (whichever path changed it), fresh again when it is edited, confirmed,
 * or when the source goes back; Cyrillic written from the Latin text follows it. Readers see it in
 * `meta.translation` (cached responses included), staff in the panel's API and coverage view.
 */
import type { Core } from '@strapi/strapi';
import { toCyrillic } from '../../src/transliteration';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { api, createApiToken, graphql, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';

let strapi: Core.Strapi;
let token: string;
let editor: string;
let documentId: string;
/** Taken once Strapi is up: the first file to boot imports the SPIS content, which cleanup must not delete. */
let startedAt: Date;

const roleId = async (code: string) => (await strapi.service('admin::role').findOne({ code })).id as number;
const write = (locale: string, data: Record<string, unknown>) =>
  api().put(`/api/news-articles/${documentId}`).set('Authorization', `Bearer ${token}`).query({ locale, status: 'draft' }).send({ data });
const publish = (locale: string) => api().put(`/api/news-articles/${documentId}`).set('Authorization', `Bearer ${token}`).query({ locale, status: 'published' }).send({ data: {} });

/** What a partner reads about the version served in `locale` (published, anonymous). */
async function readerMeta(locale: string) {
  const response = await api().get(`/api/news-articles/${documentId}`).query({ locale });
  expect(response.status).toBe(200);
  return response.body.meta.translation[documentId] as {
    locale: string;
    sourceLocale: string | null;
    fields: Record<string, { state: string; since: string }>;
    fallback?: unknown;
  };
}

const staffView = async (jwt: string, locale: string) => {
  const response = await api().get(`/content-history/translations/${NEWS}/${documentId}`).query({ locale }).set('Authorization', `Bearer ${jwt}`);
  expect(response.status).toBe(200);
  return Object.fromEntries(
    (response.body.data.fields as Array<{ field: string; state: string; sourceThen: unknown; sourceNow: unknown; words?: unknown }>).map((field) => [field.field, field])
  );
};

beforeAll(async () => {
  strapi = await setupStrapi();
  startedAt = new Date();
  // One listening server for the concurrent writes below: supertest would otherwise start one per request.
  await listen(strapi);
  token = await createApiToken(strapi);
  editor = await loginAsNewAdmin(strapi, [await roleId('strapi-editor')]);
  const created = await api()
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs', status: 'published' })
    .send({ data: { title: 'Socijalna zaštita djece u Goraždu', publicationDate: '2026-11-30', lead: 'Općina je otvorila novi centar.' } });
  expect(created.status).toBe(201);
  documentId = created.body.data.documentId;
  expect((await write('en', { title: 'Child protection in Goražde', lead: 'The municipality opened a new centre.' })).status).toBe(200);
  expect((await write('sr-Latn', { title: 'Socijalna zaštita dece u Goraždu', lead: 'Opština je otvorila novi centar.' })).status).toBe(200);
  for (const locale of ['en', 'sr-Latn']) expect((await publish(locale)).status).toBe(200);
});

afterAll(async () => {
  await deleteNewsCreatedSince(strapi, startedAt);
  await teardownStrapi();
});

it('starts every field of a new translation fresh, from the base language; the base itself has no source', async () => {
  const meta = await readerMeta('en');
  expect(meta).toMatchObject({ locale: 'en', sourceLocale: 'bs', fields: { title: { state: 'fresh' }, lead: { state: 'fresh' }, body: { state: 'fresh' } } });
  expect((await readerMeta('bs')).fields).toEqual({});
});

it('marks only the changed field stale in every translation when the source changes over REST, and says since when', async () => {
  const before = Date.now();
  expect((await write('bs', { lead: 'Općina je otvorila novi centar za djecu i porodice.' })).status).toBe(200);
  expect((await publish('bs')).status).toBe(200);
  for (const locale of ['en', 'sr-Latn']) {
    const meta = await readerMeta(locale);
    expect([locale, meta.fields.lead.state, meta.fields.title.state]).toEqual([locale, 'stale', 'fresh']);
    expect(new Date(meta.fields.lead.since).getTime()).toBeGreaterThanOrEqual(before - 1000);
  }
});

it('shows staff the source’s old and new text, word by word', async () => {
  const fields = await staffView(editor, 'en');
  expect(fields.lead).toMatchObject({ state: 'stale', sourceThen: 'Općina je otvorila novi centar.', sourceNow: 'Općina je otvorila novi centar za djecu i porodice.' });
  expect(fields.lead.words).toEqual(expect.arrayContaining([{ text: ' za djecu i porodice', change: 'added' }]));
});

it('makes a field fresh again when its translation is edited (in the panel)', async () => {
  const saved = await contentManagerRequest(editor, 'put', NEWS, `/${documentId}?locale=en`).send({ lead: 'The municipality opened a new centre for children and families.' });
  expect(saved.status).toBe(200);
  expect((await staffView(editor, 'en')).lead.state).toBe('fresh');
  expect((await staffView(editor, 'sr-Latn')).lead.state).toBe('stale');
});

it('makes it fresh again when the source goes back to what it was translated from (over GraphQL)', async () => {
  const changed = await graphql(
    `mutation { updateNewsArticle(documentId: "${documentId}", locale: "bs", status: DRAFT, data: { title: "Zaštita djece u Goraždu" }) { documentId } }`,
    {},
    token
  );
  expect(changed.body.errors).toBeUndefined();
  expect((await staffView(editor, 'en')).title.state).toBe('stale');
  const back = await graphql(
    `mutation { updateNewsArticle(documentId: "${documentId}", locale: "bs", status: DRAFT, data: { title: "Socijalna zaštita djece u Goraždu" }) { documentId } }`,
    {},
    token
  );
  expect(back.body.errors).toBeUndefined();
  expect((await staffView(editor, 'en')).title.state).toBe('fresh');
});

it('lets the translator of a language confirm a stale field as still correct, and no one else', async () => {
  const otherTranslator = await loginAsNewAdmin(strapi, [await roleId('spis-translator-en')]);
  const refused = await api()
    .post(`/content-history/translations/${NEWS}/${documentId}/confirm`)
    .set('Authorization', `Bearer ${otherTranslator}`)
    .send({ locale: 'sr-Latn', fields: ['lead'] });
  expect(refused.status).toBe(403);
  const translator = await loginAsNewAdmin(strapi, [await roleId('spis-translator-sr-latn')]);
  const cachedBefore = await readerMeta('sr-Latn');
  expect(cachedBefore.fields.lead.state).toBe('stale');
  const confirmed = await api()
    .post(`/content-history/translations/${NEWS}/${documentId}/confirm`)
    .set('Authorization', `Bearer ${translator}`)
    .send({ locale: 'sr-Latn', fields: ['lead'] });
  expect(confirmed.status).toBe(200);
  // The public response was cached with the old state; the confirmation must drop it.
  expect((await readerMeta('sr-Latn')).fields.lead.state).toBe('fresh');
  for (const body of [{ locale: 'sr-Latn', fields: ['slug'] }, { locale: 'de' }, { locale: 'sr-Latn', sourceLocale: 'sr-Latn' }, { locale: 'sr-Latn', extra: 1 }]) {
    const bad = await api().post(`/content-history/translations/${NEWS}/${documentId}/confirm`).set('Authorization', `Bearer ${translator}`).send(body);
    expect([JSON.stringify(body), bad.status]).toEqual([JSON.stringify(body), 400]);
  }
});

it('lets Serbian Cyrillic written from the Latin text follow it: fresh while it reads as the Latin transliterated', async () => {
  const latin = { title: 'Socijalna zaštita dece u Goraždu', lead: 'Opština je otvorila novi centar.' };
  expect((await write('sr-Cyrl', { title: toCyrillic(latin.title), lead: toCyrillic(latin.lead) })).status).toBe(200);
  expect((await staffView(editor, 'sr-Cyrl')).title).toMatchObject({ state: 'fresh' });
  const changed = await write('sr-Latn', { title: 'Zaštita dece u Goraždu' });
  expect(changed.status).toBe(200);
  expect((await staffView(editor, 'sr-Cyrl')).title.state).toBe('stale');
  expect((await write('sr-Cyrl', { title: toCyrillic('Zaštita dece u Goraždu') })).status).toBe(200);
  const fields = await staffView(editor, 'sr-Cyrl');
  expect([fields.title.state, fields.lead.state]).toEqual(['fresh', 'fresh']);
});

it('counts stale, missing and untranslated versions per type and language, with the documents behind each', async () => {
  expect((await write('bs', { lead: 'Općina je otvorila novi centar za djecu.' })).status).toBe(200);
  const coverage = await api().get('/content-history/translations/coverage').query({ uid: NEWS, locale: 'sr-Latn' }).set('Authorization', `Bearer ${editor}`);
  expect(coverage.status).toBe(200);
  const [row] = coverage.body.data;
  expect(row).toMatchObject({ contentType: NEWS, locale: 'sr-Latn' });
  expect(row.stale).toBeGreaterThanOrEqual(1);
  expect(row.versions).toBe(row.originals + row.fresh + row.stale + row.missing + row.untracked);
  const stale = await api().get('/content-history/translations/coverage').query({ uid: NEWS, locale: 'sr-Latn', translation: 'stale' }).set('Authorization', `Bearer ${editor}`);
  expect(stale.body.data).toEqual(expect.arrayContaining([{ documentId, locale: 'sr-Latn', title: 'Zaštita dece u Goraždu' }]));
  const untranslated = await api()
    .get('/content-history/translations/coverage')
    .query({ uid: NEWS, locale: 'hr', translation: 'untranslated', pageSize: 500 })
    .set('Authorization', `Bearer ${editor}`);
  expect(untranslated.body.data.map((document: { documentId: string }) => document.documentId)).toContain(documentId);
  expect((await api().get('/content-history/translations/coverage').query({ translation: 'stale' }).set('Authorization', `Bearer ${editor}`)).status).toBe(400);
  expect((await api().get('/content-history/translations/coverage')).status).toBe(401);
});

it('counts a version that is its document’s original apart from those not tracked', async () => {
  const coverageOf = async (locale: string) =>
    (await api().get('/content-history/translations/coverage').query({ uid: NEWS, locale }).set('Authorization', `Bearer ${editor}`)).body.data[0] as Record<string, number>;
  const [enBefore, bsBefore] = [await coverageOf('en'), await coverageOf('bs')];
  // Written in English first, with no Bosnian version: English is its original.
  const created = await api()
    .post('/api/news-articles')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'en', status: 'draft' })
    .send({ data: { title: 'Written in English first', publicationDate: '2026-12-19', lead: 'An English original.' } });
  const english = await coverageOf('en');
  expect([english.versions - enBefore.versions, english.originals - enBefore.originals, english.untracked - enBefore.untracked]).toEqual([1, 1, 0]);
  // Once it has a Bosnian version, that is the source, and the English one a translation of it.
  const bosnian = await api()
    .put(`/api/news-articles/${created.body.data.documentId}`)
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs', status: 'draft' })
    .send({ data: { title: 'Prvo napisano na engleskom', lead: 'Engleski original.' } });
  expect(bosnian.status).toBe(200);
  const [enAfter, bsAfter] = [await coverageOf('en'), await coverageOf('bs')];
  expect([enAfter.originals - enBefore.originals, enAfter.fresh - enBefore.fresh, bsAfter.originals - bsBefore.originals]).toEqual([0, 1, 1]);
});

it('tells a reader served another language’s version that it is a fallback', async () => {
  const response = await api().get(`/api/news-articles/${documentId}`).query({ locale: 'hr', fallback: 'true' });
  expect(response.status).toBe(200);
  expect(response.body.meta.translation[documentId]).toMatchObject({ locale: response.body.data.locale, fallback: { requested: 'hr' } });
});

it('stays consistent under concurrent edits of a source and its translations: each state matches its recorded source value', async () => {
  const writes = Array.from({ length: 12 }, (_, index) => {
    const locale = ['bs', 'en', 'sr-Latn'][index % 3];
    return write(locale, { lead: `${locale} uvod ${index}: ćčžšđ` });
  });
  for (const response of await Promise.all(writes)) expect(response.status).toBe(200);
  const drafts = (await strapi.db.query(NEWS).findMany({ where: { documentId, publishedAt: null }, select: ['locale', 'lead'] })) as Array<{ locale: string; lead: string }>;
  const leadOf = Object.fromEntries(drafts.map((draft) => [draft.locale, draft.lead]));
  for (const locale of ['en', 'sr-Latn']) {
    const lead = (await staffView(editor, locale)).lead as { state: string; sourceThen: unknown; sourceNow: unknown };
    expect(lead.sourceNow).toBe(leadOf.bs);
    expect([locale, lead.state]).toEqual([locale, lead.sourceThen === leadOf.bs ? 'fresh' : 'stale']);
  }
  // The newest Bosnian draft version in history is the draft as it ended.
  const versions = (await strapi.db.query('plugin::content-history.version').findMany({
    where: { subjectDocumentId: documentId, status: 'draft', locale: 'bs' },
    orderBy: { id: 'asc' },
  })) as Array<{ values: { lead: string } }>;
  expect(versions.at(-1)!.values.lead).toBe(leadOf.bs);
});
