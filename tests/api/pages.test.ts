/**
 * The site around the programme facts: the seed pages and menu served in the languages they are
 * written in, pages found by their path, the menu as one tree, each along the fallback chain
 * with its sources named; what is unpublished (the sections the sources give no text for, a
 * page under an unpublished parent) is nowhere.
 */
import type { Core } from '@strapi/strapi';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read field by field in assertions
type Entry = Record<string, any>;

const PAGE = 'api::page.page';
const MENU_ITEM = 'api::menu-item.menu-item';
const SECTION = 'social-protection-and-inclusion-system';
const CONTRIBUTE = `${SECTION}/how-the-project-would-contribute`;

let strapi: Core.Strapi;
const made: Array<{ uid: typeof PAGE | typeof MENU_ITEM; documentId: string }> = [];

beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(async () => {
  for (const { uid, documentId } of made.reverse()) await strapi.documents(uid).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

const byPath = (path: string, query: Record<string, string> = {}) => api().get(`/api/pages/by-path/${path}`).query(query);
const navigation = (query: Record<string, string> = {}) => api().get('/api/navigation').query(query);
const text = (blocks: Entry[]) => blocks.map((block) => block.children.map((child: Entry) => child.text ?? child.children?.map((inner: Entry) => inner.text).join('')).join('|'));

describe('the seed pages', () => {
  it('serve the seed 000 summary in English, word for word', async () => {
    const response = await byPath('programme-summary', { locale: 'en' });
    expect(response.status).toBe(200);
    const page = response.body.data;
    expect(page.title).toBe('Programme Summary (III Phase)');
    expect(page.path).toBe('programme-summary');
    expect(page.locale).toBe('en');
    expect(text(page.body)).toHaveLength(4);
    expect(text(page.body)[0]).toMatch(/^The Programme for Enhancing the Social Protection and Inclusion System for Children in BiH \(the SPIS programme\) is a multi-year/);
    expect(text(page.body)[2]).toContain('It is expected that the SPIS programme will support at least 5,000 children and their parents');
    expect(page).not.toHaveProperty('searchIndex');
  });

  it('keep the Bosnian heading of the summary as a draft: Bosnian readers asking for fallback get the English page, marked so', async () => {
    const draft = await strapi.documents(PAGE).findFirst({ locale: 'bs', status: 'draft', filters: { slug: 'sazetak-iii-faza-spis-programa' } });
    expect(draft?.title).toBe('Sažetak (III faza SPIS programa)');
    expect(await strapi.documents(PAGE).findFirst({ locale: 'bs', status: 'published', filters: { slug: 'sazetak-iii-faza-spis-programa' } })).toBeNull();

    const response = await byPath('programme-summary', { locale: 'bs', fallback: 'true' });
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('Programme Summary (III Phase)');
    expect(response.body.data.localeSources.title).toEqual({ locale: 'en' });
    expect(response.body.meta.alternates).toEqual([{ locale: 'en', path: 'programme-summary' }]);

    expect((await byPath('programme-summary', { locale: 'bs' })).status).toBe(404);
    expect((await byPath('sazetak-iii-faza-spis-programa', { locale: 'bs' })).status).toBe(404);
  });

  it('serve the seed 003 section with its text, list, credit and place in the tree', async () => {
    const response = await byPath(CONTRIBUTE, { locale: 'en' });
    expect(response.status).toBe(200);
    const { data: page, meta } = response.body;
    expect(page.title).toBe('How the project would contribute to the social protection and inclusion system in BiH?');
    expect(page.heroCredit).toBe('© UNICEF/BiH/Anthony Asael');
    expect(text(page.body)[0]).toMatch(/^Starting from the stance that the social protection and inclusion system must be integrated/);
    expect(page.body[1]).toMatchObject({ type: 'list', format: 'ordered' });
    expect(page.body[1].children.map((item: Entry) => item.children[0].text)).toEqual([
      'at the level of community;',
      'at the level of social protection institutions (institutions for education, health and social welfare);',
      'at the level of development and policy making (entity, state, cantonal ministries and institutions).',
    ]);
    expect(meta.breadcrumbs).toEqual([expect.objectContaining({ title: 'The Social Protection and Inclusion System in Bosnia and Herzegovina', path: SECTION })]);

    // The section lists only the sub-page the sources give text for; the other four are drafts.
    const parent = await byPath(SECTION, { locale: 'en' });
    expect(parent.body.meta.children.map((child: Entry) => child.path)).toEqual([CONTRIBUTE]);
    const drafts = await strapi.documents(PAGE).findMany({ locale: 'en', status: 'draft', filters: { parent: { slug: SECTION } }, sort: 'position:asc' });
    expect(drafts.map((draft) => draft.title)).toEqual([
      'What is Social Protection?',
      'What does the social protection and inclusion means for the project?',
      'How the project would contribute to the social protection and inclusion system in BiH?',
      'Project goals',
      'Project components',
    ]);
    expect((await byPath(`${SECTION}/what-is-social-protection`, { locale: 'en' })).status).toBe(404);
  });

  it('left the seed 003 text out of the programme description, which keeps what describes the programme', async () => {
    const [programme] = await strapi.documents('api::programme.programme').findMany({ locale: 'en', status: 'published' });
    const description = text(programme.description as Entry[]).join('\n');
    expect(description).toContain('The SPIS programme has been implemented since 2008 in whole Bosnia and Herzegovina');
    expect(description).not.toContain('Starting from the stance');
  });
});

describe('the menu', () => {
  it('serves the seed 000 items that lead to a published page, in English, and nothing empty', async () => {
    const response = await navigation({ locale: 'en' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      {
        documentId: expect.any(String),
        label: 'Social Protection and Inclusion Systems for Children',
        locale: 'en',
        localeSources: { label: { locale: 'en' } },
        target: { type: 'page', documentId: expect.any(String), path: SECTION, title: 'The Social Protection and Inclusion System in Bosnia and Herzegovina' },
        children: [],
      },
    ]);
    const drafts = await strapi.documents(MENU_ITEM).findMany({ locale: 'en', status: 'draft', sort: 'position:asc' });
    expect(drafts.map((item) => item.label)).toEqual([
      'About SPIS',
      'Social Protection and Inclusion Systems for Children',
      'SPIS Programme at Local Level',
      'SPIS Resources',
      'Advocacy and Promotion of Child Rights',
    ]);
  });

  it('falls back along the chain for Bosnian and Cyrillic readers, naming the source, and not without fallback', async () => {
    for (const locale of ['bs', 'sr-Cyrl']) {
      const response = await navigation({ locale, fallback: 'true' });
      expect(response.status).toBe(200);
      expect(response.headers['content-language']).toBe(locale);
      expect(response.body.data.map((item: Entry) => [item.label, item.localeSources.label])).toEqual([['Social Protection and Inclusion Systems for Children', { locale: 'en' }]]);
    }
    // Fallback is off unless asked for (config/locales.ts), as for every read.
    expect((await navigation({ locale: 'bs' })).body.data).toEqual([]);
  });

  it('leads only to pages that answer, so a partner site can build every link from it', async () => {
    for (const locale of ['bs', 'en', 'sr-Cyrl']) {
      const { body } = await navigation({ locale, fallback: 'true' });
      const paths = (items: Entry[]): string[] => items.flatMap((item) => [...(item.target.type === 'page' ? [item.target.path] : []), ...paths(item.children)]);
      for (const path of paths(body.data)) expect([locale, path, (await byPath(path, { locale, fallback: 'true' })).status]).toEqual([locale, path, 200]);
    }
  });
});

describe('pages written by staff', () => {
  /** A published page (and its document), made through the Document Service as the panel writes. */
  async function publishPage(data: Entry, locale = 'bs') {
    const page = await strapi.documents(PAGE).create({ locale, data: data as never, status: 'published' });
    made.push({ uid: PAGE, documentId: page.documentId });
    return page;
  }

  it('are served in Cyrillic to sr-Cyrl readers, with their Latin slugs, nested under their parent', async () => {
    const parent = await publishPage({ title: 'Šta radimo', position: 7 });
    const child = await publishPage({ title: 'Ćerka i sin: podrška porodicama', parent: parent.documentId });
    expect([parent.slug, child.slug]).toEqual(['sta-radimo', 'cerka-i-sin-podrska-porodicama']);

    const cyrillic = await byPath('sta-radimo/cerka-i-sin-podrska-porodicama', { locale: 'sr-Cyrl', fallback: 'true' });
    expect(cyrillic.status).toBe(200);
    expect(cyrillic.body.data.title).toBe('Ћерка и син: подршка породицама');
    expect(cyrillic.body.data.localeSources.title).toEqual({ locale: expect.any(String), transliterated: true });
    expect(cyrillic.body.meta.breadcrumbs.map((crumb: Entry) => crumb.title)).toEqual(['Шта радимо']);
    const found = await api().get('/api/pages').query({ locale: 'bs', q: 'ЋЕРКА podrska' });
    expect(found.body.data.map((page: Entry) => page.documentId)).toEqual([child.documentId]);
    const bs = await byPath('/sta-radimo/cerka-i-sin-podrska-porodicama/', { locale: 'bs' });
    expect(bs.body.data.title).toBe('Ćerka i sin: podrška porodicama');
    expect(bs.body.meta.alternates).toEqual([{ locale: 'bs', path: 'sta-radimo/cerka-i-sin-podrska-porodicama' }]);
  });

  it('keep their places: a section is unpublished after its sub-pages, a page after its menu items, and then all are gone', async () => {
    const parent = await publishPage({ title: 'Privremena sekcija' });
    const child = await publishPage({ title: 'Privremena podstranica', parent: parent.documentId });
    const item = await strapi.documents(MENU_ITEM).create({ locale: 'bs', data: { label: 'Privremeno', page: child.documentId, position: 9 } as never, status: 'published' });
    made.push({ uid: MENU_ITEM, documentId: item.documentId });

    expect((await byPath('privremena-sekcija/privremena-podstranica')).status).toBe(200);
    expect((await navigation({ locale: 'bs' })).body.data.map((entry: Entry) => entry.label)).toContain('Privremeno');

    // Unpublished first, the section would leave its sub-page published at the top of the site,
    // and the page would leave its menu item leading nowhere.
    await expect(strapi.documents(PAGE).unpublish({ documentId: parent.documentId, locale: 'bs' })).rejects.toThrow(
      'Unpublish or move its published sub-pages first: “Privremena podstranica”'
    );
    await expect(strapi.documents(PAGE).unpublish({ documentId: child.documentId, locale: 'bs' })).rejects.toThrow(
      'Unpublish or change the published menu items leading to it first: “Privremeno”'
    );
    expect((await byPath('privremena-sekcija/privremena-podstranica')).status).toBe(200);

    await strapi.documents(MENU_ITEM).unpublish({ documentId: item.documentId, locale: 'bs' });
    await strapi.documents(PAGE).unpublish({ documentId: child.documentId, locale: 'bs' });
    await strapi.documents(PAGE).unpublish({ documentId: parent.documentId, locale: 'bs' });
    for (const path of ['privremena-sekcija/privremena-podstranica', 'privremena-podstranica', 'privremena-sekcija']) expect((await byPath(path)).status).toBe(404);
    expect((await navigation({ locale: 'bs' })).body.data.map((entry: Entry) => entry.label)).not.toContain('Privremeno');

    // Nor is a page published under a draft (it would land at the top), or a menu item before its page (it would lead nowhere).
    const draftChild = await strapi.documents(PAGE).create({ locale: 'bs', data: { title: 'Ispod nacrta', parent: parent.documentId } as never });
    made.push({ uid: PAGE, documentId: draftChild.documentId });
    await expect(strapi.documents(PAGE).publish({ documentId: draftChild.documentId, locale: 'bs' })).rejects.toThrow(
      'Publish its parent “Privremena sekcija” first, in this language: pages are published under a published parent'
    );
    await expect(strapi.documents(MENU_ITEM).publish({ documentId: item.documentId, locale: 'bs' })).rejects.toThrow(
      'Publish the page “Privremena podstranica” first, in this language: a menu item is published leading to a published page'
    );
    expect((await byPath('ispod-nacrta')).status).toBe(404);
  });
});

describe('the tree stays a tree', () => {
  const LOOP = 'A page cannot sit under itself or under a page below it: choose a parent outside its branch';

  /** A draft page and one under it; the `write` that would put the top one under the lower one must be refused, writing nothing. */
  async function expectLoopRefused(titles: [string, string], write: (top: string, below: string) => { documentId: string; data: Record<string, unknown> }) {
    const top = await strapi.documents(PAGE).create({ locale: 'bs', data: { title: titles[0] } as never });
    made.push({ uid: PAGE, documentId: top.documentId });
    const below = await strapi.documents(PAGE).create({ locale: 'bs', data: { title: titles[1], parent: top.documentId } as never });
    made.push({ uid: PAGE, documentId: below.documentId });

    const { documentId, data } = write(top.documentId, below.documentId);
    const response = await api()
      .put(`/api/pages/${documentId}`)
      .query({ locale: 'bs', status: 'draft' })
      .set('Authorization', `Bearer ${await createApiToken(strapi)}`)
      .send({ data });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(LOOP);
    const stored = await strapi.db.query(PAGE).findOne({ where: { documentId: top.documentId, locale: 'bs' }, populate: { parent: true } });
    expect(stored.parent).toBeNull();
    return top.documentId;
  }

  it('refuses a parent below the page itself, through REST and the Document Service, writing nothing', async () => {
    const top = await expectLoopRefused(['Vrh stabla', 'Ispod vrha'], (topId, belowId) => ({ documentId: topId, data: { parent: { connect: [belowId] } } }));
    await expect(strapi.documents(PAGE).update({ documentId: top, locale: 'bs', data: { parent: top } as never })).rejects.toThrow(LOOP);
  });

  it('refuses the same loop made from the other side, by giving the lower page the top one as a child', async () => {
    await expectLoopRefused(['Gornja strana', 'Donja strana'], (topId, belowId) => ({ documentId: belowId, data: { children: { connect: [topId] } } }));
  });
});

describe('pages among the other reads', () => {
  it('are found by `q` whatever the case, diacritics or script', async () => {
    const latin = await api().get('/api/pages').query({ locale: 'en', q: 'PILOT experiences' });
    expect(latin.body.data.map((page: Entry) => page.slug)).toEqual(['how-the-project-would-contribute']);
    const cyrillic = await api().get('/api/pages').query({ locale: 'en', q: 'пилот' });
    expect(cyrillic.body.data.map((page: Entry) => page.slug)).toEqual(['how-the-project-would-contribute']);
  });

  it('are in the sitemap with their languages, the drafts and the menu items not', async () => {
    const index = await api().get('/sitemap.xml');
    expect(index.text).toContain('/sitemaps/pages-1.xml');
    expect(index.text).not.toContain('menu-items');
    const sitemap = (await api().get('/sitemaps/pages-1.xml')).text;
    const published = await strapi.documents(PAGE).findMany({ locale: 'en', status: 'published', fields: ['slug'] });
    const drafts = await strapi.documents(PAGE).findMany({ locale: 'en', status: 'draft', filters: { slug: { $in: ['about-spis', 'project-goals'] } }, fields: ['slug'] });
    expect(published.map((page) => page.slug)).toEqual(expect.arrayContaining(['programme-summary', SECTION, 'how-the-project-would-contribute']));
    for (const page of published) expect(sitemap).toContain(`/api/pages/${page.documentId}?locale=en`);
    expect(drafts).toHaveLength(2);
    for (const page of drafts) expect(sitemap).not.toContain(page.documentId);
  });
});

describe('bad requests', () => {
  it.each([
    ['a path that is not slugs', '/api/pages/by-path/About_SPIS', 'path'],
    ['an unknown locale', '/api/pages/by-path/programme-summary?locale=de', 'locale'],
    ['all locales at once', '/api/pages/by-path/programme-summary?locale=*', 'locale'],
    ['a parameter the read does not take', '/api/pages/by-path/programme-summary?populate=*', 'populate'],
    ['a malformed fallback', '/api/navigation?fallback=yes', 'fallback'],
  ])('answer 400 with a JSON error for %s', async (_case, url, word) => {
    const response = await api().get(url);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toContain(word);
  });

  it('answer 404 with a JSON error for a path with no page', async () => {
    const response = await byPath('no/such/page', { locale: 'en' });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('No published page at "no/such/page" in en');
  });
});

describe('GraphQL', () => {
  it('serves pages and menu items like the other types', async () => {
    const response = await api()
      .post('/graphql')
      .send({ query: '{ pages(locale: "en", filters: { slug: { eq: "programme-summary" } }) { title parent { title } } menuItems(locale: "en") { label page { slug } } }' });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.pages).toEqual([{ title: 'Programme Summary (III Phase)', parent: null }]);
    expect(response.body.data.menuItems).toEqual([{ label: 'Social Protection and Inclusion Systems for Children', page: { slug: SECTION } }]);
  });
});
