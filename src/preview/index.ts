/**
 * Preview (Strapi 5's preview feature): the Content Manager asks `previewUrl` for a link to the
 * version an editor has open and shows it beside the form. The link is a signed, short-lived
 * token (token.ts) for `/preview?token=…`, which renders that version, draft or published, as a
 * partner site would (page.ts). Only an admin who may read the version gets a link (Strapi itself
 * gives one to any logged-in admin); without a valid, unexpired token the page answers 401.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { versionStatus } from '../content-api/content-types';
import { env } from '../env';
import { DEFAULT_LOCALE, isLocaleCode } from '../locales';
import { PREVIEW_PATH, PREVIEW_REFRESH_SCRIPT, PREVIEW_STYLE, renderPreviewPage, type PreviewPage } from './page';
import { PREVIEWABLE_TYPES, previewKey, signPreviewToken, verifyPreviewToken, type PreviewableType, type PreviewTarget } from './token';

const isPreviewable = (uid: string): uid is PreviewableType => (PREVIEWABLE_TYPES as readonly string[]).includes(uid);

const signingKey = () => previewKey(env.ADMIN_JWT_SECRET);

/** What each type's page shows besides its fields. */
const POPULATE: Record<PreviewableType, Record<string, true>> = {
  'api::news-article.news-article': { cover: true, quotes: true, tags: true },
  'api::workshop.workshop': {},
  'api::page.page': { hero: true },
};

/** The kind of page each type is shown as. */
const KIND: Record<PreviewableType, PreviewPage['kind']> = {
  'api::news-article.news-article': 'news-article',
  'api::workshop.workshop': 'workshop',
  'api::page.page': 'page',
};

type PermissionChecker = { cannot: { read: (entity?: unknown) => boolean } };

/** Whether the admin making this request may read that version (role, locale and "own entries" rules). */
async function mayRead(strapi: Core.Strapi, target: PreviewTarget): Promise<boolean> {
  const userAbility = strapi.requestContext.get()?.state?.userAbility;
  if (!userAbility) return false;
  const checker: PermissionChecker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: target.uid });
  if (checker.cannot.read()) return false;
  const version = await strapi.db.query(target.uid).findOne({
    where: { documentId: target.documentId, locale: target.locale, ...versionStatus(target.status === 'published') },
    populate: ['createdBy'],
  });
  return Boolean(version) && !checker.cannot.read(version);
}

/**
 * The preview handler of `config/admin.ts`: a link for the news articles, workshops and pages the
 * editor may read, none otherwise (the panel then shows no preview).
 */
export async function previewUrl(uid: string, { documentId, locale, status }: { documentId?: string; locale?: string | null; status?: string }): Promise<string | null> {
  if (!isPreviewable(uid) || !documentId) return null;
  const target: PreviewTarget = {
    uid,
    documentId,
    locale: isLocaleCode(locale) ? locale : DEFAULT_LOCALE,
    // The panel says "modified" for a draft that differs from its published version: that draft is what the editor sees.
    status: status === 'published' ? 'published' : 'draft',
  };
  if (!(await mayRead(strapi, target))) return null;
  // Relative: the panel and the page are served by this server, whatever address the editor used.
  return `${PREVIEW_PATH}?token=${signPreviewToken(target, signingKey())}`;
}

async function showPreview(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const check = verifyPreviewToken(typeof ctx.query.token === 'string' ? ctx.query.token : '', signingKey());
  if (!check.ok) {
    throw new errors.UnauthorizedError(
      check.reason === 'expired'
        ? 'This preview link has expired. Open the preview again from the admin panel.'
        : 'This is not a valid preview link. Open the preview from the admin panel.'
    );
  }
  const { uid, documentId, locale, status } = check.target;
  const documents = strapi.documents(uid as UID.ContentType);
  const [document, publicVersion] = await Promise.all([
    documents.findOne({ documentId, locale, status, populate: POPULATE[uid] }),
    documents.findOne({ documentId, locale, status: 'published', fields: ['id'] }),
  ]);
  if (!document) throw new errors.NotFoundError(`This ${status} version no longer exists.`);

  const page = { locale, status, isPublic: Boolean(publicVersion), expiresAt: check.expiresAt };
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Robots-Tag', 'noindex, nofollow');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = renderPreviewPage({ ...page, kind: KIND[uid], document } as unknown as PreviewPage);
}

const ASSETS: Record<string, { type: string; body: string }> = {
  'style.css': { type: 'text/css; charset=utf-8', body: PREVIEW_STYLE },
  'refresh.js': { type: 'application/javascript; charset=utf-8', body: PREVIEW_REFRESH_SCRIPT },
};

/** The preview page and its two assets; registered once, in `register`. */
export function registerPreview(strapi: Core.Strapi): void {
  strapi.server.router.get(PREVIEW_PATH, (ctx: Context) => showPreview(strapi, ctx));
  strapi.server.router.get(`${PREVIEW_PATH}/:asset`, (ctx: Context) => {
    const asset = ASSETS[ctx.params.asset];
    if (!asset) throw new errors.NotFoundError(`No preview asset ${ctx.params.asset}`);
    ctx.type = asset.type;
    ctx.body = asset.body;
  });
}
