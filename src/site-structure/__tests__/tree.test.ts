import fc from 'fast-check';
import { toCyrillic } from '../../transliteration';
import { treeProblem, type ParentLink } from '../tree-rules';
import { breadcrumbsOf, childrenOf, MAX_DEPTH, navigation, pageAtPath, servedPages, type MenuItemVersion, type PageVersion, type Reader } from '../tree';

const reader = (requested: Reader['requested'], chain: Reader['chain'] = [requested]): Reader => ({ requested, chain, toCyrillic });
const page = (documentId: string, locale: string, slug: string, parent: string | null = null, extra: Partial<PageVersion> = {}): PageVersion => ({
  documentId,
  locale,
  published: true,
  title: slug,
  slug,
  parent,
  ...extra,
});
const item = (documentId: string, locale: string, label: string, target: Partial<MenuItemVersion>): MenuItemVersion => ({
  documentId,
  locale,
  published: true,
  label,
  parent: null,
  page: null,
  list: null,
  url: null,
  ...target,
});

describe('servedPages', () => {
  it('gives each page the path of the slugs above it, in the language served', () => {
    const pages = servedPages(reader('bs', ['bs', 'en']), [
      page('root', 'en', 'about-spis'),
      page('child', 'bs', 'sta-je-socijalna-zastita', 'root', { title: 'Šta je socijalna zaštita?' }),
      page('child', 'en', 'what-is-social-protection', 'root'),
    ]);
    expect(pages.get('child')).toMatchObject({ path: 'about-spis/sta-je-socijalna-zastita', locale: 'bs', title: 'Šta je socijalna zaštita?' });
    expect(pageAtPath(pages, 'about-spis/sta-je-socijalna-zastita')?.documentId).toBe('child');
    expect(pageAtPath(pages, 'about-spis/what-is-social-protection')).toBeUndefined();
    expect(breadcrumbsOf(pages, pages.get('child')!).map((crumb) => crumb.documentId)).toEqual(['root']);
  });

  it('writes Latin titles in Cyrillic for sr-Cyrl readers, keeping the slugs, and names the source', () => {
    const pages = servedPages(reader('sr-Cyrl', ['sr-Cyrl', 'bs']), [page('p', 'bs', 'ceste-i-ulice', null, { title: 'Ćeste i ulice' })]);
    expect(pages.get('p')).toMatchObject({ title: 'Ћесте и улице', slug: 'ceste-i-ulice', localeSources: { title: { locale: 'bs', transliterated: true } } });
  });

  it('takes a page’s parent from any language when its own version links none (the parent is not translated)', () => {
    const pages = servedPages(reader('hr', ['hr', 'en']), [page('root', 'en', 'root'), page('child', 'hr', 'dijete', null), page('child', 'en', 'child', 'root')]);
    expect(pages.get('child')?.path).toBe('root/dijete');
  });

  it('leaves out drafts, pages under a parent not served, and loops', () => {
    const pages = servedPages(reader('en'), [
      page('draft', 'en', 'draft', null, { published: false }),
      page('under-bs-only', 'en', 'under', 'bs-only'),
      page('bs-only', 'bs', 'samo-bs'),
      page('a', 'en', 'a', 'b'),
      page('b', 'en', 'b', 'a'),
      page('fine', 'en', 'fine'),
    ]);
    expect([...pages.keys()]).toEqual(['fine']);
  });

  it('lists a page’s children by position', () => {
    const pages = servedPages(reader('en'), [page('r', 'en', 'r'), page('x', 'en', 'x', 'r', { position: 2 }), page('y', 'en', 'y', 'r', { position: 1 })]);
    expect(childrenOf(pages, 'r').map((child) => child.documentId)).toEqual(['y', 'x']);
  });

  /** A random forest of pages in up to three languages, some drafts, parents only earlier in the list (so no loops). */
  const forests = fc
    .array(
      fc.record({
        slug: fc.constantFrom('a', 'b', 'c', 'dd', 'e-f'),
        parent: fc.nat(),
        locales: fc.subarray(['bs', 'hr', 'en'] as const, { minLength: 1 }),
        published: fc.boolean(),
      }),
      {
        maxLength: 25,
      }
    )
    .map((records) =>
      records.flatMap((record, index) =>
        record.locales.map((locale) =>
          page(`d${index}`, locale, `${record.slug}-${index}`, index === 0 || record.parent % 3 === 0 ? null : `d${record.parent % index}`, { published: record.published })
        )
      )
    );

  it('finds every served page again at its path, under served parents, never deeper than the limit (property)', () => {
    fc.assert(
      fc.property(forests, fc.constantFrom<Reader['chain']>(['bs'], ['bs', 'hr', 'en'], ['en', 'bs']), (versions, chain) => {
        const pages = servedPages(reader(chain[0], chain), versions);
        for (const served of pages.values()) {
          expect(pageAtPath(pages, served.path)?.documentId).toBe(served.documentId);
          expect(served.path.split('/').length).toBeLessThanOrEqual(MAX_DEPTH + 1);
          expect(versions.some((version) => version.documentId === served.documentId && version.published && (chain as string[]).includes(version.locale))).toBe(true);
          if (served.parent) expect(pages.has(served.parent)).toBe(true);
        }
      })
    );
  });
});

