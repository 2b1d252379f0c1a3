/**
 * A partner site built from the API alone: the menu, the site's pages (`?page=<path>`), and on
 * the home page the latest SPIS news, the resource library, the programme's results as a chart
 * and a map of its municipalities, in the visitor's language. `?lang=` picks the language; without it the browser sends the visitor's
 * languages (navigator.languages) as Accept-Language and the API answers in the best match
 * (sr-RS → sr-Cyrl, hr-BA → hr, else bs), so the page does not repeat the matching rules.
 * `?api=` (or <html data-api>) says where the CMS is.
 */
import { createClient, LOCALES } from '@spis/client';

const NEWS_COUNT = 5;
const RESOURCE_COUNT = 10;
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
    menu: 'Glavni meni',
    resources: 'Dokumenti',
    noResources: 'Još nema objavljenih dokumenata.',
    download: 'Preuzmi PDF',
    fileIn: 'Jezici dokumenta',
    kinds: { report: 'Izvještaj', model: 'Model', guideline: 'Smjernice', publication: 'Publikacija' },
    results: 'Rezultati programa',
    target: 'cilj',
    actual: 'ostvareno',
    notReported: 'još nije izvještavano',
    breadcrumbs: 'Putanja',
    subpages: 'U ovom dijelu',
    photo: 'Fotografija',
    notFound: 'Ova stranica ne postoji',
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
    menu: 'Glavni izbornik',
    resources: 'Dokumenti',
    noResources: 'Još nema objavljenih dokumenata.',
    download: 'Preuzmi PDF',
    fileIn: 'Jezici dokumenta',
    kinds: { report: 'Izvješće', model: 'Model', guideline: 'Smjernice', publication: 'Publikacija' },
    results: 'Rezultati programa',
    target: 'cilj',
    actual: 'ostvareno',
    notReported: 'još nije izviješteno',
    breadcrumbs: 'Putanja',
    subpages: 'U ovom dijelu',
    photo: 'Fotografija',
    notFound: 'Ova stranica ne postoji',
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
    menu: 'Glavni meni',
    resources: 'Dokumenti',
    noResources: 'Još nema objavljenih dokumenata.',
    download: 'Preuzmi PDF',
    fileIn: 'Jezici dokumenta',
    kinds: { report: 'Izvještaj', model: 'Model', guideline: 'Smjernice', publication: 'Publikacija' },
    results: 'Rezultati programa',
    target: 'cilj',
    actual: 'ostvareno',
    notReported: 'još nije izvještavano',
    breadcrumbs: 'Putanja',
    subpages: 'U ovom dijelu',
    photo: 'Fotografija',
    notFound: 'Ova stranica ne postoji',
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
    menu: 'Главни мени',
    resources: 'Документи',
    noResources: 'Још нема објављених докумената.',
    download: 'Преузми PDF',
    fileIn: 'Језици документа',
    kinds: { report: 'Извјештај', model: 'Модел', guideline: 'Смјернице', publication: 'Публикација' },
    results: 'Резултати програма',
    target: 'циљ',
    actual: 'остварено',
    notReported: 'још није извјештавано',
    breadcrumbs: 'Путања',
    subpages: 'У овом дијелу',
    photo: 'Фотографија',
    notFound: 'Ова страница не постоји',
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
    menu: 'Main menu',
    resources: 'Resources',
    noResources: 'No documents published yet.',
    download: 'Download PDF',
    fileIn: 'Languages of the document',
    kinds: { report: 'Report', model: 'Model', guideline: 'Guideline', publication: 'Publication' },
    results: 'Programme results',
    target: 'target',
    actual: 'reached',
    notReported: 'not reported yet',
    breadcrumbs: 'You are here',
    subpages: 'In this section',
    photo: 'Photo',
    notFound: 'There is no such page',
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

/** A link from content, only if it leads to a web page or an e-mail address (never `javascript:`). */
function safeHref(url) {
  try {
    return ['https:', 'http:', 'mailto:'].includes(new URL(url, location.href).protocol) ? url : '#';
  } catch {
    return '#';
  }
}

/** A link to this site: the page's own parameters with some changed (null drops one). */
function siteLink(changes) {
  const target = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) target.delete(name);
    else target.set(name, value);
  }
  return `?${target}`;
}

