/**
 * Preview: the Content Manager asks for a preview link of the version an editor has open and
 * shows the page beside the form. Only admins who may read that version get a link; the link
 * shows the current draft (or the published version) to whoever holds it until it expires, and
 * nothing else: a changed, expired or foreign token gets 401, a deleted document 404. The draft
 * never reaches the public API on the way.
 */
import type { Core } from '@strapi/strapi';
import { asAdmin, contentManagerRequest, createAdminRole, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { env } from '../../src/env';
import { previewKey, signPreviewToken } from '../../src/preview/token';

jest.setTimeout(60_000);

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';

let strapi: Core.Strapi;
let editorJwt: string;
let authorJwt: string;
let outsiderJwt: string;
const created: Array<[string, string]> = [];

/** What the panel asks when the editor opens the preview. */
const previewUrlFor = (jwt: string, uid: string, query: Record<string, string>) => asAdmin(jwt, 'get', `/content-manager/preview/url/${uid}`).query(query);

async function draft(uid: string, locale: string, data: Record<string, unknown>): Promise<string> {
  const response = await contentManagerRequest(editorJwt, 'post', uid, `?locale=${locale}`).send(data);
  expect(response.body.error).toBeUndefined();
  expect(response.status).toBe(201);
  created.push([uid, response.body.data.documentId]);
  return response.body.data.documentId;
}

/** The link the panel would put in its frame, for the editor. */
async function previewLink(uid: string, documentId: string, locale: string, status = 'draft'): Promise<string> {
  const response = await previewUrlFor(editorJwt, uid, { documentId, locale, status });
  expect(response.status).toBe(200);
  expect(response.body.data.url).toMatch(/^\/preview\?token=[\w-]+\.[\w-]+\.[\w-]+$/);
  return response.body.data.url;
}

beforeAll(async () => {
  strapi = await setupStrapi();
  const role = (code: string) => strapi.service('admin::role').findOne({ code });
  editorJwt = await loginAsNewAdmin(strapi, [(await role('strapi-editor')).id]);
  authorJwt = await loginAsNewAdmin(strapi, [(await role('strapi-author')).id]);
  // Someone who may look at workshops only, e.g. an events coordinator.
  const workshopsOnly = await createAdminRole(strapi, 'Workshops only', [{ action: 'plugin::content-manager.explorer.read', subject: WORKSHOP, properties: { locales: ['bs'] } }]);
  outsiderJwt = await loginAsNewAdmin(strapi, [workshopsOnly]);
});

afterAll(async () => {
  for (const [uid, documentId] of created) await strapi.documents(uid as typeof NEWS).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

describe('preview of a news article', () => {
  let documentId: string;
  const title = 'Đačke radionice u Čapljini: nacrt';

  beforeAll(async () => {
    documentId = await draft(NEWS, 'bs', {
      title,
      publicationDate: '2026-11-26',
      dateline: 'Čapljina',
      lead: 'Šezdeset đaka <učilo> je o pravima djece.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Radionice su vodili socijalni radnici iz Žepča.' }] }],
      quotes: [{ text: 'Djeca su pitala sve.', speaker: 'Amra Ćosić', role: 'socijalna radnica' }],
    });
  });

  it('gives the editor a link that shows the draft as a partner page does, never cached', async () => {
    const response = await api().get(await previewLink(NEWS, documentId, 'bs'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(response.text).toContain('<html lang="bs">');
    expect(response.text).toContain(`<h1>${title}</h1>`);
    expect(response.text).toContain('Pregled nacrta: nije objavljeno');
    expect(response.text).toContain('<p class="lead">Šezdeset đaka &lt;učilo&gt; je o pravima djece.</p>');
    expect(response.text).toContain('<p>Radionice su vodili socijalni radnici iz Žepča.</p>');
    expect(response.text).toContain('<footer>Amra Ćosić, socijalna radnica</footer>');
    // The page's style and its refresh script come from this server (the CSP allows nothing else).
    for (const asset of ['/preview/style.css', '/preview/refresh.js']) {
      expect(response.text).toContain(asset);
      expect((await api().get(asset)).status).toBe(200);
    }
    expect((await api().get('/preview/other.js')).status).toBe(404);
  });

  it('keeps the draft out of the public API while it is previewed', async () => {
    expect((await api().get(`/api/news-articles/${documentId}`).query({ locale: 'bs' })).status).toBe(404);
    expect((await api().get('/api/news-articles').query({ locale: 'bs', 'filters[title][$eq]': title })).body.data).toEqual([]);
  });

  it('shows what the editor saved since, through the same link', async () => {
    const link = await previewLink(NEWS, documentId, 'bs');
    expect((await contentManagerRequest(editorJwt, 'put', NEWS, `/${documentId}?locale=bs`).send({ title: `${title} (izmijenjen)` })).status).toBe(200);
    expect((await api().get(link)).text).toContain(`<h1>${title} (izmijenjen)</h1>`);
    expect((await contentManagerRequest(editorJwt, 'put', NEWS, `/${documentId}?locale=bs`).send({ title })).status).toBe(200);
  });

  it('shows each language version in its own language, the Cyrillic one included', async () => {
    const cyrillic = 'Ђачке радионице у Чапљини';
    expect((await contentManagerRequest(editorJwt, 'put', NEWS, `/${documentId}?locale=sr-Cyrl`).send({ title: cyrillic, publicationDate: '2026-11-26' })).status).toBe(200);
    const page = (await api().get(await previewLink(NEWS, documentId, 'sr-Cyrl'))).text;
    expect(page).toContain('<html lang="sr-Cyrl">');
    expect(page).toContain(`<h1>${cyrillic}</h1>`);
    expect(page).toContain('Преглед нацрта: није објављено');
    expect(page).toContain('26. новембар 2026.');
  });

  it('shows the published version or the newer draft, as asked', async () => {
    expect((await contentManagerRequest(editorJwt, 'post', NEWS, `/${documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);
    expect((await contentManagerRequest(editorJwt, 'put', NEWS, `/${documentId}?locale=bs`).send({ title: `${title} 2` })).status).toBe(200);
    const published = (await api().get(await previewLink(NEWS, documentId, 'bs', 'published'))).text;
    expect(published).toContain(`<h1>${title}</h1>`);
    expect(published).toContain('Pregled objavljene verzije');
    // The panel says "modified" for a draft newer than the published version.
    const drafted = (await api().get(await previewLink(NEWS, documentId, 'bs', 'modified'))).text;
    expect(drafted).toContain(`<h1>${title} 2</h1>`);
    expect(drafted).toContain('Pregled nacrta: objavljena verzija može biti drugačija');
  });

  it('gives a link to an Author too, who may read every article', async () => {
    const response = await previewUrlFor(authorJwt, NEWS, { documentId, locale: 'bs', status: 'draft' });
    expect(response.status).toBe(200);
    expect(response.body.data.url).toMatch(/^\/preview\?token=/);
  });

  it('gives no link to an admin who may not read news articles, nor to anyone logged out', async () => {
    const outsider = await previewUrlFor(outsiderJwt, NEWS, { documentId, locale: 'bs', status: 'draft' });
    expect(outsider.status).toBe(204);
    expect(outsider.text).toBe('');
    expect((await api().get(`/content-manager/preview/url/${NEWS}`).query({ documentId, locale: 'bs' })).status).toBe(401);
  });
});

describe('preview links that are not valid', () => {
  let documentId: string;
  let link: string;

  beforeAll(async () => {
    documentId = await draft(NEWS, 'bs', { title: 'Nacrt za provjeru veza', publicationDate: '2026-11-26' });
    link = await previewLink(NEWS, documentId, 'bs');
  });

  const refused = async (path: string, message: RegExp) => {
    const response = await api().get(path);
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
    expect(response.body.error.message).toMatch(message);
    expect(response.text).not.toContain('Nacrt za provjeru veza');
  };

  it('are refused when changed in any way, or missing', async () => {
    const token = link.slice('/preview?token='.length);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, locale: 'en', exp: claims.exp + 86_400 })).toString('base64url');
    await refused(`/preview?token=${header}.${forged}.${signature}`, /not a valid preview link/);
    await refused(`/preview?token=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, /not a valid preview link/);
    await refused('/preview', /not a valid preview link/);
    await refused('/preview?token[]=x', /not a valid preview link/);
  });

  it('are refused once expired', async () => {
    const expired = signPreviewToken({ uid: NEWS, documentId, locale: 'bs', status: 'draft' }, previewKey(env.ADMIN_JWT_SECRET), -1);
    await refused(`/preview?token=${expired}`, /expired/);
  });

  it('are refused when signed with another key', async () => {
    const foreign = signPreviewToken({ uid: NEWS, documentId, locale: 'bs', status: 'draft' }, previewKey('some-other-installation-secret-0123456789'));
    await refused(`/preview?token=${foreign}`, /not a valid preview link/);
  });

  it('show nothing once the document is deleted', async () => {
    expect((await contentManagerRequest(editorJwt, 'delete', NEWS, `/${documentId}?locale=*`)).status).toBe(200);
    const response = await api().get(link);
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
  });
});

describe('preview of other types', () => {
  it('shows a workshop with its dates and place', async () => {
    const documentId = await draft(WORKSHOP, 'bs', {
      title: 'Radionica o vođenju slučaja u Šekovićima',
      startDate: '2026-12-03',
      startTime: '09:30:00.000',
      endTime: '15:00:00.000',
      city: 'Šekovići',
      venue: 'Centar za socijalni rad',
      audience: 'Stručnjaci centara za socijalni rad',
    });
    const page = (await api().get(await previewLink(WORKSHOP, documentId, 'bs'))).text;
    expect(page).toContain('<h1>Radionica o vođenju slučaja u Šekovićima</h1>');
    expect(page).toContain('<dt>Gdje</dt><dd>Centar za socijalni rad, Šekovići</dd>');
    expect(page).toMatch(/<dt>Kada<\/dt><dd>[^<]*2026[^<]*, 09:30–15:00<\/dd>/);
  });

  it('shows a page with its text and photo credit, in Cyrillic for its sr-Cyrl version', async () => {
    const documentId = await draft('api::page.page', 'sr-Cyrl', {
      title: 'Шта је социјална заштита?',
      summary: 'Кратак увод за родитеље.',
      heroCredit: '© UNICEF/BiH/Anthony Asael',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Социјална заштита је систем мјера.' }] }],
    });
    const page = (await api().get(await previewLink('api::page.page', documentId, 'sr-Cyrl'))).text;
    expect(page).toContain('<h1>Шта је социјална заштита?</h1>');
    expect(page).toContain('<p class="lead">Кратак увод за родитеље.</p>');
    expect(page).toContain('<p>Социјална заштита је систем мјера.</p>');
    expect(page).toContain('<p class="meta">Фотографија: © UNICEF/BiH/Anthony Asael</p>');
    expect((await api().get('/api/pages').query({ locale: 'sr-Cyrl', 'filters[documentId][$eq]': documentId })).body.data).toEqual([]);
  });

  it('offers no preview for types partner sites do not show as pages', async () => {
    const [municipality] = await strapi.documents('api::municipality.municipality').findMany({ locale: 'bs', limit: 1 });
    const response = await previewUrlFor(editorJwt, 'api::municipality.municipality', { documentId: municipality.documentId, locale: 'bs' });
    expect(response.status).toBe(204);
  });
});
