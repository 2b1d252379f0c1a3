/**
 * The preview page: one news article, workshop or page as a partner site shows it (the example partner
 * page's look), in the version's own language, under a banner saying which version it is. Pure: it
 * takes the document and returns HTML; every value is escaped.
 */
import escapeHtml from 'escape-html';
import type { WorkshopDocument } from '../feeds/workshops-calendar';
import type { LocaleCode } from '../locales';
import { renderBlocks, type Block } from './blocks';

export const PREVIEW_PATH = '/preview';

type Media = { url: string; alternativeText?: string | null; formats?: Record<string, { url: string }> | null };

export type NewsArticleView = {
  title: string;
  dateline?: string | null;
  publicationDate?: string | null;
  lead?: string | null;
  body?: Block[] | null;
  cover?: Media | null;
  coverAlt?: string | null;
  quotes?: { text?: string | null; speaker?: string | null; role?: string | null }[] | null;
  tags?: { name?: string | null }[] | null;
};

export type WorkshopView = Pick<WorkshopDocument, 'title'> &
  Partial<Pick<WorkshopDocument, 'description' | 'startDate' | 'endDate' | 'startTime' | 'endTime' | 'city' | 'venue'>> & {
    audience?: string | null;
    organisers?: string | null;
  };

export type PageView = {
  title: string;
  summary?: string | null;
  body?: Block[] | null;
  hero?: Media | null;
  heroAlt?: string | null;
  heroCredit?: string | null;
};

export type PreviewPage = {
  locale: LocaleCode;
  status: 'draft' | 'published';
  /** Whether the version is (also) public: a draft's banner then says the public text may differ. */
  isPublic: boolean;
  expiresAt: Date;
} & ({ kind: 'news-article'; document: NewsArticleView } | { kind: 'workshop'; document: WorkshopView } | { kind: 'page'; document: PageView });

/** The page's own words, per content locale (as in examples/partner-site; Serbian as spoken in BiH, ijekavian). */
const TEXT: Record<
  LocaleCode,
  { draft: string; draftOfPublic: string; published: string; validUntil: string; when: string; where: string; audience: string; organisers: string; photo: string }
> = {
  bs: {
    draft: 'Pregled nacrta: nije objavljeno',
    draftOfPublic: 'Pregled nacrta: objavljena verzija može biti drugačija',
    published: 'Pregled objavljene verzije',
    validUntil: 'Veza vrijedi do',
    when: 'Kada',
    where: 'Gdje',
    audience: 'Za koga',
    organisers: 'Organizatori',
    photo: 'Fotografija',
  },
  hr: {
    draft: 'Pregled nacrta: nije objavljeno',
    draftOfPublic: 'Pregled nacrta: objavljena inačica može biti drukčija',
    published: 'Pregled objavljene inačice',
    validUntil: 'Poveznica vrijedi do',
    when: 'Kada',
    where: 'Gdje',
    audience: 'Za koga',
    organisers: 'Organizatori',
    photo: 'Fotografija',
  },
  'sr-Latn': {
    draft: 'Pregled nacrta: nije objavljeno',
    draftOfPublic: 'Pregled nacrta: objavljena verzija može biti drugačija',
    published: 'Pregled objavljene verzije',
    validUntil: 'Veza važi do',
    when: 'Kada',
    where: 'Gdje',
    audience: 'Za koga',
    organisers: 'Organizatori',
    photo: 'Fotografija',
  },
  'sr-Cyrl': {
    draft: 'Преглед нацрта: није објављено',
    draftOfPublic: 'Преглед нацрта: објављена верзија може бити другачија',
    published: 'Преглед објављене верзије',
    validUntil: 'Веза важи до',
    when: 'Када',
    where: 'Гдје',
    audience: 'За кога',
    organisers: 'Организатори',
    photo: 'Фотографија',
  },
  en: {
    draft: 'Draft preview: not published',
    draftOfPublic: 'Draft preview: the published version may differ',
    published: 'Preview of the published version',
    validUntil: 'Link valid until',
    when: 'When',
    where: 'Where',
    audience: 'For',
    organisers: 'Organisers',
    photo: 'Photo',
  },
};

/** The programme's clock: editors and readers are in Bosnia and Herzegovina. */
const TIME_ZONE = 'Europe/Sarajevo';

const formatDate = (date: string, locale: LocaleCode) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

