/**
 * A partner page: the latest SPIS news and a map of the programme's municipalities, in the
 * visitor's language. `?lang=` picks the language; without it the browser sends the visitor's
 * languages (navigator.languages) as Accept-Language and the API answers in the best match
 * (sr-RS → sr-Cyrl, hr-BA → hr, else bs), so the page does not repeat the matching rules.
 * `?api=` (or <html data-api>) says where the CMS is.
 */
import { createClient, LOCALES } from '@spis/client';

const NEWS_COUNT = 5;
const SVG = 'http://www.w3.org/2000/svg';

/** The page's own words, per content locale. */
const TEXT = {
  bs: {
    title: 'SPIS: vijesti i općine',
    languages: 'Jezik',
    news: 'Najnovije vijesti',
    map: 'Općine u programu',
    untranslated: 'još nije prevedeno',
    loading: 'Učitava se…',
    failed: 'Sadržaj trenutno nije dostupan',
    source: 'Izvor: SPIS API sadržaja',
  },
  hr: {
    title: 'SPIS: vijesti i općine',
    languages: 'Jezik',
    news: 'Najnovije vijesti',
    map: 'Općine u programu',
    untranslated: 'još nije prevedeno',
    loading: 'Učitava se…',
    failed: 'Sadržaj trenutačno nije dostupan',
    source: 'Izvor: SPIS API sadržaja',
  },
  'sr-Latn': {
    title: 'SPIS: vijesti i opštine',
    languages: 'Jezik',
    news: 'Najnovije vijesti',
    map: 'Opštine u programu',
    untranslated: 'još nije prevedeno',
    loading: 'Učitava se…',
    failed: 'Sadržaj trenutno nije dostupan',
    source: 'Izvor: SPIS API sadržaja',
  },
  'sr-Cyrl': {
    title: 'SPIS: вијести и општине',
    languages: 'Језик',
    news: 'Најновије вијести',
    map: 'Општине у програму',
    untranslated: 'још није преведено',
    loading: 'Учитава се…',
    failed: 'Садржај тренутно није доступан',
    source: 'Извор: SPIS API садржаја',
  },
  en: {
    title: 'SPIS: news and municipalities',
    languages: 'Language',
    news: 'Latest news',
    map: 'Municipalities in the programme',
    untranslated: 'not yet translated',
    loading: 'Loading…',
    failed: 'The content is not available at the moment',
    source: 'Source: the SPIS content API',
  },
};

/** Each language's name in itself, for the switch. */
const LANGUAGE_NAMES = { bs: 'Bosanski', hr: 'Hrvatski', 'sr-Latn': 'Srpski (latinica)', 'sr-Cyrl': 'Српски (ћирилица)', en: 'English' };

const params = new URLSearchParams(location.search);
const apiBase = params.get('api') ?? document.documentElement.dataset.api;
const spis = createClient({ baseUrl: apiBase, fallback: true });

const element = (name, attributes = {}, ...children) => {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
};

const svgElement = (name, attributes = {}, ...children) => {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
};

function renderChrome(locale) {
  const text = TEXT[locale];
  document.documentElement.lang = locale;
  document.title = text.title;
  document.getElementById('page-title').textContent = text.title;
  document.getElementById('news-heading').textContent = text.news;
  document.getElementById('map-heading').textContent = text.map;
  document.getElementById('source').textContent = text.source;

  const nav = document.getElementById('languages');
  nav.setAttribute('aria-label', text.languages);
  const links = LOCALES.map((code) => {
    const target = new URLSearchParams(params);
    target.set('lang', code);
    const link = element('a', { href: `?${target}`, lang: code, hreflang: code }, LANGUAGE_NAMES[code]);
    if (code === locale) link.setAttribute('aria-current', 'page');
    return element('li', {}, link);
  });
  nav.replaceChildren(element('ul', {}, ...links));
}

/**
 * Where to take each language's date names from. Some browsers lack Bosnian's (Chromium writes
 * "2026 M05 6"); Serbian Latin writes dates the same way.
 */
