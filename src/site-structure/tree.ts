/**
 * The site's tree as a reader of one language sees it: pages with their paths
 * (`social-protection-and-inclusion-system/how-the-project-would-contribute`) and the menu.
 * Pure: it is given the published versions of every page and menu item, and serves each
 * document along the locale chain as every other read does (the first version on the chain,
 * empty texts filled from later ones, Latin written in Cyrillic for sr-Cyrl readers, the source
 * of each text named).
 *
 * A document's place in the tree (its parent, its page) is the same in every language: Strapi
 * links a language version only to targets with a version in that language, so a version's
 * empty link may just mean the target is not translated. The first link found along the chain,
 * then in any language, is the document's.
 */
import { LOCALE_CODES, type LocaleCode } from '../locales';
import { mergeVersions, type LocaleSource } from '../locales/fallback';

/** One language version of a page, published or draft, with its links as documentIds. */
export type PageVersion = {
  documentId: string;
  locale: string;
  published: boolean;
  title: string;
  slug: string;
  summary?: string | null;
  position?: number | null;
  parent: string | null;
};

/** The types whose list a menu item can lead to: the plural names of `/api/<plural>`. */
export type MenuItemVersion = {
  documentId: string;
  locale: string;
  published: boolean;
  label: string;
  position?: number | null;
  parent: string | null;
  page: string | null;
  list: string | null;
  url: string | null;
};

export type ServedPage = {
  documentId: string;
  /** The version served: the first on the chain. */
  locale: string;
  title: string;
  summary: string | null;
  slug: string;
  path: string;
  position: number;
  parent: string | null;
  localeSources: Record<string, LocaleSource>;
};

export type MenuTarget = { type: 'page'; documentId: string; path: string; title: string } | { type: 'list'; list: string } | { type: 'url'; url: string };

export type MenuEntry = {
  documentId: string;
  label: string;
  locale: string;
  localeSources: Record<string, LocaleSource>;
  target: MenuTarget;
  children: MenuEntry[];
};

export type Reader = { requested: LocaleCode; chain: LocaleCode[]; toCyrillic: (text: string) => string };

/** A tree deeper than this is refused at write time (tree-rules.ts); here it only bounds the walk. */
export const MAX_DEPTH = 8;

type Versions<T> = Map<string, Map<string, T>>;

/** documentId → locale → version, of the published versions. */
function byDocument<T extends { documentId: string; locale: string; published: boolean }>(versions: T[]): Versions<T> {
  const byDocument: Versions<T> = new Map();
  for (const version of versions) {
    if (!version.published) continue;
    const locales = byDocument.get(version.documentId) ?? new Map<string, T>();
    byDocument.set(version.documentId, locales.set(version.locale, version));
  }
  return byDocument;
}

/** The first link found in the versions along the chain, then in any language. */
function linkOf<T>(versions: Map<string, T>, chain: readonly string[], link: (version: T) => string | null): string | null {
  for (const locale of [...chain, ...LOCALE_CODES]) {
    const version = versions.get(locale);
    const target = version && link(version);
    if (target) return target;
  }
  return null;
}

function serve<T extends Record<string, unknown>>(reader: Reader, versions: Map<string, T>, fields: string[]) {
  return mergeVersions({
    requested: reader.requested,
    chain: reader.chain,
    versions,
    fields,
    toCyrillic: (_field, value) => (typeof value === 'string' ? reader.toCyrillic(value) : value),
  });
}

const byPosition = <T extends { position: number; documentId: string }>(a: T, b: T) => a.position - b.position || a.documentId.localeCompare(b.documentId);

/**
 * Every page the reader can reach, by documentId: published on the chain, under parents that
 * are too. A published page whose parent has no published version on the chain is not
 * reachable, and neither is anything under it. (Published versions link only to published
 * parents, and a page cannot be published under a draft or its parent unpublished under it:
 * tree-rules.ts.)
 */