describe('navigation', () => {
  const pages = servedPages(reader('bs', ['bs', 'en']), [page('p', 'en', 'programme-summary', null, { title: 'Programme Summary (III Phase)' })]);

  it('serves labels along the chain, each item with its target, nested and ordered', () => {
    const menu = navigation(
      reader('bs', ['bs', 'en']),
      [
        item('top', 'en', 'About', { page: 'p', position: 1 }),
        item('top', 'bs', 'O programu', { page: null, position: 1 }),
        item('news', 'en', 'News', { list: 'news-articles', position: 0 }),
        item('out', 'en', 'UNICEF', { url: 'https://www.unicef.org/bih/', parent: 'top' }),
      ],
      pages
    );
    expect(menu).toEqual([
      { documentId: 'news', label: 'News', locale: 'en', localeSources: { label: { locale: 'en' } }, target: { type: 'list', list: 'news-articles' }, children: [] },
      {
        documentId: 'top',
        label: 'O programu',
        locale: 'bs',
        localeSources: { label: { locale: 'bs' } },
        // The Bosnian version cannot link the English-only page: the link comes from the English one.
        target: { type: 'page', documentId: 'p', path: 'programme-summary', title: 'Programme Summary (III Phase)' },
        children: [
          {
            documentId: 'out',
            label: 'UNICEF',
            locale: 'en',
            localeSources: { label: { locale: 'en' } },
            target: { type: 'url', url: 'https://www.unicef.org/bih/' },
            children: [],
          },
        ],
      },
    ]);
  });

  it('leaves out drafts, items leading nowhere, and everything under them', () => {
    const menu = navigation(
      reader('en'),
      [
        item('draft', 'en', 'Draft', { page: 'p', published: false }),
        item('nowhere', 'en', 'Nowhere', { page: 'unpublished-page' }),
        item('under', 'en', 'Under', { url: 'https://example.org/', parent: 'nowhere' }),
        item('empty', 'en', 'Empty', {}),
      ],
      servedPages(reader('en'), [page('p', 'en', 'p')])
    );
    expect(menu).toEqual([]);
  });
});

describe('treeProblem', () => {
  const link = (documentId: string, parent: string | null, published = false): ParentLink => ({ documentId, parent, published });
  const LOOP = 'A page cannot sit under itself or under a page below it: choose a parent outside its branch';

  it('finds a loop among the drafts or among the published versions, not across the two', () => {
    expect(treeProblem([link('a', 'b'), link('b', 'c'), link('c', 'a')])?.message).toBe(LOOP);
    expect(treeProblem([link('a', 'a', true)])?.message).toBe(LOOP);
    // Swapping two pages: the drafts already say one thing, the published versions still the other.
    expect(treeProblem([link('a', 'b', true), link('b', null, true), link('a', null), link('b', 'a')])).toBeUndefined();
    // A language version that links another parent counts too.
    expect(treeProblem([link('a', 'b'), link('a', null), link('b', 'a')])?.message).toBe(LOOP);
  });

  it('keeps every branch within the depth a path may have', () => {
    const chain = (levels: number) => Array.from({ length: levels }, (_, index) => link(`p${index}`, index === 0 ? null : `p${index - 1}`));
    expect(treeProblem(chain(MAX_DEPTH + 1))).toBeUndefined();
    expect(treeProblem(chain(MAX_DEPTH + 2))).toEqual({ path: ['parent'], message: `Pages nest at most ${MAX_DEPTH + 1} levels deep: choose a parent higher up` });
  });
});