const DATE_LOCALES = { bs: ['bs', 'sr-Latn'], hr: ['hr'], 'sr-Latn': ['sr-Latn'], 'sr-Cyrl': ['sr-Cyrl'], en: ['en'] };
const hasMonthNames = (tag) => !/\d/.test(new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' }).format(0));

function renderNews(articles, locale) {
  const text = TEXT[locale];
  const dates = new Intl.DateTimeFormat(DATE_LOCALES[locale].find(hasMonthNames) ?? locale, { dateStyle: 'long', timeZone: 'UTC' });
  const items = articles.map((article) => {
    const item = element('li');
    // With fallback, an article not written in this language comes in the next one on its
    // chain; say so, and mark its language for screen readers and hyphenation.
    item.append(element('h3', {}, article.title ?? ''));
    const source = article.localeSources?.title;
    if (source && source.locale !== locale && !source.transliterated) {
      item.lang = source.locale;
      item.append(element('p', { class: 'untranslated', lang: locale }, `(${text.untranslated})`));
    }
    if (article.publicationDate) {
      const date = new Date(`${article.publicationDate}T00:00:00Z`);
      item.append(element('time', { datetime: article.publicationDate }, dates.format(date)));
    }
    if (article.lead) item.append(element('p', { class: 'lead' }, article.lead));
    return item;
  });
  document.getElementById('news').replaceChildren(...items);
}

const MAP_WIDTH = 640;
const MAP_MARGIN = 24;

/**
 * An SVG map of the municipalities: longitude and latitude projected equirectangularly, with
 * longitude shrunk by the cosine of the mean latitude so the country keeps its shape.
 */
function renderMap(geojson, locale) {
  const places = geojson.features.filter((feature) => feature.geometry);
  const lons = places.map((feature) => feature.geometry.coordinates[0]);
  const lats = places.map((feature) => feature.geometry.coordinates[1]);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = (MAP_WIDTH - 2 * MAP_MARGIN) / Math.max((east - west) * shrink, 1e-6);
  const height = Math.round((north - south) * scale + 2 * MAP_MARGIN);
  const project = ([lon, lat]) => [MAP_MARGIN + (lon - west) * shrink * scale, MAP_MARGIN + (north - lat) * scale];

  const names = geojson.features.map((feature) => feature.properties.name).filter(Boolean);
  const svg = svgElement(
    'svg',
    { viewBox: `0 0 ${MAP_WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'map-title', 'aria-describedby': 'map-description' },
    svgElement('title', { id: 'map-title' }, TEXT[locale].map),
    svgElement('desc', { id: 'map-description' }, names.join(', '))
  );
  for (const place of places) {
    const [x, y] = project(place.geometry.coordinates);
    const name = place.properties.name ?? '';
    // A label goes left of its dot only where it would run off the map (about 6.5px a letter at 11px).
    const labelLeft = x + 7 + name.length * 6.5 > MAP_WIDTH;
    svg.append(
      svgElement(
        'g',
        { class: 'place' },
        svgElement('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 4 }),
        svgElement('text', { x: (labelLeft ? x - 7 : x + 7).toFixed(1), y: (y + 4).toFixed(1), 'text-anchor': labelLeft ? 'end' : 'start' }, name)
      )
    );
  }
  document.getElementById('map').replaceChildren(svg);
}

async function main() {
  const status = document.getElementById('status');
  const asked = LOCALES.find((code) => code === params.get('lang')) ?? LOCALES[0];
  status.textContent = TEXT[asked].loading;
  try {
    const news = await spis.newsArticles.list({
      locale: params.get('lang') ?? undefined,
      sort: ['publicationDate:desc', 'title'],
      pageSize: NEWS_COUNT,
      fields: ['title', 'publicationDate', 'lead'],
    });
    // The language the API answered in; null only for locale=*, which this page does not show.
    const locale = news.locale ?? LOCALES[0];
    const { data: geojson } = await spis.municipalitiesGeoJson({ locale });
    renderChrome(locale);
    renderNews(news.data, locale);
    renderMap(geojson, locale);
    status.textContent = '';
    document.body.dataset.state = 'ready';
  } catch (error) {
    renderChrome(asked);
    status.textContent = `${TEXT[asked].failed}: ${error.message}`;
    document.body.dataset.state = 'error';
  } finally {
    document.querySelector('main').setAttribute('aria-busy', 'false');
  }
}

main();
