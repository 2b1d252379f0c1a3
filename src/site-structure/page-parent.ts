/**
 * The pages stay a tree: no page under itself or under a page below it (the loop would take every
 * page in it off the site, silently), and no path more than MAX_DEPTH + 1 slugs deep. Checked on
 * what each write of a page stored (src/database/stored-checks.ts), however it linked the pages:
 * a page's parent, its children, a clone or a publish; the drafts and the published versions each
 * form a tree of their own. And a published page stays where it is (pageParentCheck).
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkStored, type StoredProblem } from '../database/stored-checks';
import { MAX_DEPTH } from './tree';

const PAGE = 'api::page.page';

/** One version's link to its parent, by documentId. */
export type ParentLink = { documentId: string; published: boolean; parent: string | null };

/** What is wrong with the pages' tree, if anything: a loop first, then a branch too deep. Pure. */
export function treeProblem(links: ParentLink[]): StoredProblem | undefined {
  for (const published of [false, true]) {
    const parents = new Map<string, Set<string>>();
    for (const link of links) {
      if (link.published !== published || !link.parent) continue;
      parents.set(link.documentId, (parents.get(link.documentId) ?? new Set()).add(link.parent));
    }
    // Levels from each page up to the top; undefined while being walked, so meeting one again is a loop.
    const levels = new Map<string, number | undefined>();
    const levelsOf = (documentId: string): number => {
      if (levels.has(documentId)) {
        const known = levels.get(documentId);
        if (known === undefined) throw new Loop();
        return known;
      }
      levels.set(documentId, undefined);
      const above = Math.max(0, ...[...(parents.get(documentId) ?? [])].map(levelsOf));
      levels.set(documentId, above + 1);
      return above + 1;
    };
    try {
      for (const documentId of parents.keys()) {
        if (levelsOf(documentId) > MAX_DEPTH + 1) return { path: ['parent'], message: `Pages nest at most ${MAX_DEPTH + 1} levels deep: choose a parent higher up` };
      }
    } catch (error) {
      if (error instanceof Loop) return { path: ['parent'], message: 'A page cannot sit under itself or under a page below it: choose a parent outside its branch' };
      throw error;
    }
  }
  return undefined;
}

class Loop extends Error {}

type PageRow = { documentId: string; title: string; locale: string; publishedAt: string | null; parent?: { documentId: string } | null };

const refuse = (message: string) => new errors.ValidationError(message, { errors: [{ path: ['parent'], message, name: 'ValidationError' }] });
const titles = (rows: PageRow[]) => [...new Set(rows.map((row) => `“${row.title}”`))].join(', ');

/**
 * Besides the tree's shape, the published pages keep their places: Strapi links a published
 * version only to a published parent, so a page published under a draft, or left published
 * under a page that is unpublished or deleted, would move to the top of the site. Both are
 * refused, naming the pages to publish or unpublish first.
 */
export function pageParentCheck(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const pages = () => strapi.db.query(PAGE);
  const stored = checkStored(strapi, PAGE, async (documentId, action) => {
    const rows = (await pages().findMany({ select: ['documentId', 'title', 'locale', 'publishedAt'], populate: { parent: { select: ['documentId'] } } })) as PageRow[];
    const problem = treeProblem(rows.map((row) => ({ documentId: row.documentId, published: row.publishedAt !== null, parent: row.parent?.documentId ?? null })));
    if (problem || action !== 'publish') return problem;
    const mine = rows.filter((row) => row.documentId === documentId);
    const named = mine.find((row) => !row.publishedAt && row.parent)?.parent?.documentId;
    if (!named || mine.some((row) => row.publishedAt && row.parent)) return undefined;
    return {
      path: ['parent'],
      message: `Publish its parent page ${titles(rows.filter((row) => row.documentId === named))} first, in this language: a page is published under a published parent`,
    };
  });
  return async (context, next) => {
    const params = context.params as { documentId?: string; locale?: string };
    if (context.uid === PAGE && (context.action === 'unpublish' || context.action === 'delete') && params.documentId) {
      const locale = params.locale && params.locale !== '*' ? { locale: params.locale } : {};
      const below = (await pages().findMany({
        where: { publishedAt: { $notNull: true }, parent: { documentId: params.documentId, ...locale } },
        select: ['documentId', 'title', 'locale'],
      })) as PageRow[];
      if (below.length > 0) throw refuse(`Unpublish or move its published sub-pages first: ${titles(below)}`);
    }
    return stored(context, next);
  };
}
