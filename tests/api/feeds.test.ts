/**
 * Feeds as a feed reader, calendar or partner site fetches them: news as RSS 2.0 and Atom 1.0
 * per locale (parsed with an independent XML parser), workshops as iCalendar (parsed with
 * Mozilla's ical.js); published versions only; links that lead to the document; ETag and
 * Last-Modified answered with 304 until something is published.
 */
import type { Core } from '@strapi/strapi';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import request from 'supertest';
import { api, createApiToken, listen, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { IATI_ACTIVITIES_XSD, validateXml } from '../helpers/xml-schema';

const NEWS = 'api::news-article.news-article';
const WORKSHOP = 'api::workshop.workshop';
const DRAFT_WORDS = 'Nacrt za feed';

let strapi: Core.Strapi;
let fullAccess: string;
/** One listening origin: feed links are absolute, so the host must stay the same between requests. */
let origin: string;
const get = (path: string) => request(origin).get(path);
const created: { uid: typeof NEWS | typeof WORKSHOP; documentId: string }[] = [];
/** Documents that exist only as drafts: no feed may show them. */
const drafts: string[] = [];

const write = (method: 'post' | 'put', path: string, query: Record<string, string>, data: Record<string, unknown>) =>
  api()[method](path).set('Authorization', `Bearer ${fullAccess}`).query(query).send({ data });

const fetchFeed = async (path: string) => {
  const response = await get(path)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
  const xml = response.body as string;
  expect(XMLValidator.validate(xml)).toBe(true);
  return { response, doc: new XMLParser({ ignoreAttributes: false }).parse(xml) };
};
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

beforeAll(async () => {
  strapi = await setupStrapi();
  fullAccess = await createApiToken(strapi, 'full-access');
  origin = await listen(strapi);
  const draft = await write('post', '/api/news-articles', { locale: 'bs', status: 'draft' }, { title: `${DRAFT_WORDS}: Šamac`, publicationDate: '2026-11-23' });
  expect(draft.status).toBe(201);
  created.push({ uid: NEWS, documentId: draft.body.data.documentId });
  drafts.push(draft.body.data.documentId);
  const draftWorkshop = await write('post', '/api/workshops', { locale: 'bs', status: 'draft' }, { title: `${DRAFT_WORDS}: radionica`, startDate: '2026-12-02' });
  expect(draftWorkshop.status).toBe(201);
  created.push({ uid: WORKSHOP, documentId: draftWorkshop.body.data.documentId });
  drafts.push(draftWorkshop.body.data.documentId);
});

afterAll(async () => {
  for (const { uid, documentId } of created) await strapi.documents(uid).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

it.each(['bs', 'sr-Cyrl', 'en'])('lists the published %s news in RSS 2.0, newest first, as the API has them', async (locale) => {
  const { response, doc } = await fetchFeed(`/feeds/news.${locale}.rss`);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
  const items = asList(doc.rss.channel.item) as { title: string; link: string; pubDate: string }[];
  const published = await api().get(`/api/news-articles?locale=${locale}&sort[0]=publicationDate:desc&sort[1]=title:asc&pagination[pageSize]=50`);
  expect(items.map((item) => item.title)).toEqual(published.body.data.map((article: { title: string }) => article.title));
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(item.link.startsWith(`${origin}/api/news-articles/`)).toBe(true);
  }
  expect(JSON.stringify(doc)).not.toContain(DRAFT_WORDS);
});

it('writes Serbian Cyrillic and Bosnian diacritics through unchanged, and its links lead to the article', async () => {
  const { doc } = await fetchFeed('/feeds/news.sr-Cyrl.atom');
  const entries = asList(doc.feed.entry) as { title: { '#text': string }; link: { '@_href': string }; updated: string }[];
  const [first] = entries;
  expect(first.title['#text']).toMatch(/[\u0400-\u04FF]/);
  expect(first.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const link = new URL(first.link['@_href']);
  const article = await api().get(`${link.pathname}${link.search}`);
  expect(article.status).toBe(200);
  expect(article.body.data.title).toBe(first.title['#text']);

  const bosnian = await fetchFeed('/feeds/news.bs.atom');
  expect(JSON.stringify(bosnian.doc)).toMatch(/[čćđšž]/);
});

it('fills a language gap along the fallback chain with ?fallback=true, as the REST API does', async () => {
  const bosnianOnly = await write('post', '/api/news-articles', { locale: 'bs' }, { title: 'Radionica u Čelincu o djeci', publicationDate: '2026-11-25' });
  expect(bosnianOnly.status).toBe(201);
  created.push({ uid: NEWS, documentId: bosnianOnly.body.data.documentId });

  const titles = async (path: string) => asList((await fetchFeed(path)).doc.rss.channel.item).map((item) => (item as { title: string }).title);
  const plain = await titles('/feeds/news.sr-Cyrl.rss');
  const filled = await titles('/feeds/news.sr-Cyrl.rss?fallback=true');
  const rest = await api().get('/api/news-articles?locale=sr-Cyrl&fallback=true&sort[0]=publicationDate:desc&sort[1]=title:asc&pagination[pageSize]=50');
  expect(filled).toEqual(rest.body.data.map((article: { title: string }) => article.title));
  expect(plain).not.toContain('Радионица у Челинцу о дјеци');
  // The Bosnian-only article reaches a Cyrillic reader transliterated, not in Latin.
  expect(filled).toContain('Радионица у Челинцу о дјеци');
  expect(filled.length).toBeGreaterThan(plain.length);
  expect(await titles('/feeds/news.sr-Cyrl.rss?fallback=false')).toEqual(plain);

  const bad = await get('/feeds/workshops.hr.ics?fallback=maybe');
  expect(bad.status).toBe(400);
  expect(bad.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: 'fallback must be true or false' });
});

it('answers 304 to a reader that has the current version, and a new ETag once news is published', async () => {
  const first = await get('/feeds/news.hr.rss');
  const { etag, 'last-modified': lastModified } = first.headers;
  expect(etag).toMatch(/^"[^"]+"$/);
  expect(new Date(lastModified).toUTCString()).toBe(lastModified);
  expect((await get('/feeds/news.hr.rss').set('If-None-Match', etag)).status).toBe(304);
  expect((await get('/feeds/news.hr.rss').set('If-Modified-Since', lastModified)).status).toBe(304);

  const article = await write('post', '/api/news-articles', { locale: 'hr' }, { title: 'Nova radionica u Žepču', publicationDate: '2026-11-24' });
  expect(article.status).toBe(201);
  created.push({ uid: NEWS, documentId: article.body.data.documentId });
  const changed = await get('/feeds/news.hr.rss').set('If-None-Match', etag);
  expect(changed.status).toBe(200);
  expect(changed.headers.etag).not.toBe(etag);
  expect(changed.text).toContain('Nova radionica u Žepču');
});

describe('workshops as iCalendar', () => {
  const calendar = async (locale: string) => {
    const response = await get(`/feeds/workshops.${locale}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const component = new ICAL.Component(ICAL.parse(response.text));
    return { response, component, events: component.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event)) };
  };

  it.each(['bs', 'en'])('holds every published, dated %s workshop, its UID made from the document (so every language agrees)', async (locale) => {
    const { events, response } = await calendar(locale);
    // A workshop without a date cannot be put in a calendar.
    const published = (await api().get(`/api/workshops?locale=${locale}&filters[startDate][$notNull]=true&pagination[pageSize]=100`)).body.data as {
      documentId: string;
      title: string;
    }[];
    expect(published.length).toBeGreaterThan(0);
    const byUid = new Map(events.map((event) => [event.uid, event.summary]));
    expect(byUid).toEqual(new Map(published.map((workshop) => [`${workshop.documentId}@${new URL(origin).host}`, workshop.title])));
    expect(response.text).not.toContain(DRAFT_WORDS);
    expect(events.every((event) => event.startDate.isDate)).toBe(true); // the seeded workshops have dates only
  });

  it('puts a timed workshop in Europe/Sarajevo with its VTIMEZONE, at the wall-clock time the editor entered', async () => {
    const timed = await write(
      'post',
      '/api/workshops',
      { locale: 'sr-Cyrl' },
      {
        title: 'Радионица у Шамцу',
        startDate: '2026-12-03',
        endDate: '2026-12-03',
        startTime: '10:00:00.000',
        endTime: '15:30:00.000',
        timeZone: 'Europe/Sarajevo',
        city: 'Шамац',
        geo: { lat: 45.0603, lon: 18.4661 },
      }
    );
    expect(timed.status).toBe(201);
    created.push({ uid: WORKSHOP, documentId: timed.body.data.documentId });
    const { component, events } = await calendar('sr-Cyrl');
    expect(component.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Sarajevo');
    const event = events.find((candidate) => candidate.summary === 'Радионица у Шамцу')!;
    expect(event.location).toBe('Шамац');
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Sarajevo');
    expect(event.startDate.toString()).toBe('2026-12-03T10:00:00');
    expect(event.endDate.toString()).toBe('2026-12-03T15:30:00');
    expect(event.uid).toBe(`${timed.body.data.documentId}@${new URL(origin).host}`);
  });
});

describe('sitemap.xml', () => {
  type Url = { loc: string; lastmod: string; 'xhtml:link': { '@_hreflang': string; '@_href': string }[] };
  let urls: Url[];
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'xhtml:link', 'sitemap'].includes(name) });
  const getXml = async (path: string) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(response.text)).toBe(true);
    return parser.parse(response.text);
  };

  /** The types with published documents in the seed: every one but menu items, which lead to pages. */
  const SITEMAP_TYPES = ['programmes', 'phases', 'municipalities', 'workshops', 'news-articles', 'contacts', 'pages', 'results', 'indicators'];

  beforeAll(async () => {
    const { sitemapindex } = await getXml('/sitemap.xml');
    const files = (sitemapindex.sitemap as { loc: string }[]).map((sitemap) => sitemap.loc);
    expect([...files].sort()).toEqual(SITEMAP_TYPES.map((type) => `${origin}/sitemaps/${type}-1.xml`).sort());
    urls = [];
    for (const file of files) urls.push(...(await getXml(new URL(file).pathname)).urlset.url);
  });

  it('lists every published language version of every type, and no draft', async () => {
    let total = 0;
    for (const type of SITEMAP_TYPES) {
      total += (await api().get(`/api/${type}?locale=*&pagination[pageSize]=1`)).body.meta.pagination.total;
    }
    expect(urls.length).toBe(total);
    for (const documentId of drafts) expect(urls.some((url) => url.loc.includes(documentId))).toBe(false);
  });

  it('links each version to its translations with hreflang, every link leading to that version', async () => {
    const celinac = (await api().get('/api/municipalities?filters[slug][$eq]=celinac&locale=*')).body.data as { documentId: string; locale: string; name: string }[];
    const url = urls.find((candidate) => candidate.loc === `${origin}/api/municipalities/${celinac[0].documentId}?locale=sr-Cyrl`)!;
    const languages = url['xhtml:link'].map((link) => link['@_hreflang']);
    expect(languages.filter((language) => language !== 'x-default').sort()).toEqual(celinac.map((version) => version.locale).sort());
    expect(languages).toContain('x-default');
    for (const link of url['xhtml:link']) {
      const target = new URL(link['@_href']);
      const response = await api().get(`${target.pathname}${target.search}`);
      expect(response.status).toBe(200);
      const expected = link['@_hreflang'] === 'x-default' ? 'bs' : link['@_hreflang'];
      expect(response.body.data.locale).toBe(expected);
    }
  });
});

it('describes the programme as an IATI 2.03 activity that the official schema accepts', async () => {
  const response = await get('/feeds/iati.xml');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
  const { ok, output } = validateXml(response.text, IATI_ACTIVITIES_XSD);
  expect(output).toContain('validates');
  expect(ok).toBe(true);

  const activity = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['narrative', 'location', 'budget', 'participating-org'].includes(name) }).parse(response.text)[
    'iati-activities'
  ]['iati-activity'];
  const text = (narrative: string | { '#text': string }) => (typeof narrative === 'string' ? narrative : narrative['#text']);
  const programmes = (await api().get('/api/programmes?locale=*&filters[slug][$eq]=spis')).body.data as { name: string }[];
  expect(activity.title.narrative.map(text).sort()).toEqual(programmes.map((programme) => programme.name).sort());
  expect(activity.title.narrative.map(text)).toContain('Јачање система социјалне заштите и инклузије дјеце у БиХ');
  expect(activity['participating-org'].map((org: { narrative: string[] }) => text(org.narrative[0]))).toEqual(['European Union', 'UNICEF']);
  expect(activity.budget.map((budget: { value: { '#text': number; '@_currency': string } }) => [budget.value['#text'], budget.value['@_currency']])).toEqual([[4100000, 'EUR']]);
  expect(activity['recipient-country']['@_code']).toBe('BA');
  expect(activity.location).toHaveLength(21);
  expect(activity.location.map((location: { name: { narrative: string[] } }) => text(location.name.narrative[0]))).toContain('Čelinac');
});

it.each([
  ['/feeds/news.de.rss', 'No feed in locale "de"'],
  ['/feeds/news.bs.json', 'No feed news.bs.json'],
  ['/feeds/events.bs.rss', 'No feed events.bs.rss'],
])('answers %s with a JSON 404', async (path, message) => {
  const response = await get(path);
  expect(response.status).toBe(404);
  expect(response.body.error.message).toContain(message);
});
