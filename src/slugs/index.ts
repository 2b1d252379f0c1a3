/**
 * Slugs: made from the title when a version is written without one, ASCII-folded
 * (`Čelinac` → `celinac`, `Ђурђевдан` → `djurdjevdan`), unique per type and locale, and never
 * changed afterwards, so links keep working when a published title is edited. The admin
 * panel's slug field proposes the type's name (`news-article`, `news-article-1`) while the title
 * is still empty, and a quick editor saves that: for a new version it counts as no slug.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { searchKey } from '../search/normalize';

const MAX_LENGTH = 80;

/** The slug of a text: folded words joined by hyphens, cut at a word boundary. */
export function toSlug(text: string): string {
  const words = searchKey(text).split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, MAX_LENGTH) || '';
}

/** `base`, or `base-2`, `base-3`… : the first one not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let counter = 2;
  while (taken.has(`${base}-${counter}`)) counter += 1;
  return `${base}-${counter}`;
}

type UidAttribute = { type: 'uid'; targetField?: string; pluginOptions?: { i18n?: { localized?: boolean } } };

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function slugGeneration(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const params = context.params as { data?: Record<string, unknown>; locale?: unknown; documentId?: string };
    if ((context.action !== 'create' && context.action !== 'update') || !context.uid.startsWith('api::') || !params.data) return next();

    const uid = context.uid as UID.ContentType;
    const model = strapi.getModel(uid);
    const emptyTitleProposal = new RegExp(`^${model.info.singularName}(-\\d+)?$`);
    for (const [field, attribute] of Object.entries(model.attributes) as Array<[string, UidAttribute]>) {
      const given = params.data[field];
      if (attribute.type !== 'uid' || !attribute.targetField || (given && !(typeof given === 'string' && emptyTitleProposal.test(given)))) continue;
      const source = params.data[attribute.targetField];
      if (typeof source !== 'string' || !toSlug(source)) continue;
      // An existing version keeps the slug it has.
      if (context.action === 'update' && params.documentId) {
        const current = await strapi.db.query(uid).findOne({ where: { documentId: params.documentId, locale: params.locale }, select: [field] });
        if (current?.[field]) continue;
      }
      const base = toSlug(source);
      const localized = attribute.pluginOptions?.i18n?.localized !== false;
      const rows: Array<Record<string, string>> = await strapi.db.query(uid).findMany({
        where: {
          [field]: { $startsWith: base },
          ...(localized && typeof params.locale === 'string' ? { locale: params.locale } : {}),
          ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}),
        },
        select: [field],
      });
      params.data[field] = firstFreeSlug(base, new Set(rows.map((row) => row[field])));
    }
    return next();
  };
  return middleware;
}
