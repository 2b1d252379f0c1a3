/**
 * `npm run seed:synthetic -- --articles 10000 [--locales bs,en]`: bulk-loads made-up, published
 * news articles (synthetic-text.ts) for load tests, each in every locale asked for, linked to two
 * of the programme's places. Rows go in with the query layer's bulk insert, a batch per
 * transaction, draft and published version alike, search index included: the same rows the
 * Document Service would write, a hundred times faster. `--replace` deletes an earlier run's
 * articles first. Progress on the terminal.
 */
import { randomBytes } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { waitForIdleDatabase } from '../database/idle';
import { LOCALE_CODES, type LocaleCode } from '../locales';
import { sortKeysOf } from '../collation';
import { searchIndexOf } from '../search';
import { fallbackConfigOf, servedFlagsOf } from '../content-api/served-versions';
import { syntheticArticle } from './synthetic-text';

const NEWS: UID.ContentType = 'api::news-article.news-article';
const MUNICIPALITY: UID.ContentType = 'api::municipality.municipality';
const SLUG_PREFIX = 'synthetic-';
const BATCH = 250;

const optionsSchema = z.strictObject({
  articles: z.coerce.number().int().min(1).max(1_000_000),
  locales: z
    .string()
    .transform((list) => list.split(',').map((code) => code.trim()))
    .pipe(z.array(z.enum(LOCALE_CODES as [LocaleCode, ...LocaleCode[]])).min(1))
    .default([...LOCALE_CODES]),
  replace: z.boolean().default(false),
});

export type SyntheticOptions = z.infer<typeof optionsSchema>;

/** `--articles 10000 --locales bs,en --replace` → options, or the reason they are wrong. */
export function parseSyntheticArgs(args: string[]): SyntheticOptions {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i += 1) {
    const name = args[i].replace(/^--/, '');
    if (name === 'replace') raw.replace = true;
    else raw[name] = args[(i += 1)];
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/** Strapi's documentIds are 24 lowercase letters and digits. */
const documentId = () => Array.from(randomBytes(24), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');

type Row = Record<string, unknown>;

/** The municipalities' row ids by locale, draft and published apart (each links to its own kind). */
async function placeRows(strapi: Core.Strapi) {
  const rows: { id: number; locale: string; publishedAt: string | null }[] = await strapi.db.query(MUNICIPALITY).findMany({ select: ['id', 'locale', 'publishedAt'] });
  const key = (locale: string, published: boolean) => `${locale}:${published}`;
  const byKey = new Map<string, number[]>();
  for (const row of rows) byKey.set(key(row.locale, row.publishedAt !== null), [...(byKey.get(key(row.locale, row.publishedAt !== null)) ?? []), row.id]);
  return (locale: string, published: boolean) => byKey.get(key(locale, published)) ?? [];
}

async function deleteEarlierRun(strapi: Core.Strapi): Promise<number> {
  const { count } = await strapi.db.query(NEWS).deleteMany({ where: { slug: { $startsWith: SLUG_PREFIX } } });
  return count;
}

export async function loadSyntheticNews(
  strapi: Core.Strapi,
  options: SyntheticOptions,
  onProgress: (done: number, total: number) => void = () => {}
): Promise<{ articles: number; rows: number; deleted: number }> {
  const deleted = options.replace ? await deleteEarlierRun(strapi) : 0;
  const places = await placeRows(strapi);
  const join = (
    strapi.db.metadata.get(NEWS).attributes as Record<
      string,
      { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string }; orderColumnName?: string; inverseOrderColumnName?: string } }
    >
  ).municipalities.joinTable!;
  const now = new Date();
  const fallback = fallbackConfigOf(strapi);
  let rows = 0;

  for (let start = 0; start < options.articles; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, options.articles - start) }, (_, offset) => start + offset);
    await strapi.db.transaction(async ({ trx }) => {
      const links: Row[] = [];
      // One documentId per article, across its locales; the draft and published rows share the text.
      const versions = indexes.flatMap((index) => {
        const id = documentId();
        return options.locales.map((locale) => {
          const article = syntheticArticle(index, locale);
          return {
            index,
            locale,
            row: {
              ...article,
              documentId: id,
              locale,
              createdAt: now,
              updatedAt: now,
              searchIndex: searchIndexOf(strapi, NEWS, article),
              ...sortKeysOf(NEWS, { ...article, locale }),
              // Every article has a version in each of the run's locales, draft and published alike.
              ...servedFlagsOf(fallback, options.locales, locale),
            },
          };
        });
      });
      for (const published of [false, true]) {
        const data = versions.map(({ row }) => ({ ...row, publishedAt: published ? now : null }));
        const { ids: rowIds } = await strapi.db.query(NEWS).createMany({ data });
        rows += rowIds.length;
        versions.forEach(({ index, locale }, i) => {
          const candidates = places(locale, published);
          for (const [order, offset] of [0, 7].entries()) {
            if (candidates.length === 0) continue;
            links.push({
              [join.joinColumn.name]: rowIds[i],
              [join.inverseJoinColumn.name]: candidates[(index + offset) % candidates.length],
              ...(join.orderColumnName && { [join.orderColumnName]: order + 1 }),
            });
          }
        });
      }
      for (let i = 0; i < links.length; i += 500)
        await strapi.db
          .getConnection(join.name)
          .transacting(trx)
          .insert(links.slice(i, i + 500));
    });
    onProgress(start + indexes.length, options.articles);
  }
  // Fresh statistics, or PostgreSQL plans the next reads for the table it knew before the load
  // (a page of 25 took 17 ms instead of 0.6 ms on 10,000 articles); and a visibility map, so a
  // list's count reads the index only (10 ms → 2 ms) without waiting for autovacuum.
  if (strapi.db.dialect.client === 'postgres') {
    for (const table of [strapi.db.metadata.get(NEWS).tableName, join.name]) await strapi.db.connection.raw('VACUUM ANALYZE ??', [table]);
  }
  return { articles: options.articles, rows, deleted };
}
type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

/** A bar that fills in place on a terminal; in a log, a line per tenth. */
export const progressBar = (out: Output, started = Date.now()) => {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const filled = Math.round((done / total) * 30);
    const line = `synthetic: [${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} articles, ${((Date.now() - started) / 1000).toFixed(1)} s`;
    const tenth = Math.floor((done / total) * 10);
    if (out.isTTY) out.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (tenth !== lastTenth) {
      lastTenth = tenth;
      out.write(`${line}\n`);
    }
  };
};

export async function runSyntheticSeed(strapi: Core.Strapi, ...args: string[]): Promise<number> {
  let options: SyntheticOptions;
  try {
    options = parseSyntheticArgs(args);
  } catch (error) {
    process.stderr.write(`synthetic: ${(error as Error).message}\nusage: npm run seed:synthetic -- --articles 10000 [--locales bs,en] [--replace]\n`);
    return 2;
  }
  const started = Date.now();
  const result = await loadSyntheticNews(strapi, options, progressBar(process.stdout, started));
  await waitForIdleDatabase(strapi);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `synthetic: ${result.articles.toLocaleString('en')} articles in ${options.locales.join(', ')}: ${result.rows.toLocaleString('en')} rows (draft and published) in ${seconds.toFixed(1)} s` +
      `${result.deleted ? `, after deleting ${result.deleted.toLocaleString('en')} rows of an earlier run` : ''}\n`
  );
  return 0;
}