/**
 * With fallback, a text not written in this language comes in the next one on its chain: mark
 * its language for screen readers and hyphenation (Cyrillic made from Latin is in the page's).
 */
function markSource(node, source, locale) {
  const foreign = Boolean(source && source.locale !== locale && !source.transliterated);
  if (foreign) node.lang = source.locale;
  return foreign;
}

/** `paths`: where the page shown is in each language (its alternates), so switching keeps the visitor on it. */
function renderChrome(locale, paths = {}) {
  const text = TEXT[locale];
  document.documentElement.lang = locale;
  document.title = text.title;
  document.getElementById('page-title').textContent = text.title;
  document.getElementById('news-heading').textContent = text.news;
  document.getElementById('resources-heading').textContent = text.resources;
  document.getElementById('results-heading').textContent = text.results;
  document.getElementById('map-heading').textContent = text.map;
  document.getElementById('source').textContent = text.source;

  const nav = document.getElementById('languages');
  nav.setAttribute('aria-label', text.languages);
  const links = LOCALES.map((code) => {
    const link = element('a', { href: siteLink({ lang: code, ...(paths[code] ? { page: paths[code] } : {}) }), lang: code, hreflang: code }, LANGUAGE_NAMES[code]);
    if (code === locale) link.setAttribute('aria-current', 'page');
    return element('li', {}, link);
  });
  nav.replaceChildren(element('ul', {}, ...links));
}

/** The home page's section showing each list a menu item can lead to (others open the home page). */
const LIST_SECTIONS = { 'news-articles': 'news-heading', resources: 'resources-heading', results: 'results-heading', municipalities: 'map-heading' };

/** Where a menu item leads: a page of this site, a list on the home page, or another site. */
function menuHref(target) {
  if (target.type === 'page') return siteLink({ page: target.path });
  if (target.type === 'list') return `${siteLink({ page: null })}${LIST_SECTIONS[target.list] ? `#${LIST_SECTIONS[target.list]}` : ''}`;
  return safeHref(target.url);
}

function renderMenu(items, locale) {
  const nav = document.getElementById('menu');
  nav.setAttribute('aria-label', TEXT[locale].menu);
  const list = (entries) =>
    element(
      'ul',
      {},
      ...entries.map((item) => {
        const link = element('a', { href: menuHref(item.target) }, item.label);
        if (item.target.type === 'url') link.rel = 'external noopener';
        if (item.target.type === 'page' && item.target.path === params.get('page')) link.setAttribute('aria-current', 'page');
        markSource(link, item.localeSources?.label, locale);
        return element('li', {}, link, ...(item.children.length > 0 ? [list(item.children)] : []));
      })
    );
  nav.replaceChildren(list(items));
}

/** Strapi's blocks as HTML: paragraphs, headings, lists, quotes, links and images. */
function blocksToNodes(blocks) {
  const inline = (children) =>
    children.map((child) => {
      if (child.type === 'link') return element('a', { href: safeHref(child.url) }, ...inline(child.children));
      let node = document.createTextNode(child.text ?? '');
      if (child.bold) node = element('strong', {}, node);
      if (child.italic) node = element('em', {}, node);
      return node;
    });
  const block = (node) => {
    switch (node.type) {
      case 'heading':
        // The page's title is its h2: its sections start at h3.
        return element(`h${Math.min(6, node.level + 2)}`, {}, ...inline(node.children));
      case 'list':
        return element(node.format === 'ordered' ? 'ol' : 'ul', {}, ...node.children.map((item) => element('li', {}, ...inline(item.children))));
      case 'quote':
        return element('blockquote', {}, ...inline(node.children));
      case 'image':
        return element('img', { src: new URL(node.image.url, apiBase).href, alt: node.image.alternativeText ?? '' });
      default:
        return element('p', {}, ...inline(node.children ?? []));
    }
  };
  return (blocks ?? []).map(block);
}

