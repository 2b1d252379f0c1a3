/**
 * The cover image is one file for all language versions; its description (alt text) is written
 * per version. A version with a cover is not published without one, whether published from the
 * admin panel or through the API, and a refused publish leaves nothing half-written. Readers of
 * each language get the description in theirs. Images in the body need the alternative text
 * they were inserted with.
 */
import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { asAdmin, contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

jest.setTimeout(60_000);

const NEWS = 'api::news-article.news-article';

let strapi: Core.Strapi;
let editorJwt: string;
let token: string;
let coverId: number;
let coverFile: Record<string, unknown>;
const cleanup: Array<() => Promise<unknown>> = [];

const contentManager = (method: 'get' | 'post' | 'put' | 'delete', path: string) => contentManagerRequest(editorJwt, method, NEWS, path);
const publicArticle = (documentId: string, locale: string) => api().get(`/api/news-articles/${documentId}`).query({ locale, populate: 'cover' });

beforeAll(async () => {
  strapi = await setupStrapi();
  editorJwt = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
  token = await createApiToken(strapi);
  const upload = await asAdmin(editorJwt, 'post', '/upload').attach('files', fs.readFileSync('favicon.png'), { filename: 'radionica-žepče.png', contentType: 'image/png' });
  expect(upload.status).toBe(201);
  coverId = upload.body[0].id;
  coverFile = upload.body[0];
  cleanup.push(() => strapi.plugin('upload').service('upload').remove(upload.body[0]));
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await teardownStrapi();
});

type ErrorResponse = { status: number; body: { error?: { name: string; message: string; details?: { errors?: { path: string[] }[] } } } };

const expectAltTextError = (response: ErrorResponse, field: string, message: string) => {
  expect(response.status).toBe(400);
  expect(response.body.error).toMatchObject({ name: 'ValidationError', message });
  // The panel shows the message under the field.
  expect(response.body.error?.details?.errors?.[0].path).toEqual([field]);
};
const expectCoverAltError = (response: ErrorResponse, locale: string) =>
  expectAltTextError(response, 'coverAlt', `The ${locale} version has a cover image: describe what it shows in “Cover image description”, in this language, before publishing`);

describe('publishing from the admin panel', () => {
  let documentId: string;

  beforeAll(async () => {
    const created = await contentManager('post', '?locale=bs').send({ title: 'Radionica u Žepču', publicationDate: '2026-11-25', cover: coverId });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    cleanup.push(() => strapi.documents(NEWS).delete({ documentId, locale: '*' }));
  });

  it('refuses a version with a cover and no description, and publishes nothing', async () => {
    expectCoverAltError(await contentManager('post', `/${documentId}/actions/publish?locale=bs`).send({}), 'bs');
    expect((await publicArticle(documentId, 'bs')).status).toBe(404);
    const stored = await strapi.documents(NEWS).findOne({ documentId, locale: 'bs', status: 'draft' });
    expect(stored?.title).toBe('Radionica u Žepču');
  });

  it('publishes it once described, and each language version needs its own description', async () => {
    const bs = await contentManager('post', `/${documentId}/actions/publish?locale=bs`).send({ coverAlt: 'Djeca i roditelji na radionici u Žepču' });
    expect(bs.status).toBe(200);

    // The English version shares the cover but not its description.
    expect((await contentManager('put', `/${documentId}?locale=en`).send({ title: 'Workshop in Žepče', publicationDate: '2026-11-25' })).status).toBe(200);
    expectCoverAltError(await contentManager('post', `/${documentId}/actions/publish?locale=en`).send({}), 'en');
    expect((await publicArticle(documentId, 'en')).status).toBe(404);
    expect((await contentManager('post', `/${documentId}/actions/publish?locale=en`).send({ coverAlt: 'Children and parents at the workshop in Žepče' })).status).toBe(200);

    const [bsPublic, enPublic] = [await publicArticle(documentId, 'bs'), await publicArticle(documentId, 'en')];
    expect(bsPublic.body.data.coverAlt).toBe('Djeca i roditelji na radionici u Žepču');
    expect(enPublic.body.data.coverAlt).toBe('Children and parents at the workshop in Žepče');
    expect(enPublic.body.data.cover.id).toBe(bsPublic.body.data.cover.id);
  });

  it('refuses to publish a change that empties the description', async () => {
    expectCoverAltError(await contentManager('post', `/${documentId}/actions/publish?locale=bs`).send({ coverAlt: '  ' }), 'bs');
    expect((await publicArticle(documentId, 'bs')).body.data.coverAlt).toBe('Djeca i roditelji na radionici u Žepču');
  });
});

describe('publishing through the API', () => {
  const byToken = (method: 'post' | 'put', path: string) => api()[method](path).set('Authorization', `Bearer ${token}`);

  it('refuses an article created published with a cover and no description, leaving no draft behind', async () => {
    const title = 'Bez opisa naslovne slike';
    const response = await byToken('post', '/api/news-articles')
      .query({ locale: 'bs' })
      .send({ data: { title, publicationDate: '2026-11-25', cover: coverId } });
    expectCoverAltError(response, 'bs');
    expect(await strapi.documents(NEWS).findMany({ locale: 'bs', status: 'draft', filters: { title } })).toEqual([]);
  });

  it('publishes it with a description, and without a cover none is needed', async () => {
    const described = await byToken('post', '/api/news-articles')
      .query({ locale: 'bs' })
      .send({ data: { title: 'S opisom slike', publicationDate: '2026-11-25', cover: coverId, coverAlt: 'Učesnici radionice' } });
    expect(described.status).toBe(201);
    cleanup.push(() => strapi.documents(NEWS).delete({ documentId: described.body.data.documentId, locale: '*' }));
    const plain = await byToken('post', '/api/news-articles')
      .query({ locale: 'bs' })
      .send({ data: { title: 'Bez slike', publicationDate: '2026-11-25' } });
    expect(plain.status).toBe(201);
    cleanup.push(() => strapi.documents(NEWS).delete({ documentId: plain.body.data.documentId, locale: '*' }));
  });
});

describe('images in the body', () => {
  const imageBlock = (alternativeText: string | null) => ({ type: 'image', image: { ...coverFile, alternativeText }, children: [{ type: 'text', text: '' }] });
  const body = (alternativeText: string | null) => [{ type: 'paragraph', children: [{ type: 'text', text: 'Radionica u Žepču.' }] }, imageBlock(alternativeText)];

  it('are published only with the alternative text they were inserted with', async () => {
    const created = await contentManager('post', '?locale=bs').send({ title: 'Slika u tekstu', publicationDate: '2026-11-25', body: body(null) });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    cleanup.push(() => strapi.documents(NEWS).delete({ documentId, locale: '*' }));

    expectAltTextError(
      await contentManager('post', `/${documentId}/actions/publish?locale=bs`).send({}),
      'body',
      'The bs version has an image "radionica-žepče.png" in the body without alternative text: give it one in the Media Library, then insert the image again'
    );
    expect((await publicArticle(documentId, 'bs')).status).toBe(404);

    expect((await contentManager('post', `/${documentId}/actions/publish?locale=bs`).send({ body: body('Roditelji i djeca crtaju') })).status).toBe(200);
    const published = await publicArticle(documentId, 'bs');
    expect(published.body.data.body[1].image.alternativeText).toBe('Roditelji i djeca crtaju');
  });
});
