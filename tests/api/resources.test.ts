/**
 * The resource library end to end: an editor files a report in the panel, partners find it in
 * REST and GraphQL (by `q` in any script), in the feeds of new resources and the sitemap, and
 * download its PDF under its own name; a file that is not a PDF and a language list that is not
 * locale codes are refused at the field, on every write path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read field by field in assertions
type Entry = Record<string, any>;

const RESOURCE = 'api::resource.resource';
const FILE = 'plugin::upload.file';
const TITLE = 'Model budžetiranja za djecu u Čelincu';

let strapi: Core.Strapi;
let editor: string;
let token: string;
const files: Array<{ id: number; disk: string }> = [];
const documents: string[] = [];

/** A file in the media library as an upload leaves it: its row, and its bytes under public/uploads. */
async function mediaFile(name: string, mime: string, bytes: Buffer) {
  const hash = `test_${Date.now()}_${Math.random().toString(36).slice(2)}`;
  const ext = path.extname(name);
  const disk = path.join(process.cwd(), 'public', 'uploads', `${hash}${ext}`);
  fs.writeFileSync(disk, bytes);
  const row = await strapi.db.query(FILE).create({ data: { name, hash, ext, mime, size: bytes.length / 1000, url: `/uploads/${hash}${ext}`, provider: 'local', folderPath: '/' } });
  files.push({ id: row.id, disk });
  return row as { id: number; url: string };
}

const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  strapi = await setupStrapi();
  editor = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
  token = await createApiToken(strapi);
});

afterAll(async () => {
  for (const documentId of documents) await strapi.documents(RESOURCE).delete({ documentId, locale: '*' });
  for (const { id, disk } of files) {
    await strapi.db.query(FILE).delete({ where: { id } });
    fs.rmSync(disk, { force: true });
  }
  await teardownStrapi();
});