function renderPage({ data: page, meta }, locale) {
  const text = TEXT[locale];
  const heading = element('h2', {}, page.title);
  const parts = [];
  if (meta.breadcrumbs.length > 0) {
    const crumbs = meta.breadcrumbs.map((crumb) => element('li', {}, element('a', { href: siteLink({ page: crumb.path }) }, crumb.title)));
    parts.push(element('nav', { 'aria-label': text.breadcrumbs, class: 'breadcrumbs' }, element('ol', {}, ...crumbs)));
  }
  parts.push(heading);
  if (markSource(heading, page.localeSources?.title, locale)) parts.push(element('p', { class: 'untranslated' }, `(${text.untranslated})`));
  if (page.hero) {
    const caption = page.heroCredit ? [element('figcaption', {}, `${text.photo}: ${page.heroCredit}`)] : [];
    parts.push(element('figure', { class: 'hero' }, element('img', { src: new URL(page.hero.url, apiBase).href, alt: page.heroAlt ?? '' }), ...caption));
  }
  if (page.summary) parts.push(element('p', { class: 'lead' }, page.summary));
  const body = element('div', { class: 'body' }, ...blocksToNodes(page.body));
  markSource(body, page.localeSources?.body, locale);
  parts.push(body);
  if (page.heroCredit && !page.hero) parts.push(element('p', { class: 'credit' }, `${text.photo}: ${page.heroCredit}`));
  if (meta.children.length > 0) {
    const children = meta.children.map((child) => element('li', {}, element('a', { href: siteLink({ page: child.path }) }, child.title)));
    parts.push(element('section', { class: 'subpages' }, element('h3', {}, text.subpages), element('ul', {}, ...children)));
  }
  const article = document.getElementById('page');
  article.replaceChildren(...parts);
  article.hidden = false;
  document.getElementById('home').hidden = true;
  document.title = `${page.title} – SPIS`;
}

function renderResources(resources, locale) {
  const text = TEXT[locale];
  const items = resources.map((resource) => {
    const item = element('li');
    const title = element('h3', {}, resource.title);
    item.append(title);
    if (markSource(title, resource.localeSources?.title, locale)) item.append(element('p', { class: 'untranslated' }, `(${text.untranslated})`));
    item.append(element('p', { class: 'meta' }, [text.kinds[resource.kind], resource.year].filter(Boolean).join(' · ')));
    if (resource.summary) item.append(element('p', { class: 'lead' }, resource.summary));
    if (resource.file) {
      const languages = (resource.fileLanguages ?? []).map((code) => LANGUAGE_NAMES[code] ?? code);
      const details = languages.length > 0 ? ` (${text.fileIn}: ${languages.join(', ')})` : '';
      item.append(element('p', {}, element('a', { href: new URL(resource.file.url, apiBase).href, class: 'download' }, text.download), details));
    }
    return item;
  });
  document.getElementById('resources').replaceChildren(...(items.length > 0 ? items : [element('li', { class: 'empty' }, text.noResources)]));
}

const CHART_WIDTH = 640;
/** The longest bar, leaving room after it for its value. */
const BAR_SPACE = CHART_WIDTH - 160;
/** Characters of a label line (13px bold is about 7.5px a letter); longer labels wrap. */
const LABEL_LINE = 80;
const LINE_HEIGHT = 17;

/** Words as lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text, width) {
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The results as a bar chart: per indicator and period, its target and what was reached, each
 * bar as long as its share of the larger of the two; a period not reported yet says so.
 */
function renderResults(indicators, locale) {
  const text = TEXT[locale];
  const number = new Intl.NumberFormat(FORMAT_LOCALES[locale].find(hasNumbers) ?? locale);
  const rows = indicators.flatMap((indicator) =>
    (indicator.periods ?? []).map((period) => ({
      title: `${indicator.title} (${period.periodStart.slice(0, 4)}–${period.periodEnd.slice(0, 4)})`,
      unit: indicator.measure === 'percentage' ? ' %' : '',
      target: period.target === null ? null : Number(period.target),
      actual: period.actual === null ? null : Number(period.actual),
    }))
  );
  const say = (value, unit) => (value === null ? text.notReported : `${number.format(value)}${unit}`);
  const description = rows.map((row) => `${row.title}: ${text.target} ${say(row.target, row.unit)}, ${text.actual} ${say(row.actual, row.unit)}`).join('; ');
  const svg = svgElement(
    'svg',
    { role: 'img', 'aria-labelledby': 'results-title', 'aria-describedby': 'results-description' },
    svgElement('title', { id: 'results-title' }, text.results),
    svgElement('desc', { id: 'results-description' }, description)
  );
  let top = 0;
  for (const row of rows) {
    const lines = wrap(row.title, LABEL_LINE);
    const label = svgElement('text', { x: 0, y: top + 14, class: 'label' }, ...lines.map((line, index) => svgElement('tspan', { x: 0, dy: index === 0 ? 0 : LINE_HEIGHT }, line)));
    const barsTop = top + lines.length * LINE_HEIGHT + 4;
    const largest = Math.max(row.target ?? 0, row.actual ?? 0, 1);
    const bar = (name, value, y) => {
      const length = value === null ? 0 : (BAR_SPACE * value) / largest;
      return svgElement(
        'g',
        { class: `bar ${name}` },
        svgElement('rect', { x: 0, y, height: 14, width: length.toFixed(1) }),
        svgElement('text', { x: (length + 6).toFixed(1), y: y + 11 }, `${text[name]}: ${say(value, row.unit)}`)
      );
    };
    svg.append(svgElement('g', { class: 'row' }, label, bar('target', row.target, barsTop), bar('actual', row.actual, barsTop + 18)));
    top = barsTop + 46;
  }
  svg.setAttribute('viewBox', `0 0 ${CHART_WIDTH} ${Math.max(top, 1)}`);
  document.getElementById('results').replaceChildren(svg);
}

