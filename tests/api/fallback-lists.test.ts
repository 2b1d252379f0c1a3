/**
 * Fallback lists chosen by the database: of each document, its version in the earliest locale
 * of the requested locale's chain that has a published one. A property-based differential test
 * compares generated fallback reads (locale, sort, page) over generated documents (each with
 * published and draft versions in a random set of locales) with that rule computed here from
 * the rows; and the SQL a fallback list sends does not grow with the number of documents.
 */
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import { LOCALE_CODES, type LocaleCode } from '../../src/locales';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const PREFIX = 'fbx-';
/** The chains of config/locales.ts, each led by its own locale. */
let chains: Record<LocaleCode, LocaleCode[]>;
let strapi: Core.Strapi;

type Row = { documentId: string; locale: LocaleCode; title: string; slug: string; publicationDate: string; publishedAt: Date | null };

/** A world of documents: per document, the locales it has, each with a draft and maybe a published version. */
const world = fc.array(
  fc.record({
    versions: fc.uniqueArray(
      fc.record({ locale: fc.constantFrom(...LOCALE_CODES), published: fc.boolean(), title: fc.stringMatching(/^[a-z]{1,3}$/), day: fc.integer({ min: 1, max: 28 }) }),
      {
        selector: (version) => version.locale,
        minLength: 1,
        maxLength: 4,
      }
    ),
  }),
  { minLength: 1, maxLength: 25 }
);

let written = 0;
type World = Array<{ versions: Array<{ locale: LocaleCode; published: boolean; title: string; day: number }> }>;

async function writeWorld(documents: World): Promise<Row[]> {
  const rows: Row[] = documents.flatMap(({ versions }) => {
    written += 1;
    const documentId = `${PREFIX}${written}`.padEnd(24, 'x');
    return versions.flatMap(({ locale, published, title, day }) => {
      const row = { documentId, locale, title, slug: `${PREFIX}${written}-${locale}`, publicationDate: `2026-11-${String(day).padStart(2, '0')}` };
      return [{ ...row, publishedAt: null }, ...(published ? [{ ...row, publishedAt: new Date() }] : [])];
    });
  });
  await strapi.db.query(NEWS).createMany({ data: rows });
  return rows;
}

const clear = () => strapi.db.query(NEWS).deleteMany({ where: { slug: { $startsWith: PREFIX } } });

/** The rule, from the rows: each document's first published version on the chain. */
function expected(rows: Row[], locale: LocaleCode): Row[] {
  const chain = chains[locale];
  const published = rows.filter((row) => row.publishedAt);
  const byDocument = new Map<string, Row>();
  for (const candidate of chain) for (const row of published) if (row.locale === candidate && !byDocument.has(row.documentId)) byDocument.set(row.documentId, row);
  return [...byDocument.values()];
}

type Sort = { field: 'title' | 'publicationDate'; direction: 'asc' | 'desc' };
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (rows: Row[], sort: Sort) => [...rows].sort((a, b) => (sort.direction === 'asc' ? 1 : -1) * compare(a[sort.field], b[sort.field]) || compare(a.slug, b.slug));

beforeAll(async () => {
  process.env.CACHE_ENABLED = 'false';
  process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = '1000000';
  strapi = await setupStrapi();
  const configured = (strapi.config.get('locales') as { fallback: { chains: Record<LocaleCode, LocaleCode[]> } }).fallback.chains;
  chains = Object.fromEntries(LOCALE_CODES.map((locale) => [locale, [locale, ...configured[locale]]])) as Record<LocaleCode, LocaleCode[]>;
  await clear();
});

afterAll(async () => {
  await clear();
  delete process.env.CACHE_ENABLED;
  delete process.env.RATE_LIMIT_PUBLIC_PER_MINUTE;
  await teardownStrapi();
});

it('lists, sorts, pages and counts each document in its first published version on the chain', async () => {
  await fc.assert(
    fc.asyncProperty(
      world,
      fc.array(
        fc.record({
          locale: fc.constantFrom(...LOCALE_CODES),
          sort: fc.record({ field: fc.constantFrom('title', 'publicationDate'), direction: fc.constantFrom('asc', 'desc') }) as fc.Arbitrary<Sort>,
          page: fc.integer({ min: 1, max: 4 }),
          pageSize: fc.integer({ min: 1, max: 10 }),
        }),
        { minLength: 1, maxLength: 6 }
      ),
      async (documents, reads) => {
        await clear();
        const rows = await writeWorld(documents);
        for (const { locale, sort, page, pageSize } of reads) {
          const response = await api()
            .get('/api/news-articles')
            .query({
              locale,
              fallback: 'true',
              filters: { slug: { $startsWith: PREFIX } },
              sort: [`${sort.field}:${sort.direction}`, 'slug'],
              pagination: { page, pageSize },
              fields: ['slug', 'title'],
            });
          expect(response.status).toBe(200);
          const all = sorted(expected(rows, locale), sort);
          const served = (response.body.data as { slug: string }[]).map((entry) => entry.slug);
          expect({ locale, sort, page, pageSize, served }).toEqual({
            locale,
            sort,
            page,
            pageSize,
            served: all.slice((page - 1) * pageSize, page * pageSize).map((row) => row.slug),
          });
          expect(response.body.meta.pagination.total).toBe(all.length);
        }
      }
    ),
    { numRuns: 60 }
  );
}, 300_000);

it('sends the database as much for a fallback list of 10 documents as of 300', async () => {
  const bindingsOfList = async () => {
    let bindings = 0;
    let statements = 0;
    const count = ({ bindings: sent }: { bindings?: unknown[] }) => {
      statements += 1;
      bindings += sent?.length ?? 0;
    };
    strapi.db.connection.on('query', count);
    const response = await api()
      .get('/api/news-articles')
      .query({ locale: 'sr-Cyrl', fallback: 'true', filters: { slug: { $startsWith: PREFIX } }, sort: 'publicationDate:desc', pagination: { pageSize: 5 } });
    strapi.db.connection.off('query', count);
    expect(response.body.data).toHaveLength(5);
    return { bindings, statements };
  };
  const document = (locale: LocaleCode) => ({ versions: [{ locale, published: true, title: 'a', day: 1 }] });
  await clear();
  await writeWorld(Array.from({ length: 10 }, (_, index) => document(LOCALE_CODES[index % LOCALE_CODES.length])));
  const small = await bindingsOfList();
  await writeWorld(Array.from({ length: 290 }, (_, index) => document(LOCALE_CODES[index % LOCALE_CODES.length])));
  const large = await bindingsOfList();
  expect(large).toEqual(small);
});
