/**
 * Restoring from history, field kind by field kind: an old version's text, rich text, date,
 * time, enumeration, number, boolean, repeatable and single components, links and media go back
 * into the draft (read back from the draft itself), one field at a time or all at once; the
 * published version never changes. And who may restore what: an Editor anything, an Author
 * their own documents, a Translator their own language (never what every language shares);
 * API tokens and anonymous callers never reach the history routes.
 */
import fs from 'node:fs';
import type { Core, UID } from '@strapi/strapi';
import { asAdmin, contentManagerRequest, createAdminRole, loginAsNewAdmin } from '../helpers/admin';
import { deleteNewsCreatedSince } from '../helpers/cleanup';
import { changesOf, recordedBy, staffWithRole, versionsOf, type Staff, type Version } from '../helpers/history';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { readDocumentState } from '../../src/plugins/content-history/server/recording';

const NEWS = 'api::news-article.news-article';
const MUNICIPALITY = 'api::municipality.municipality';
const WORKSHOP = 'api::workshop.workshop';
const PROGRAMME = 'api::programme.programme';

let strapi: Core.Strapi;
let editor: Staff;
let author: Staff;
let translator: Staff;
/** Taken once Strapi is up: the first file to boot imports the SPIS content, which cleanup must not delete. */
let startedAt: Date;
const made: Array<[UID.ContentType, string]> = [];
const uploaded: number[] = [];

const restore = (staff: Staff | string, version: { id: number }, body: Record<string, unknown> = {}) =>
  api()
    .post(`/content-history/versions/${version.id}/restore`)
    .set('Authorization', `Bearer ${typeof staff === 'string' ? staff : staff.jwt}`)
    .send(body);

/** The values of a language version as its rows hold them now. */
const valuesNow = async (uid: string, documentId: string, locale: string, status: 'draft' | 'published') =>
  (await readDocumentState(strapi, uid, documentId)).get(locale)?.[status]?.values ?? null;

const link = (documentId: string) => ({ documentId, locale: 'bs' });
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

async function upload(name: string): Promise<number> {
  const superAdmin = await loginAsNewAdmin(strapi);
  const response = await asAdmin(superAdmin, 'post', '/upload').attach('files', fs.readFileSync('favicon.png'), { filename: name, contentType: 'image/png' });
  expect(response.status).toBe(201);
  uploaded.push(response.body[0].id);
  return response.body[0].id;
}

/** Creates a document in the panel as `staff`, then saves `edits` over it; resolves to its documentId and first version. */
async function documentWithHistory(staff: Staff, uid: UID.ContentType, first: Record<string, unknown>, ...edits: Array<Record<string, unknown>>) {
  const created = await contentManagerRequest(staff.jwt, 'post', uid, '?locale=bs').send(first);
  expect([created.status, created.body.error]).toEqual([201, undefined]);
  const documentId: string = created.body.data.documentId;
  made.push([uid, documentId]);
  for (const edit of edits) {
    const saved = await contentManagerRequest(staff.jwt, 'put', uid, `/${documentId}?locale=bs`).send(edit);
    expect([saved.status, saved.body.error]).toEqual([200, undefined]);
  }
  const [version] = await versionsOf(strapi, documentId);
  return { documentId, first: version };
}

beforeAll(async () => {
  strapi = await setupStrapi();
  startedAt = new Date();
  [editor, author, translator] = await Promise.all(['strapi-editor', 'strapi-author', 'spis-translator-en'].map((code) => staffWithRole(strapi, code)));
});

afterAll(async () => {
  for (const [uid, documentId] of made) await strapi.documents(uid).delete({ documentId, locale: '*' });
  await deleteNewsCreatedSince(strapi, startedAt);
  const files = strapi.plugin('upload').service('upload');
  for (const id of uploaded) {
    const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    if (file) await files.remove(file);
  }
  await teardownStrapi();
});

