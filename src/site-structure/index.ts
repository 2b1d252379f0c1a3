/**
 * What a partner site needs to build itself from the API: the page at a path
 * (`GET /api/pages/by-path/<path>`) and the menu (`GET /api/navigation`), each one read of the
 * published tree (tree.ts) in the reader's language along the fallback chain. Both are public
 * (published content only) and cached like every other public read.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { fallbackConfigOf } from '../content-api/served-versions';
import { isLocaleCode, LOCALE_CODES, type LocaleCode } from '../locales';
import { chainFor } from '../locales/fallback';
import { toCyrillic } from '../transliteration';
import { breadcrumbsOf, childrenOf, MAX_DEPTH, navigation, pageAtPath, servedPages, type MenuEntry, type PageVersion, type Reader, type ServedPage } from './tree';

export const PAGE = 'api::page.page';
export const MENU_ITEM = 'api::menu-item.menu-item';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What the two reads take: the locale the front door negotiated (src/middlewares/content-api-query.ts), and fallback. */
const readQuery = z.strictObject({
  locale: z.string().refine(isLocaleCode, { message: `must be one of ${LOCALE_CODES.join(', ')}` }),
  fallback: z.enum(['true', 'false']).optional(),
});

const pathSchema = z
  .string()
  .max(2000, 'at most 2,000 characters')
  .transform((path) => path.replace(/^\/+|\/+$/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'name a page: /api/pages/by-path/<slug>/<slug>…')
      .refine((path) => path.split('/').length <= MAX_DEPTH + 1, `at most ${MAX_DEPTH + 1} levels`)
      .refine((path) => path.split('/').every((segment) => SLUG.test(segment)), 'each part is a slug: lower-case letters, digits and hyphens')
  );

function parse<T>(schema: z.ZodType<T>, value: unknown, source: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue.path.join('.') || source;
  throw new errors.ValidationError(`Invalid ${param}: ${issue.message}`, { source, param });
}

/** A reader of `requested`, along its chain when `fallback`. */
function readerFor(strapi: Core.Strapi, requested: LocaleCode, fallback: boolean): Reader & { fallback: boolean } {
  return { requested, chain: fallback ? chainFor(fallbackConfigOf(strapi), requested) : [requested], toCyrillic, fallback };
}

function readerOf(strapi: Core.Strapi, query: unknown): Reader & { fallback: boolean } {
  const { locale, fallback: flag } = parse(readQuery, query, 'query');
  return readerFor(strapi, locale as LocaleCode, flag === undefined ? fallbackConfigOf(strapi).enabledByDefault : flag === 'true');
}

type LinkedRow = { documentId: string; locale: string; publishedAt: string | null };
const linked = (value: unknown): string | null => (value && typeof value === 'object' ? ((value as { documentId?: string }).documentId ?? null) : null);

/** Every published version of every page, with its parent: the tree is small (a site's pages, not its news). */
async function pageVersions(strapi: Core.Strapi): Promise<PageVersion[]> {
  const rows = (await strapi.db.query(PAGE).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'locale', 'publishedAt', 'title', 'slug', 'summary', 'position'],
    populate: { parent: { select: ['documentId'] } },
  })) as Array<LinkedRow & { title: string; slug: string; summary: string | null; position: number | null; parent: unknown }>;
  return rows.map((row) => ({ ...row, published: row.publishedAt !== null, parent: linked(row.parent) }));
}

async function menuItemVersions(strapi: Core.Strapi) {
  const rows = (await strapi.db.query(MENU_ITEM).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'locale', 'publishedAt', 'label', 'position', 'list', 'url'],
    populate: { parent: { select: ['documentId'] }, page: { select: ['documentId'] } },
  })) as Array<LinkedRow & { label: string; position: number | null; list: string | null; url: string | null; parent: unknown; page: unknown }>;
  return rows.map((row) => ({ ...row, published: true, parent: linked(row.parent), page: linked(row.page) }));
}

const pageLink = ({ documentId, title, summary, path }: ServedPage) => ({ documentId, title, summary, path });

/** The page at a path in the reader's language: its served version, where it sits, and its paths in other languages. */
export async function pageByPath(strapi: Core.Strapi, rawPath: unknown, query: unknown) {
  const path = parse(pathSchema, rawPath, 'path');
  const reader = readerOf(strapi, query);
  const versions = await pageVersions(strapi);
  const pages = servedPages(reader, versions);
  const page = pageAtPath(pages, path);
  if (!page) throw new errors.NotFoundError(`No published page at "${path}" in ${reader.requested}${reader.fallback ? ' or its fallback languages' : ''}`);

  const entry = await strapi.documents(PAGE).findOne({
    documentId: page.documentId,
    locale: reader.requested,
    status: 'published',
    fallback: reader.fallback,
    populate: { hero: true, seo: true },
  } as never);
  if (!entry) throw new errors.NotFoundError(`No published page at "${path}"`);

  // Where the same page is in each language it is published in (hreflang links), read as this
  // request reads (with or without fallback), so a language switch finds it.
  const alternates = LOCALE_CODES.flatMap((locale) => {
    if (!versions.some((version) => version.documentId === page.documentId && version.locale === locale && version.published)) return [];
    const served = servedPages(readerFor(strapi, locale, reader.fallback), versions).get(page.documentId);
    return served ? [{ locale, path: served.path }] : [];
  });
  return {
    entry,
    path: page.path,
    meta: {
      breadcrumbs: breadcrumbsOf(pages, page).map(pageLink),
      children: childrenOf(pages, page.documentId).map(pageLink),
      alternates,
    },
  };
}

/** The menu in the reader's language. */
export async function siteNavigation(strapi: Core.Strapi, query: unknown): Promise<{ data: MenuEntry[]; meta: { locale: LocaleCode; fallback: boolean } }> {
  const reader = readerOf(strapi, query);
  const pages = await pageVersions(strapi);
  const items = await menuItemVersions(strapi);
  return { data: navigation(reader, items, servedPages(reader, pages)), meta: { locale: reader.requested, fallback: reader.fallback } };
}