describe('a report filed in the panel', () => {
  let documentId: string;
  let pdf: { id: number; url: string };

  beforeAll(async () => {
    pdf = await mediaFile('Izvještaj – Čelinac 2012.pdf', 'application/pdf', PDF_BYTES);
    const [celinac] = await strapi.documents('api::municipality.municipality').findMany({ locale: 'bs', status: 'published', filters: { slug: 'celinac' } });
    const created = await contentManagerRequest(editor, 'post', RESOURCE, '?locale=bs').send({
      title: TITLE,
      summary: 'Kako općina planira budžet za djecu.',
      kind: 'model',
      year: 2012,
      file: pdf.id,
      fileLanguages: ['bs', 'en'],
      municipalities: { connect: [{ documentId: celinac.documentId, locale: 'bs' }] },
    });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    documents.push(documentId);
    const published = await contentManagerRequest(editor, 'post', RESOURCE, `/${documentId}/actions/publish?locale=bs`).send({});
    expect(published.status).toBe(200);
  });

  it('is served by REST with its file, languages and place', async () => {
    const response = await api().get('/api/resources').query({ locale: 'bs', populate: 'file,municipalities', 'filters[documentId][$eq]': documentId });
    expect(response.status).toBe(200);
    const [resource] = response.body.data;
    expect(resource).toMatchObject({ title: TITLE, kind: 'model', year: 2012, fileLanguages: ['bs', 'en'], file: { url: pdf.url, mime: 'application/pdf' } });
    expect(resource.municipalities.map((place: Entry) => place.name)).toEqual(['Čelinac']);
    expect(resource).not.toHaveProperty('searchIndex');
  });

  it('is served by GraphQL', async () => {
    const response = await api()
      .post('/graphql')
      .send({ query: `{ resources(locale: "bs", filters: { documentId: { eq: "${documentId}" } }) { title kind year fileLanguages file { url } municipalities { name } } }` });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.resources).toEqual([
      { title: TITLE, kind: 'model', year: 2012, fileLanguages: ['bs', 'en'], file: { url: pdf.url }, municipalities: [{ name: 'Čelinac' }] },
    ]);
  });

  it('is found by `q` whatever the case, diacritics or script', async () => {
    for (const q of ['BUDZETIRANJA celin', 'буџетирања', 'Čelincu model']) {
      const response = await api().get('/api/resources').query({ locale: 'bs', q });
      expect([q, response.body.data.map((resource: Entry) => resource.documentId)]).toEqual([q, [documentId]]);
    }
  });

  it('is in the feeds of new resources, in Cyrillic for sr-Cyrl readers with fallback, and in the sitemap', async () => {
    for (const format of ['rss', 'atom']) {
      const feed = await api().get(`/feeds/resources.bs.${format}`);
      expect(feed.status).toBe(200);
      expect(feed.headers['content-type']).toBe(`application/${format}+xml; charset=utf-8`);
      expect(feed.text).toContain(TITLE);
      expect(feed.text).toContain('Kako općina planira budžet za djecu.');
    }
    const cyrillic = await api().get('/feeds/resources.sr-Cyrl.rss?fallback=true');
    expect(cyrillic.text).toContain('Модел буџетирања за дјецу у Челинцу');
    expect((await api().get('/feeds/resources.sr-Cyrl.rss')).text).not.toContain('Модел');
    expect((await api().get('/sitemap.xml')).text).toContain('/sitemaps/resources-1.xml');
    expect((await api().get('/sitemaps/resources-1.xml')).text).toContain(`/api/resources/${documentId}?locale=bs`);
  });

  it('downloads its PDF under the uploaded name, never shown inline', async () => {
    const response = await api().get(pdf.url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="izvjestaj-celinac-2012.pdf"; filename*=UTF-8''Izvje%C5%A1taj%20%E2%80%93%20%C4%8Celinac%202012.pdf`
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // However the path is spelled.
    for (const spelling of [pdf.url.replace(/\.pdf$/, '.%70df'), pdf.url.replace('/uploads/', '/uploads//')]) {
      const other = await api().get(spelling);
      expect([spelling, other.status, other.headers['content-disposition']?.startsWith('attachment;')]).toEqual([spelling, 200, true]);
    }
  });
});

describe('refused at the field', () => {
  it('a file that is not a PDF, through the panel, REST and the Document Service', async () => {
    const png = await mediaFile('plakat.png', 'image/png', Buffer.from('89504e470d0a1a0a', 'hex'));
    const message = "“plakat.png” is not a PDF (image/png): a resource's file is a PDF";

    const panel = await contentManagerRequest(editor, 'post', RESOURCE, '?locale=bs').send({ title: 'Plakat', kind: 'publication', file: png.id });
    expect(panel.status).toBe(400);
    expect(panel.body.error.message).toBe(message);
    expect(panel.body.error.details.errors[0].path).toEqual(['file']);

    const rest = await api()
      .post('/api/resources')
      .query({ locale: 'bs' })
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Plakat', kind: 'publication', file: png.id } });
    expect(rest.status).toBe(400);
    expect(rest.body.error.message).toBe(message);

    await expect(strapi.documents(RESOURCE).create({ locale: 'bs', data: { title: 'Plakat', kind: 'publication', file: png.id } as never })).rejects.toThrow(message);
    expect(await strapi.db.query(RESOURCE).count({ where: { title: 'Plakat' } })).toBe(0);

    // Nor by changing the file of a resource that has a PDF, in any form Strapi takes.
    const pdf = await mediaFile('Vodič.pdf', 'application/pdf', PDF_BYTES);
    const resource = await strapi.documents(RESOURCE).create({ locale: 'bs', data: { title: 'Vodič s PDF-om', kind: 'guideline', file: pdf.id } as never });
    documents.push(resource.documentId);
    for (const file of [png.id, String(png.id), { id: png.id }, [png.id]]) {
      const update = await api()
        .put(`/api/resources/${resource.documentId}`)
        .query({ locale: 'bs', status: 'draft' })
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { file } });
      expect([file, update.status]).toEqual([file, 400]);
    }
    const stored = await strapi.db.query(RESOURCE).findOne({ where: { documentId: resource.documentId, locale: 'bs' }, populate: { file: true } });
    expect(stored.file.id).toBe(pdf.id);
  });

  it.each([[['de']], [['bs', 'bs']], ['bs'], [{ bs: true }]])('a list of file languages that is not locale codes (%j)', async (fileLanguages) => {
    const response = await api()
      .post('/api/resources')
      .query({ locale: 'bs' })
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Jezici', kind: 'report', fileLanguages } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^The languages of the file are a list of locale codes such as \["bs", "en"\]: /);
    expect(await strapi.db.query(RESOURCE).count({ where: { title: 'Jezici' } })).toBe(0);
  });
});
