/**
 * The pages and the menu stay trees: nothing under itself or under something below it (the loop
 * would take all of it off the site, silently), and no branch more than MAX_DEPTH + 1 levels
 * deep. Checked on what each write stored (src/database/stored-checks.ts), however it linked
 * them: a parent, the children, a clone or a publish; the drafts and the published versions
 * each form a tree of their own.
 *
 * And what is published stays where it is. Strapi links a published version only to published
 * targets, and drops the link when the target is unpublished, so a page published under a
 * draft, a sub-page left published under an unpublished page, or a menu item published before
 * its page (or left when its page is unpublished) would silently move to the top of the site or
 * out of the menu. Each is refused, naming what to publish or unpublish first.
 */
import type { Core, Modules } from '@strapi/strapi';
import { checkStored, refusal, type StoredProblem } from '../database/stored-checks';
import { MAX_DEPTH } from './tree';

const PAGE = 'api::page.page';
const MENU_ITEM = 'api::menu-item.menu-item';

/** How the refusals name what the tree holds. */
type Words = { one: string; any: string; many: string; children: string };
const PAGE_WORDS: Words = { one: 'A page', any: 'a page', many: 'Pages', children: 'sub-pages' };
const MENU_WORDS: Words = { one: 'A menu item', any: 'an item', many: 'Menu items', children: 'items under it' };

/** One version's link to its parent, by documentId. */
export type ParentLink = { documentId: string; published: boolean; parent: string | null };

/** What is wrong with the pages' tree, if anything: a loop first, then a branch too deep. Pure. */
export function treeProblem(links: ParentLink[], words: Words = PAGE_WORDS): StoredProblem | undefined {
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
        if (levelsOf(documentId) > MAX_DEPTH + 1) return { path: ['parent'], message: `${words.many} nest at most ${MAX_DEPTH + 1} levels deep: choose a parent higher up` };
      }
    } catch (error) {
      if (error instanceof Loop) return { path: ['parent'], message: `${words.one} cannot sit under itself or under ${words.any} below it: choose a parent outside its branch` };
      throw error;
    }
  }
  return undefined;
}

class Loop extends Error {}

type Row = {
  documentId: string;
  locale: string;
  publishedAt: string | null;
  title?: string;
  label?: string;
  parent?: { documentId: string } | null;
  page?: { documentId: string } | null;
};

const names = (rows: Row[]) => [...new Set(rows.map((row) => `“${row.title ?? row.label}”`))].join(', ');
const inLocale = (locale: string | undefined) => (locale && locale !== '*' ? { locale } : {});

/** What a publish of this document must find linked in some published version: the link its draft names. */
function lostLink(rows: Row[], documentId: string, link: 'parent' | 'page'): string | undefined {
  const mine = rows.filter((row) => row.documentId === documentId);
  const named = mine.find((row) => !row.publishedAt && row[link])?.[link]?.documentId;
  return named && !mine.some((row) => row.publishedAt && row[link]) ? named : undefined;
}

/** The tree rules of pages (`parent`) or menu items (`parent`, and the `page` each leads to). */
function treeRules(strapi: Core.Strapi, uid: typeof PAGE | typeof MENU_ITEM): Modules.Documents.Middleware.Middleware {
  const words = uid === PAGE ? PAGE_WORDS : MENU_WORDS;
  const name = uid === PAGE ? 'title' : 'label';
  const stored = checkStored(strapi, uid, async (documentId, action) => {
    const rows = (await strapi.db.query(uid).findMany({
      select: ['documentId', 'locale', 'publishedAt', name],
      populate: { parent: { select: ['documentId'] }, ...(uid === MENU_ITEM ? { page: { select: ['documentId', 'title'] } } : {}) },
    })) as Row[];
    const problem = treeProblem(
      rows.map((row) => ({ documentId: row.documentId, published: row.publishedAt !== null, parent: row.parent?.documentId ?? null })),
      words
    );
    if (problem || action !== 'publish') return problem;
    const parent = lostLink(rows, documentId, 'parent');
    if (parent)
      return {
        path: ['parent'],
        message: `Publish its parent ${names(rows.filter((row) => row.documentId === parent))} first, in this language: ${words.many.toLowerCase()} are published under a published parent`,
      };
    const page = uid === MENU_ITEM ? lostLink(rows, documentId, 'page') : undefined;
    if (page) {
      const title = rows.find((row) => row.documentId === documentId && row.page)?.page as { title?: string } | undefined;
      return { path: ['page'], message: `Publish the page “${title?.title ?? page}” first, in this language: a menu item is published leading to a published page` };
    }
    return undefined;
  });
  return async (context, next) => {
    const { documentId, locale } = context.params as { documentId?: string; locale?: string };
    if (context.uid === uid && (context.action === 'unpublish' || context.action === 'delete') && documentId) {
      const below = (await strapi.db.query(uid).findMany({
        where: { publishedAt: { $notNull: true }, parent: { documentId, ...inLocale(locale) } },
        select: ['documentId', name],
      })) as Row[];
      if (below.length > 0) throw refusal({ path: ['parent'], message: `Unpublish or move its published ${words.children} first: ${names(below)}` });
      if (uid === PAGE) {
        const items = (await strapi.db.query(MENU_ITEM).findMany({
          where: { publishedAt: { $notNull: true }, page: { documentId, ...inLocale(locale) } },
          select: ['documentId', 'label'],
        })) as Row[];
        if (items.length > 0) throw refusal({ path: ['parent'], message: `Unpublish or change the published menu items leading to it first: ${names(items)}` });
      }
    }
    return stored(context, next);
  };
}

export const pageTreeRules = (strapi: Core.Strapi) => treeRules(strapi, PAGE);
export const menuTreeRules = (strapi: Core.Strapi) => treeRules(strapi, MENU_ITEM);