describe('each field kind of a news article, restored into the draft', () => {
  let documentId: string;
  let first: Version;
  let publishedBefore: Record<string, unknown> | null;
  let places: string[];
  let programme: string;

  beforeAll(async () => {
    places = (await strapi.db.query(MUNICIPALITY).findMany({ where: { locale: 'bs', publishedAt: null }, select: ['documentId'], orderBy: { id: 'asc' }, limit: 3 })).map(
      (row: { documentId: string }) => row.documentId
    );
    programme = (await strapi.db.query(PROGRAMME).findOne({ where: { locale: 'bs', publishedAt: null }, select: ['documentId'] })).documentId;
    const [oldCover, newCover] = [await upload('radionica-tesanj.png'), await upload('radionica-tesanj-2.png')];
    ({ documentId, first } = await documentWithHistory(
      editor,
      NEWS,
      {
        title: 'Radionica u Tešnju',
        dateline: 'Tešanj',
        lead: 'Prvi uvod o radionici.',
        body: paragraph('Prvi pasus: djeca i porodice.'),
        publicationDate: '2026-12-10',
        quotes: [{ text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić', role: 'načelnica' }],
        tags: [{ name: 'djeca' }, { name: 'Tešanj' }],
        seo: { metaTitle: 'Radionica u Tešnju', metaDescription: 'Opis.', noIndex: false },
        municipalities: { connect: [link(places[0]), link(places[1])] },
        programme: { connect: [link(programme)] },
        cover: oldCover,
        coverAlt: 'Djeca na radionici',
      },
      {
        title: 'Radionica u Tešnju i Usori',
        dateline: 'Usora',
        lead: 'Drugi uvod, sasvim drukčiji.',
        body: [...paragraph('Drugi pasus.'), ...paragraph('Treći pasus.')],
        publicationDate: '2026-12-11',
        quotes: [
          { text: 'Svako dijete je važno.', speaker: 'Jelena Đurić' },
          { text: 'Радимо заједно.', speaker: 'Миле Ковачевић' },
        ],
        tags: [],
        seo: { metaTitle: 'Tešanj i Usora', metaDescription: null, noIndex: true },
        municipalities: { disconnect: [link(places[0]), link(places[1])], connect: [link(places[2])] },
        programme: { disconnect: [link(programme)] },
        cover: newCover,
        coverAlt: 'Roditelji na radionici',
      }
    ));
    const published = await contentManagerRequest(editor.jwt, 'post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({ locale: 'bs' });
    expect(published.status).toBe(200);
    publishedBefore = await valuesNow(NEWS, documentId, 'bs', 'published');
    // Every field differs between the first version and the draft (the slug never changes).
    const draft = await valuesNow(NEWS, documentId, 'bs', 'draft');
    for (const field of Object.keys(first.values!).filter((name) => !['slug', 'workshops'].includes(name))) {
      expect([field, draft![field]]).not.toEqual([field, first.values![field]]);
    }
  });

  it.each([
    ['a string', 'title'],
    ['a text', 'lead'],
    ['rich text (blocks)', 'body'],
    ['a date', 'publicationDate'],
    ['a repeatable component (quotes)', 'quotes'],
    ['a repeatable component emptied since (tags)', 'tags'],
    ['a single component with a boolean (seo)', 'seo'],
    ['a many relation (municipalities)', 'municipalities'],
    ['a relation unlinked since (programme)', 'programme'],
    ['media (cover)', 'cover'],
  ])('%s', async (_, field) => {
    const draftBefore = (await valuesNow(NEWS, documentId, 'bs', 'draft'))!;
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => restore(editor, first, { fields: [field] }));
    expect([result.status, result.body.error]).toEqual([200, undefined]);
    expect(result.body.data).toMatchObject({ documentId, locale: 'bs', restoredFields: [field] });
    const draft = (await valuesNow(NEWS, documentId, 'bs', 'draft'))!;
    expect(draft[field]).toEqual(first.values![field]);
    expect(result.body.data.draft[field]).toEqual(first.values![field]);
    // Only that field changed, recorded as the restore's; the published version is as it was.
    expect(draft).toEqual({ ...draftBefore, [field]: first.values![field] });
    expect(versions.map(({ status, path, changedFields }) => [status, path, changedFields])).toEqual([['draft', 'restore', [field]]]);
    expect(changes).toEqual([]);
    expect(await valuesNow(NEWS, documentId, 'bs', 'published')).toEqual(publishedBefore);
  });

  it('reads back through the Content Manager as the first version had it', async () => {
    const draft = await contentManagerRequest(editor.jwt, 'get', NEWS, `/${documentId}?locale=bs&populate=*`);
    expect(draft.status).toBe(200);
    expect(draft.body.data).toMatchObject({
      title: 'Radionica u Tešnju',
      lead: 'Prvi uvod o radionici.',
      body: paragraph('Prvi pasus: djeca i porodice.'),
      publicationDate: '2026-12-10',
      quotes: [{ text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić', role: 'načelnica' }],
      tags: [{ name: 'djeca' }, { name: 'Tešanj' }],
      seo: { metaTitle: 'Radionica u Tešnju', noIndex: false },
      cover: { id: first.values!.cover },
      publishedAt: null,
    });
    const published = await api().get(`/api/news-articles/${documentId}`).query({ locale: 'bs', populate: 'municipalities' });
    expect(published.body.data).toMatchObject({ title: 'Radionica u Tešnju i Usori', lead: 'Drugi uvod, sasvim drukčiji.' });
    expect(published.body.data.municipalities.map((place: { documentId: string }) => place.documentId)).toEqual([places[2]]);
  });

  it('restores a whole version: every field back at once', async () => {
    const later = await contentManagerRequest(editor.jwt, 'put', NEWS, `/${documentId}?locale=bs`).send({ title: 'Još jedna izmjena', quotes: [], seo: null, cover: null });
    expect(later.status).toBe(200);
    const { result, versions } = await recordedBy(strapi, [documentId], () => restore(editor, first));
    expect(result.status).toBe(200);
    expect(await valuesNow(NEWS, documentId, 'bs', 'draft')).toEqual(first.values);
    // The fields edited just now, and the two of the second save no single-field restore took back.
    expect(versions.map(({ changedFields }) => changedFields)).toEqual([['cover', 'coverAlt', 'dateline', 'quotes', 'seo', 'title']]);
    expect(await valuesNow(NEWS, documentId, 'bs', 'published')).toEqual(publishedBefore);
  });

  it('answers 400 for a version that records a removal, and changes nothing', async () => {
    const unpublished = await contentManagerRequest(editor.jwt, 'post', NEWS, `/${documentId}/actions/unpublish?locale=bs`).send({ locale: 'bs' });
    expect(unpublished.status).toBe(200);
    const removal = (await versionsOf(strapi, documentId)).at(-1)!;
    expect(removal).toMatchObject({ status: 'published', action: 'unpublish', values: null });
    const { result, versions } = await recordedBy(strapi, [documentId], () => restore(editor, removal));
    expect(result.status).toBe(400);
    expect(result.body.error.message).toMatch(/removal/);
    expect(versions).toEqual([]);
  });
});

describe('field kinds of other types', () => {
  it('enumerations, a number and a single component of floats (a municipality)', async () => {
    const { documentId, first } = await documentWithHistory(
      editor,
      MUNICIPALITY,
      { name: 'Probno Selo', kind: 'municipality', entity: 'RS', canton: null, population2013: 1200, geo: { lat: 44.1, lon: 17.2 } },
      { kind: 'city', entity: 'FBiH', canton: 'tuzla', population2013: 2400, geo: { lat: 44.5, lon: 18.6 } }
    );
    for (const field of ['kind', 'entity', 'canton', 'population2013', 'geo']) {
      const response = await restore(editor, first, { fields: [field] });
      expect([field, response.status]).toEqual([field, 200]);
    }
    const draft = await contentManagerRequest(editor.jwt, 'get', MUNICIPALITY, `/${documentId}?locale=bs`);
    expect(draft.body.data).toMatchObject({ kind: 'municipality', entity: 'RS', canton: null, population2013: 1200, geo: { lat: 44.1, lon: 17.2 } });
    expect(await valuesNow(MUNICIPALITY, documentId, 'bs', 'draft')).toEqual(first.values);
  });

  it('a date and a time of day (a workshop)', async () => {
    const { documentId, first } = await documentWithHistory(
      editor,
      WORKSHOP,
      { title: 'Radionica u Žepču (historija)', timeZone: 'Europe/Sarajevo', startDate: '2026-12-14', startTime: '09:30:00.000' },
      { startDate: '2026-12-15', startTime: '13:00:00.000' }
    );
    const response = await restore(editor, first, { fields: ['startDate', 'startTime'] });
    expect(response.status).toBe(200);
    const draft = await contentManagerRequest(editor.jwt, 'get', WORKSHOP, `/${documentId}?locale=bs`);
    expect(draft.body.data).toMatchObject({ startDate: '2026-12-14', startTime: '09:30:00' });
  });
});

describe('what a restore cannot do', () => {
  it('bring back a link to a document deleted since: 400 naming it, and nothing written', async () => {
    const { documentId: place } = await documentWithHistory(editor, MUNICIPALITY, { name: 'Nestalo Selo', kind: 'municipality', entity: 'RS' });
    const { documentId, first } = await documentWithHistory(
      editor,
      NEWS,
      { title: 'Vijest o nestalom selu', publicationDate: '2026-12-12', municipalities: { connect: [link(place)] } },
      { municipalities: { disconnect: [link(place)] }, lead: 'Izmijenjeno.' }
    );
    await strapi.documents(MUNICIPALITY).delete({ documentId: place, locale: '*' });
    const before = await valuesNow(NEWS, documentId, 'bs', 'draft');
    const { result, versions } = await recordedBy(strapi, [documentId], () => restore(editor, first, { fields: ['municipalities', 'lead'] }));
    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(place);
    expect(versions).toEqual([]);
    expect(await valuesNow(NEWS, documentId, 'bs', 'draft')).toEqual(before);
  });

  it('restore into a document deleted since: 404, and nothing claimed as restored', async () => {
    const { documentId, first } = await documentWithHistory(editor, NEWS, { title: 'Obrisana vijest', publicationDate: '2026-12-12' });
    expect((await contentManagerRequest(editor.jwt, 'delete', NEWS, `/${documentId}?locale=bs`)).status).toBe(200);
    const { result, versions } = await recordedBy(strapi, [documentId], () => restore(editor, first));
    expect(result.status).toBe(404);
    expect(result.body.data).toBeNull();
    expect(versions).toEqual([]);
    expect(await strapi.db.query(NEWS).count({ where: { documentId } })).toBe(0);
  });
});

describe('who may restore', () => {
  let editorsDocument: { documentId: string; first: Version };
  let authorsDocument: { documentId: string; first: Version };

  beforeAll(async () => {
    editorsDocument = await documentWithHistory(editor, NEWS, { title: 'Urednikova vijest', publicationDate: '2026-12-13', lead: 'Prvi.' }, { lead: 'Drugi.' });
    authorsDocument = await documentWithHistory(author, NEWS, { title: 'Autoričina vijest', publicationDate: '2026-12-13', lead: 'Prvi.' }, { lead: 'Drugi.' });
  });

  /** A restore that must be refused with 403: nothing written, nothing recorded. */
  async function refused(staff: Staff, documentId: string, version: Version, body: Record<string, unknown> = {}) {
    const state = await readDocumentState(strapi, NEWS, documentId);
    const { result, versions, changes } = await recordedBy(strapi, [documentId], () => restore(staff, version, body));
    expect([result.status, result.body.error?.name]).toEqual([403, 'PolicyError']);
    expect([versions, changes]).toEqual([[], []]);
    expect(await readDocumentState(strapi, NEWS, documentId)).toEqual(state);
    return result.body.error.message as string;
  }

  it('an Author: their own documents only', async () => {
    expect((await restore(author, authorsDocument.first, { fields: ['lead'] })).status).toBe(200);
    expect((await valuesNow(NEWS, authorsDocument.documentId, 'bs', 'draft'))!.lead).toBe('Prvi.');
    expect(await refused(author, editorsDocument.documentId, editorsDocument.first, { fields: ['lead'] })).toMatch(/may not update/);
  });

  it('an Author: not into their draft once an Editor scheduled it (it would go out unreviewed)', async () => {
    const scheduled = await contentManagerRequest(editor.jwt, 'put', NEWS, `/${authorsDocument.documentId}?locale=bs`).send({
      scheduledPublishAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(scheduled.status).toBe(200);
    expect(await refused(author, authorsDocument.documentId, authorsDocument.first, { fields: ['title'] })).toMatch(/scheduled/);
  });

  it('a Translator: their language, never another, never what every language shares', async () => {
    const { documentId } = editorsDocument;
    const english = async (data: Record<string, unknown>) => expect((await contentManagerRequest(editor.jwt, 'put', NEWS, `/${documentId}?locale=en`).send(data)).status).toBe(200);
    await english({ title: 'The editor’s news', lead: 'First.' });
    await english({ title: 'The editor’s news, retitled' });
    const englishVersions = (await versionsOf(strapi, documentId)).filter((version) => version.locale === 'en');
    const [englishFirst] = englishVersions;
    expect((await restore(translator, englishFirst, { fields: ['title'] })).status).toBe(200);
    expect((await valuesNow(NEWS, documentId, 'en', 'draft'))!.title).toBe('The editor’s news');
    expect(await refused(translator, documentId, editorsDocument.first, { fields: ['lead'] })).toMatch(/may not update this content in bs/);
    // Since then the date every language shares changed: the whole old version would change it back.
    expect((await contentManagerRequest(editor.jwt, 'put', NEWS, `/${documentId}?locale=bs`).send({ publicationDate: '2026-12-20' })).status).toBe(200);
    expect(await refused(translator, documentId, englishFirst)).toMatch(/publicationDate/);
  });

  it('API tokens and anonymous callers: not at all (401), not even to read', async () => {
    const tokens = [await createApiToken(strapi, 'read-only'), await createApiToken(strapi, 'full-access')];
    const { documentId, first } = editorsDocument;
    const calls = (authorization?: string) => {
      const withAuth = <T extends { set(name: string, value: string): T }>(request: T) => (authorization ? request.set('Authorization', authorization) : request);
      return [
        withAuth(api().get(`/content-history/documents/${NEWS}/${documentId}/versions`)),
        withAuth(api().get(`/content-history/versions/${first.id}`)),
        withAuth(api().post(`/content-history/versions/${first.id}/restore`)).send({}),
      ];
    };
    const before = await versionsOf(strapi, documentId);
    for (const authorization of [...tokens.map((token) => `Bearer ${token}`), undefined, 'Bearer not-a-token']) {
      const statuses = (await Promise.all(calls(authorization))).map((response) => response.status);
      expect([authorization === undefined ? 'anonymous' : authorization.slice(0, 12), statuses]).toEqual([expect.any(String), [401, 401, 401]]);
    }
    expect(await versionsOf(strapi, documentId)).toEqual(before);
    expect(await changesOf(strapi, documentId)).toEqual([]);
  });
});

describe('who may read', () => {
  it('a reader of one language lists and opens the versions of that language only', async () => {
    const role = await createAdminRole(strapi, 'Reader (hr)', [{ action: 'plugin::content-manager.explorer.read', subject: NEWS, properties: { locales: ['hr'] } }]);
    const reader = await loginAsNewAdmin(strapi, [role]);
    // Written in hr first, so the document's first row is one the reader may read.
    const created = await contentManagerRequest(editor.jwt, 'post', NEWS, '?locale=hr').send({ title: 'Hrvatska vijest', publicationDate: '2026-12-21' });
    const documentId = created.body.data.documentId;
    made.push([NEWS, documentId]);
    expect((await contentManagerRequest(editor.jwt, 'put', NEWS, `/${documentId}?locale=bs`).send({ title: 'Bosanska vijest, još neprevedena' })).status).toBe(200);
    const versions = await versionsOf(strapi, documentId);
    const history = (query = '') => api().get(`/content-history/documents/${NEWS}/${documentId}/versions${query}`).set('Authorization', `Bearer ${reader}`);

    const listed = await history();
    expect(listed.status).toBe(200);
    expect(listed.body.results.map((version: { locale: string }) => version.locale)).toEqual(['hr']);
    expect(listed.body.pagination.total).toBe(1);
    expect((await history('?locale=hr')).body.results).toHaveLength(1);
    expect((await history('?locale=bs')).status).toBe(403);
    const bosnian = versions.find((version) => version.locale === 'bs')!;
    expect((await api().get(`/content-history/versions/${bosnian.id}`).set('Authorization', `Bearer ${reader}`)).status).toBe(403);
    // As the Content Manager itself answers.
    expect((await contentManagerRequest(reader, 'get', NEWS, `/${documentId}?locale=bs`)).status).toBe(403);
    // An Editor, who reads every language, still lists them all.
    const all = await api().get(`/content-history/documents/${NEWS}/${documentId}/versions`).set('Authorization', `Bearer ${editor.jwt}`);
    expect(all.body.results.map((version: { locale: string }) => version.locale).sort()).toEqual(['bs', 'hr']);
  });
});