export function servedPages(reader: Reader, versions: PageVersion[]): Map<string, ServedPage> {
  const published = byDocument(versions);
  const candidates = new Map<string, Omit<ServedPage, 'path'>>();
  for (const [documentId, locales] of published) {
    const merged = serve(reader, locales as Map<string, PageVersion & Record<string, unknown>>, ['title', 'summary']);
    if (!merged) continue;
    const entry = merged.entry as PageVersion;
    candidates.set(documentId, {
      documentId,
      locale: entry.locale,
      title: entry.title,
      summary: entry.summary ?? null,
      slug: entry.slug,
      position: entry.position ?? 0,
      parent: linkOf(locales, reader.chain, (version) => version.parent),
      localeSources: merged.localeSources,
    });
  }

  const served = new Map<string, ServedPage>();
  const pathOf = (documentId: string, depth: number): string | null => {
    const known = served.get(documentId);
    if (known) return known.path;
    const page = candidates.get(documentId);
    if (!page || depth > MAX_DEPTH) return null;
    const parentPath = page.parent === null ? '' : pathOf(page.parent, depth + 1);
    if (parentPath === null) return null;
    const path = parentPath ? `${parentPath}/${page.slug}` : page.slug;
    served.set(documentId, { ...page, path });
    return path;
  };
  for (const documentId of candidates.keys()) pathOf(documentId, 0);
  return served;
}

/** The page at a path, where two siblings share a slug the first by position. */
export function pageAtPath(pages: Map<string, ServedPage>, path: string): ServedPage | undefined {
  const matches = [...pages.values()].filter((page) => page.path === path);
  return matches.sort(byPosition)[0];
}

/** A page's ancestors, root first. */
export function breadcrumbsOf(pages: Map<string, ServedPage>, page: ServedPage): ServedPage[] {
  const trail: ServedPage[] = [];
  for (let parent = page.parent && pages.get(page.parent); parent; parent = parent.parent && pages.get(parent.parent)) {
    trail.unshift(parent);
    if (trail.length > MAX_DEPTH) break;
  }
  return trail;
}

/** A page's children the reader can reach, in order. */
export const childrenOf = (pages: Map<string, ServedPage>, documentId: string | null): ServedPage[] =>
  [...pages.values()].filter((page) => page.parent === documentId).sort(byPosition);

/**
 * The menu: published items whose target the reader can reach (a page served to them, a list, an
 * address), nested and ordered. An item that leads nowhere is left out with everything under it.
 * Where an item's versions name several targets, a page wins over a list and a list over an address.
 */
export function navigation(reader: Reader, items: MenuItemVersion[], pages: Map<string, ServedPage>): MenuEntry[] {
  const published = byDocument(items);
  const entries = new Map<string, MenuEntry & { position: number; parent: string | null }>();
  for (const [documentId, locales] of published) {
    const merged = serve(reader, locales as Map<string, MenuItemVersion & Record<string, unknown>>, ['label']);
    if (!merged) continue;
    const entry = merged.entry as MenuItemVersion;
    const pageId = linkOf(locales, reader.chain, (version) => version.page);
    const list = linkOf(locales, reader.chain, (version) => version.list);
    const url = linkOf(locales, reader.chain, (version) => version.url);
    const page = pageId ? pages.get(pageId) : undefined;
    const target: MenuTarget | undefined = pageId
      ? page && { type: 'page', documentId: page.documentId, path: page.path, title: page.title }
      : list
        ? { type: 'list', list }
        : url
          ? { type: 'url', url }
          : undefined;
    if (!target) continue;
    entries.set(documentId, {
      documentId,
      label: entry.label,
      locale: entry.locale,
      localeSources: merged.localeSources,
      target,
      children: [],
      position: entry.position ?? 0,
      parent: linkOf(locales, reader.chain, (version) => version.parent),
    });
  }

  const childrenByParent = new Map<string | null, Array<MenuEntry & { position: number; parent: string | null }>>();
  for (const entry of entries.values()) {
    const parent = entry.parent !== null && entries.has(entry.parent) ? entry.parent : entry.parent === null ? null : undefined;
    if (parent === undefined) continue; // under an item that is not served
    childrenByParent.set(parent, [...(childrenByParent.get(parent) ?? []), entry]);
  }
  const build = (parent: string | null, depth: number): MenuEntry[] =>
    depth > MAX_DEPTH
      ? []
      : (childrenByParent.get(parent) ?? [])
          .sort(byPosition)
          .map(({ position: _position, parent: _parent, ...entry }) => ({ ...entry, children: build(entry.documentId, depth + 1) }));
  return build(null, 0);
}
