/**
 * Fallback lists chosen by the database: of each document, its version in the earliest locale
 * of the requested locale's chain that has a published one. Property-based differential tests
 * compare, with that rule computed here from the rows: generated fallback reads (locale, sort,
 * page) over generated documents (each with published and draft versions in a random set of
 * locales, loaded around the Document Service and flagged as a restore does); and the lists after
 * generated sequences of writes through the Document Service, REST, GraphQL and the Content
 * Manager (create, translate, publish, unpublish, discard, delete a locale or a document), which
 * keep the flags themselves.
 * And the SQL a fallback list sends does not grow with the number of documents.
 */
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import { LOCALE_CODES, type LocaleCode } from '../../src/locales';
import { reflagAll } from '../../src/content-api/served-versions';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, createApiToken, graphql, setupStrapi, teardownStrapi } from '../helpers/strapi';

const NEWS = 'api::news-article.news-article';
const PREFIX = 'fbx-';
/** The chains of config/locales.ts, each led by its own locale. */
let chains: Record<LocaleCode, LocaleCode[]>;
let strapi: Core.Strapi;
let token: string;
let editor: string;

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
  await reflagAll(strapi);
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
  token = await createApiToken(strapi);
  editor = await loginAsNewAdmin(strapi);
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

/** The fallback list of `locale` as REST serves it: its slugs (as a set: the other test checks orders) and total. */
async function fallbackList(locale: LocaleCode) {
  const response = await api()
    .get('/api/news-articles')
    .query({ locale, fallback: 'true', filters: { slug: { $startsWith: PREFIX } }, pagination: { pageSize: 100 }, fields: ['slug'] });
  expect(response.status).toBe(200);
  return { locale, slugs: (response.body.data as { slug: string }[]).map((entry) => entry.slug).sort(), total: response.body.meta.pagination.total };
}

const WRITES = [
  'translate',
  'publish',
  'unpublish',
  'discardDraft',
  'deleteLocale',
  'deleteDocument',
  'restDeleteLocale',
  'restTranslatePublished',
  'panelUnpublish',
  'panelPublish',
  'graphqlDeleteLocale',
] as const;
type Write = {
  action: (typeof WRITES)[number];
  document: number;
  locale: LocaleCode;
};

it("keeps serving each document's first published version on the chain through every kind of write", async () => {
  const writes = fc.array(
    fc.record({
      action: fc.constantFrom(...WRITES),
      document: fc.integer({ min: 0, max: 2 }),
      locale: fc.constantFrom(...LOCALE_CODES),
    }) as fc.Arbitrary<Write>,
    { minLength: 1, maxLength: 14 }
  );
  let run = 0;
  await fc.assert(
    fc.asyncProperty(writes, async (sequence) => {
      await clear();
      run += 1;
      const documentIds: Array<string | undefined> = [];
      // What exists, so each write is one the panel would offer: versions, and which are published.
      const drafts = new Set<string>();
      const published = new Set<string>();
      const documents = strapi.documents(NEWS);
      for (const { action, document, locale } of sequence) {
        const documentId = documentIds[document];
        const version = `${document}:${locale}`;
        const data = { title: `Vijest ${run}`, slug: `${PREFIX}w${run}-${document}-${locale}`.toLowerCase(), publicationDate: '2026-11-02' };
        if (action === 'translate' || action === 'restTranslatePublished') {
          if (drafts.has(version)) continue;
          if (action === 'translate') {
            documentIds[document] = documentId ? (await documents.update({ documentId, locale, data }))!.documentId : (await documents.create({ locale, data })).documentId;
          } else {
            const response = documentId
              ? await api().put(`/api/news-articles/${documentId}`).query({ locale }).set('Authorization', `Bearer ${token}`).send({ data })
              : await api().post('/api/news-articles').query({ locale }).set('Authorization', `Bearer ${token}`).send({ data });
            expect(response.status).toBe(documentId ? 200 : 201);
            documentIds[document] = response.body.data.documentId;
            published.add(version);
          }
          drafts.add(version);
        } else if (!documentId) continue;
        else if ((action === 'publish' || action === 'panelPublish') && drafts.has(version)) {
          if (action === 'publish') await documents.publish({ documentId, locale });
          else expect((await contentManagerRequest(editor, 'post', NEWS, `/${documentId}/actions/publish`).query({ locale }).send({})).status).toBe(200);
          published.add(version);
        } else if ((action === 'unpublish' || action === 'panelUnpublish') && published.has(version)) {
          if (action === 'unpublish') await documents.unpublish({ documentId, locale });
          else expect((await contentManagerRequest(editor, 'post', NEWS, `/${documentId}/actions/unpublish`).query({ locale }).send({})).status).toBe(200);
          published.delete(version);
        } else if (action === 'discardDraft' && published.has(version)) {
          await documents.discardDraft({ documentId, locale });
        } else if ((action === 'deleteLocale' || action === 'restDeleteLocale' || action === 'graphqlDeleteLocale') && drafts.has(version)) {
          if (action === 'deleteLocale') await documents.delete({ documentId, locale });
          else if (action === 'restDeleteLocale')
            expect((await api().delete(`/api/news-articles/${documentId}`).query({ locale }).set('Authorization', `Bearer ${token}`)).status).toBe(204);
          else {
            const deleted = await graphql(
              'mutation ($id: ID!, $locale: I18NLocaleCode) { deleteNewsArticle(documentId: $id, locale: $locale) { documentId } }',
              { id: documentId, locale },
              token
            );
            expect(deleted.body.errors).toBeUndefined();
          }
          drafts.delete(version);
          published.delete(version);
          // Its last version gone, the document is gone.
          if (!LOCALE_CODES.some((code) => drafts.has(`${document}:${code}`))) documentIds[document] = undefined;
        } else if (action === 'deleteDocument') {
          await documents.delete({ documentId, locale: '*' });
          for (const code of LOCALE_CODES) {
            drafts.delete(`${document}:${code}`);
            published.delete(`${document}:${code}`);
          }
          documentIds[document] = undefined;
        }
      }
      const rows: Row[] = await strapi.db.query(NEWS).findMany({ where: { slug: { $startsWith: PREFIX } }, select: ['documentId', 'locale', 'slug', 'publishedAt'] });
      for (const locale of LOCALE_CODES) {
        const served = expected(rows, locale).map((row) => row.slug);
        expect(await fallbackList(locale)).toEqual({ locale, slugs: [...served].sort(), total: served.length });
      }
    }),
    { numRuns: 50 }
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