/**
 * Where to take each language's date names and number formats from. Some browsers lack
 * Bosnian's (Chromium writes "2026 M05 6" and "5,000"); Serbian Latin writes them the same way.
 */
const FORMAT_LOCALES = { bs: ['bs', 'sr-Latn'], hr: ['hr'], 'sr-Latn': ['sr-Latn'], 'sr-Cyrl': ['sr-Cyrl'], en: ['en'] };
const hasMonthNames = (tag) => !/\d/.test(new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' }).format(0));
/** Whether the browser has the language's own grouping (a missing one formats as the root locale does). */
const hasNumbers = (tag) => new Intl.NumberFormat(tag).format(1000) !== new Intl.NumberFormat('und').format(1000);

function renderNews(articles, locale) {
  const text = TEXT[locale];
  const dates = new Intl.DateTimeFormat(FORMAT_LOCALES[locale].find(hasMonthNames) ?? locale, { dateStyle: 'long', timeZone: 'UTC' });
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

/** The home page: news, resources, results and the map. */
async function showHome(locale) {
  const [news, resources, indicators, geojson] = await Promise.all([
    spis.newsArticles.list({ locale, sort: ['publicationDate:desc', 'title'], pageSize: NEWS_COUNT, fields: ['title', 'publicationDate', 'lead'] }),
    spis.resources.list({ locale, sort: ['year:desc', 'title'], pageSize: RESOURCE_COUNT, fields: ['title', 'summary', 'kind', 'year', 'fileLanguages'], populate: ['file'] }),
    spis.indicators.list({ locale, sort: 'title', pageSize: 10, fields: ['title', 'measure'], populate: ['periods'] }),
    spis.municipalitiesGeoJson({ locale }),
  ]);
  renderChrome(locale);
  renderNews(news.data, locale);
  renderResources(resources.data, locale);
  renderResults(indicators.data, locale);
  renderMap(geojson.data, locale);
}

async function showPage(path, locale) {
  const page = await spis.pageByPath(path, { locale });
  renderChrome(locale, Object.fromEntries(page.meta.alternates.map(({ locale: code, path: there }) => [code, there])));
  renderPage(page, locale);
}

async function main() {
  const status = document.getElementById('status');
  // Until the API says otherwise, the language asked for with ?lang= (or Bosnian).
  let locale = LOCALES.find((code) => code === params.get('lang')) ?? LOCALES[0];
  status.textContent = TEXT[locale].loading;
  try {
    // The menu comes first: the language the API answered it in (from ?lang= or the browser's
    // languages) is the page's.
    const menu = await spis.navigation({ locale: params.get('lang') ?? undefined });
    locale = menu.locale ?? locale;
    renderMenu(menu.data, locale);
    if (params.get('page')) await showPage(params.get('page'), locale);
    else await showHome(locale);
    status.textContent = '';
    document.body.dataset.state = 'ready';
  } catch (error) {
    renderChrome(locale);
    status.textContent = error.status === 404 ? TEXT[locale].notFound : `${TEXT[locale].failed}: ${error.message}`;
    document.body.dataset.state = 'error';
  } finally {
    document.querySelector('main').setAttribute('aria-busy', 'false');
  }
}

main();