const paragraphs = (text: string | null | undefined) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .filter((part) => part.trim())
    .map((part) => `<p>${escapeHtml(part.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const joined = (parts: (string | false | null | undefined)[], separator: string) => parts.filter(Boolean).join(separator);

function articleHtml(article: NewsArticleView, locale: LocaleCode): string {
  const cover = article.cover;
  const coverUrl = cover?.formats?.large?.url ?? cover?.formats?.medium?.url ?? cover?.url;
  const meta = joined(
    [
      article.publicationDate && `<time datetime="${escapeHtml(article.publicationDate)}">${formatDate(article.publicationDate, locale)}</time>`,
      article.dateline && escapeHtml(article.dateline),
    ],
    ' · '
  );
  const quotes = (article.quotes ?? []).map(
    (quote) => `<blockquote>${paragraphs(quote.text)}<footer>${escapeHtml(joined([quote.speaker, quote.role], ', '))}</footer></blockquote>`
  );
  const tags = (article.tags ?? []).filter((tag) => tag.name).map((tag) => `<li>${escapeHtml(tag.name)}</li>`);
  return [
    `<h1>${escapeHtml(article.title)}</h1>`,
    meta && `<p class="meta">${meta}</p>`,
    coverUrl && `<figure><img src="${escapeHtml(coverUrl)}" alt="${escapeHtml(article.coverAlt ?? '')}"></figure>`,
    article.lead && `<p class="lead">${escapeHtml(article.lead)}</p>`,
    renderBlocks(article.body),
    quotes.join('\n'),
    tags.length > 0 && `<ul class="tags">${tags.join('')}</ul>`,
  ]
    .filter(Boolean)
    .join('\n');
}

function workshopHtml(workshop: WorkshopView, locale: LocaleCode): string {
  const text = TEXT[locale];
  const dates = joined(
    [workshop.startDate && formatDate(workshop.startDate, locale), workshop.endDate && workshop.endDate !== workshop.startDate && formatDate(workshop.endDate, locale)],
    ' – '
  );
  const times = joined([workshop.startTime?.slice(0, 5), workshop.endTime?.slice(0, 5)], '–');
  const facts: [string, string][] = [
    [text.when, escapeHtml(joined([dates, times], ', '))],
    [text.where, escapeHtml(joined([workshop.venue, workshop.city], ', '))],
    [text.audience, escapeHtml(workshop.audience ?? '')],
    [text.organisers, escapeHtml(workshop.organisers ?? '')],
  ];
  const list = facts.filter(([, value]) => value).map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`);
  return [`<h1>${escapeHtml(workshop.title)}</h1>`, list.length > 0 && `<dl>${list.join('')}</dl>`, paragraphs(workshop.description)].filter(Boolean).join('\n');
}

function pageHtml(page: PageView, locale: LocaleCode): string {
  const heroUrl = page.hero?.formats?.large?.url ?? page.hero?.formats?.medium?.url ?? page.hero?.url;
  const credit = page.heroCredit && `${TEXT[locale].photo}: ${escapeHtml(page.heroCredit)}`;
  return [
    `<h1>${escapeHtml(page.title)}</h1>`,
    heroUrl && `<figure><img src="${escapeHtml(heroUrl)}" alt="${escapeHtml(page.heroAlt ?? '')}">${credit ? `<figcaption>${credit}</figcaption>` : ''}</figure>`,
    page.summary && `<p class="lead">${escapeHtml(page.summary)}</p>`,
    renderBlocks(page.body),
    !heroUrl && credit && `<p class="meta">${credit}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The document's own HTML, by the kind of page it is shown as. */
function contentOf(page: PreviewPage): string {
  switch (page.kind) {
    case 'news-article':
      return articleHtml(page.document, page.locale);
    case 'workshop':
      return workshopHtml(page.document, page.locale);
    case 'page':
      return pageHtml(page.document, page.locale);
  }
}

export function renderPreviewPage(page: PreviewPage): string {
  const text = TEXT[page.locale];
  const validUntil = new Intl.DateTimeFormat(page.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(page.expiresAt);
  const banner = page.status === 'published' ? text.published : page.isPublic ? text.draftOfPublic : text.draft;
  const content = contentOf(page);
  return `<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(page.document.title)}</title>
<link rel="stylesheet" href="${PREVIEW_PATH}/style.css">
<script src="${PREVIEW_PATH}/refresh.js" defer></script>
</head>
<body data-status="${page.status}">
<p class="preview-banner" role="status">${banner} · ${text.validUntil} <time datetime="${page.expiresAt.toISOString()}">${escapeHtml(validUntil)}</time></p>
<header><p class="site">SPIS</p></header>
<main><article>
${content}
</article></main>
</body>
</html>
`;
}

/** The example partner page's look (examples/partner-site/style.css), plus the banner. */
export const PREVIEW_STYLE = `body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1d2733; line-height: 1.45; }
header { border-bottom: 3px solid #1cabe2; margin-bottom: 1rem; }
header .site { font-weight: bold; font-size: 1.4rem; margin: 0.5rem 0; }
.preview-banner { background: #fff4d6; border: 1px solid #e0b400; border-radius: 6px; padding: 0.4rem 0.75rem; font-size: 0.9rem; }
.meta, figcaption, blockquote footer { color: #56606b; font-size: 0.9rem; }
.lead { font-size: 1.1rem; font-weight: 500; }
figure { margin: 1rem 0; }
figure img, article img { max-width: 100%; height: auto; border-radius: 6px; }
blockquote { border-left: 3px solid #1cabe2; margin: 1rem 0; padding-left: 1rem; }
.tags { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
.tags li { background: #eef6fa; border-radius: 4px; padding: 0.1rem 0.5rem; font-size: 0.9rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
`;

/**
 * The admin panel tells the preview frame when the editor saved ("strapiUpdate"): reload to show it.
 * Only messages from this site's own pages count (the panel is served from the same origin).
 */
export const PREVIEW_REFRESH_SCRIPT = `window.addEventListener('message', (event) => {
  if (event.origin === window.location.origin && event.data && event.data.type === 'strapiUpdate') window.location.reload();
});
`;
