/**
 * The panel's translation tools: which fields of a language version are stale (with the
 * source's old and new text, word by word), "still correct" for some or all of them, and the
 * coverage of each type in each language with the documents behind each number. Reading needs
 * the Content Manager's read right, confirming its update right on that language version.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { contentChanged } from '../../../cache';
import { apiContentTypeUids, attributesOf, tableOf } from '../../../content-api/content-types';
import { columnOf } from '../../../database/derived-columns';
import { DEFAULT_LOCALE, isLocaleCode, LOCALE_CODES } from '../../../locales';
import { mayOrRefuse, parsed } from './admin-access';
import { readDocumentState, shapeFor } from './recording';
import { confirmFields, readRecords, rulesFor, TRANSLATION } from './translations';
import { diffVersions } from './version-diff';

const locale = z.string().refine(isLocaleCode, 'not a locale of this site');
const fieldQuery = z.object({ locale }).strict();
const confirmBody = z.object({ locale, fields: z.array(z.string().max(100)).min(1).max(200).optional(), sourceLocale: locale.optional() }).strict();
const coverageQuery = z
  .object({
    uid: z.string().max(255).optional(),
    locale: locale.optional(),
    translation: z.enum(['stale', 'missing', 'untranslated']).optional(),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** The worst state of a version's fields: stale over missing over fresh. */
const WORST = `max(case state when 'stale' then 2 when 'missing' then 1 else 0 end)`;
const WORST_NAMES = ['fresh', 'missing', 'stale'] as const;

/**
 * Per language: versions, and how many are originals (the document's source: the base language,
 * or its first version when it has none), fresh, stale, missing text, untracked (not written
 * since records began) and untranslated.
 */
async function coverageOf(strapi: Core.Strapi, uid: string) {
  const knex = strapi.db.connection;
  const table = tableOf(strapi, uid);
  const documentColumn = columnOf(strapi, uid, 'documentId');
  const draftAndPublish = strapi.getModel(uid as UID.Schema)?.options?.draftAndPublish === true;
  const drafts = knex(table).modify((query) => (draftAndPublish ? query.whereNull(columnOf(strapi, uid, 'publishedAt')) : query));
  const [{ documents }] = await drafts.clone().countDistinct({ documents: documentColumn });
  const versions: Array<Record<string, unknown>> = await drafts.clone().select('locale').countDistinct({ versions: documentColumn }).groupBy('locale');
  const subject = columnOf(strapi, TRANSLATION, 'subjectDocumentId');
  const perVersion = knex(tableOf(strapi, TRANSLATION))
    .select('locale', subject)
    .select(knex.raw(`${WORST} as worst`))
    .where(columnOf(strapi, TRANSLATION, 'contentType'), uid)
    .groupBy('locale', subject)
    .as('per_version');
  const states: Array<Record<string, unknown>> = await knex.from(perVersion).select('locale', 'worst').count({ count: '*' }).groupBy('locale', 'worst');
  // A version is its document's original when it is in the base language, or the document has
  // none and this version came first (its draft row is the oldest); and no editor named it a translation.
  const firstRows = drafts.clone().select(documentColumn, 'locale').min({ first: 'id' }).groupBy(documentColumn, 'locale').as('version');
  const documentsFirst = drafts
    .clone()
    .select({ document: documentColumn })
    .min({ first: 'id' })
    .select(knex.raw(`max(case when locale = ? then 1 else 0 end) as has_base`, [DEFAULT_LOCALE]))
    .groupBy(documentColumn)
    .as('document');
  const originals: Array<Record<string, unknown>> = await knex
    .from(firstRows)
    .join(documentsFirst, `document.document`, `version.${documentColumn}`)
    .where((where) =>
      where.where('version.locale', DEFAULT_LOCALE).orWhere((first) => first.where('document.has_base', 0).andWhereRaw('?? = ??', ['version.first', 'document.first']))
    )
    .whereNotExists(
      knex(tableOf(strapi, TRANSLATION))
        .where(columnOf(strapi, TRANSLATION, 'contentType'), uid)
        .whereRaw('?? = ??', [subject, `version.${documentColumn}`])
        .whereRaw('?? = ??', [`${tableOf(strapi, TRANSLATION)}.locale`, 'version.locale'])
    )
    .select('version.locale')
    .count({ count: '*' })
    .groupBy('version.locale');
  return LOCALE_CODES.map((code) => {
    const count = (worst: number) => Number(states.find((row) => row.locale === code && Number(row.worst) === worst)?.count ?? 0);
    const existing = Number(versions.find((row) => row.locale === code)?.versions ?? 0);
    const original = Number(originals.find((row) => row.locale === code)?.count ?? 0);
    const [fresh, missing, stale] = [0, 1, 2].map(count);
    return {
      contentType: uid,
      locale: code,
      versions: existing,
      originals: original,
      fresh,
      stale,
      missing,
      untracked: existing - original - fresh - stale - missing,
      untranslated: Number(documents) - existing,
    };
  });
}

/** The documents of `uid` whose `locale` version is in `state` (untranslated: has none), with their main text. */
async function documentsIn(strapi: Core.Strapi, uid: string, locale: string, state: 'stale' | 'missing' | 'untranslated', pageSize: number) {
  const knex = strapi.db.connection;
  const documentColumn = columnOf(strapi, uid, 'documentId');
  let documentIds: string[];
  if (state === 'untranslated') {
    const table = tableOf(strapi, uid);
    const rows = await knex(table)
      .distinct(documentColumn)
      .whereNotIn(documentColumn, knex(table).select(documentColumn).where('locale', locale))
      .orderBy(documentColumn)
      .limit(pageSize);
    documentIds = rows.map((row) => row[documentColumn] as string);
  } else {
    const subject = columnOf(strapi, TRANSLATION, 'subjectDocumentId');
    const rows = await knex(tableOf(strapi, TRANSLATION))
      .select(subject)
      .where({ [columnOf(strapi, TRANSLATION, 'contentType')]: uid, locale })
      .groupBy(subject)
      .havingRaw(`${WORST} = ?`, [WORST_NAMES.indexOf(state)])
      .orderBy(subject)
      .limit(pageSize);
    documentIds = rows.map((row) => row[subject] as string);
  }
  const mainField = 'title' in attributesOf(strapi, uid) ? 'title' : 'name';
  const named = (await strapi.db
    .query(uid as UID.Schema)
    .findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId', 'locale', 'publishedAt', mainField] })) as Array<Record<string, string>>;
  return documentIds.map((documentId) => {
    // The draft's title in that language (what the editor is working on), else any version's.
    const versions = named.filter((row) => row.documentId === documentId).sort((a, b) => Number(a.publishedAt !== null) - Number(b.publishedAt !== null));
    const shown = versions.find((row) => row.locale === locale) ?? versions[0];
    return { documentId, locale: shown?.locale ?? null, title: shown?.[mainField] ?? null };
  });
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /content-history/translations/:uid/:documentId?locale= — each translated field's state, with the source's change since. */
  async findOne(ctx: Context) {
    const { uid, documentId } = ctx.params as { uid: string; documentId: string };
    const { locale: code } = parsed(fieldQuery, ctx.query, 'query parameter');
    await mayOrRefuse(strapi, ctx, uid, documentId, 'read', code);
    const records = await readRecords(strapi, uid, [documentId]);
    const state = await readDocumentState(strapi, uid, documentId);
    const shape = shapeFor(strapi, uid);
    const fields = records
      .filter((record) => record.locale === code)
      .map((record) => {
        const sourceNow = state.get(record.sourceLocale)?.draft?.values[record.field] ?? state.get(record.sourceLocale)?.published?.values[record.field] ?? null;
        const [sourceChange] = diffVersions({ [record.field]: shape[record.field] }, { [record.field]: record.sourceValue }, { [record.field]: sourceNow });
        return {
          field: record.field,
          state: record.state,
          since: record.since,
          sourceLocale: record.sourceLocale,
          sourceThen: record.sourceValue,
          sourceNow,
          words: sourceChange?.words,
        };
      });
    ctx.body = { data: { locale: code, fields } };
  },

  /** POST /content-history/translations/:uid/:documentId/confirm { locale, fields?, sourceLocale? } */
  async confirm(ctx: Context) {
    const { uid, documentId } = ctx.params as { uid: string; documentId: string };
    const body = parsed(confirmBody, ctx.request.body, 'body');
    await mayOrRefuse(strapi, ctx, uid, documentId, 'update', body.locale);
    const unknown = (body.fields ?? []).filter((field) => !rulesFor(strapi, uid).fields.includes(field));
    if (unknown.length > 0) throw new errors.ValidationError(`Invalid body fields: ${unknown.join(', ')} are not translated fields`, { source: 'body', param: 'fields' });
    const state = await readDocumentState(strapi, uid, documentId);
    if (!state.has(body.locale)) throw new errors.NotFoundError(`This document has no ${body.locale} version`);
    if (body.sourceLocale && (body.sourceLocale === body.locale || !state.has(body.sourceLocale))) {
      throw new errors.ValidationError(`Invalid body sourceLocale: the document has no other ${body.sourceLocale} version to translate from`, {
        source: 'body',
        param: 'sourceLocale',
      });
    }
    const confirmed = await strapi.db.transaction(() => confirmFields(strapi, uid, documentId, state, body));
    // No row of the type changed, but what its responses say about translations did.
    await contentChanged(strapi, uid);
    ctx.body = { data: confirmed };
  },

  /** GET /content-history/translations/coverage?uid=&locale=&translation=stale|missing|untranslated — counts per type and language, or the documents behind one. */
  async coverage(ctx: Context) {
    const query = parsed(coverageQuery, ctx.query, 'query parameter');
    const uids = query.uid ? [query.uid] : apiContentTypeUids(strapi).filter((uid) => rulesFor(strapi, uid).fields.length > 0);
    for (const uid of uids) if (!apiContentTypeUids(strapi).includes(uid as UID.ContentType)) throw new errors.NotFoundError(`No content type ${uid}`);
    const readable = [];
    for (const uid of uids) {
      try {
        await mayOrRefuse(strapi, ctx, uid, undefined, 'read', query.locale ?? null);
        readable.push(uid);
      } catch (error) {
        if (query.uid) throw error;
      }
    }
    if (query.translation) {
      if (!query.uid || !query.locale)
        throw new errors.ValidationError('Invalid query parameter translation: it lists the documents of one uid and locale; give both', { source: 'query', param: 'translation' });
      ctx.body = { data: await documentsIn(strapi, query.uid, query.locale, query.translation, query.pageSize) };
      return;
    }
    const rows = [];
    for (const uid of readable) rows.push(...(await coverageOf(strapi, uid)).filter((row) => !query.locale || row.locale === query.locale));
    ctx.body = { data: rows };
  },
});
