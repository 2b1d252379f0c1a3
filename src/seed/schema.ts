/**
 * The shape of the seed files in `database/seed/`, checked before anything is written.
 * Each record holds its shared (non-localized) fields, its relations by key, and one entry per
 * locale the source documents are written in.
 */
import { z } from 'zod';
import { LOCALE_CODES } from '../locales';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const slug = z.string().regex(SLUG, 'must be lower-case ASCII words joined by hyphens').max(255);
const isoDate = z.string().regex(ISO_DATE, 'must be a YYYY-MM-DD date');
const key = z.string().min(1);
const keys = z.array(key);

/** Rich text as a reviewer can read it: paragraphs, and numbered lists as `{ "ordered": [...] }`. */
export const richTextSchema = z.array(z.union([text(5000), z.strictObject({ ordered: z.array(text(2000)).min(1) })])).min(1);
export type RichText = z.infer<typeof richTextSchema>;

const geoPoint = z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

const record = <F extends z.ZodRawShape, R extends z.ZodRawShape, L extends z.ZodRawShape>(fields: F, relations: R, localized: L) =>
  z.strictObject({
    fields: z.strictObject(fields),
    relations: z.strictObject(relations),
    localizations: z
      // `draft: true` imports that version unpublished: a heading the sources give without its text.
      .partialRecord(z.enum(LOCALE_CODES as [string, ...string[]]), z.strictObject({ ...localized, draft: z.literal(true).optional() }))
      .refine((versions) => Object.keys(versions).length > 0, 'needs at least one locale'),
  });

const programme = record(
  {
    slug,
    acronym: text(20),
    startYear: z.number().int().min(1990).max(2100).optional(),
    expectedReachChildren: z.number().int().min(0).optional(),
    funding: z
      .array(
        z.strictObject({
          funder: text(200),
          instrument: text(200).optional(),
          amount: z.number().min(0).max(99_999_999.99).optional(),
          currency: z.enum(['EUR', 'BAM', 'USD']).optional(),
          sinceYear: z.number().int().min(1990).max(2100).optional(),
        })
      )
      .optional(),
  },
  {},
  {
    name: text(255),
    summary: text(2000).optional(),
    description: richTextSchema.optional(),
    overallObjective: text(2000).optional(),
    specificObjectives: z.array(z.strictObject({ text: text(1000) })).optional(),
    targetGroups: text(2000).optional(),
    implementationLevels: z.array(z.strictObject({ level: z.enum(['community', 'institutions', 'policy']), description: text(1000) })).optional(),
    partners: text(2000).optional(),
  }
);

const phase = record(
  {
    name: z.enum(['I', 'II', 'III', 'IV', 'V']),
    periodStart: z.string().regex(PARTIAL_DATE).nullable(),
    periodEnd: z.string().regex(PARTIAL_DATE).nullable(),
  },
  { programme: key },
  { focus: text(4000).optional() }
);

const municipality = record(
  {
    slug,
    kind: z.enum(['municipality', 'city', 'district']),
    entity: z.enum(['FBiH', 'RS', 'BD']),
    canton: z
      .enum(['una_sana', 'posavina', 'tuzla', 'zenica_doboj', 'bosnian_podrinje', 'central_bosnia', 'herzegovina_neretva', 'west_herzegovina', 'sarajevo', 'canton_10'])
      .nullable(),
    geo: geoPoint,
    population2013: z.number().int().min(0),
  },
  { phases: keys },
  { name: text(120) }
).refine((m) => (m.fields.entity === 'FBiH') === (m.fields.canton !== null), {
  path: ['fields', 'canton'],
  message: 'a canton is given exactly for places in the Federation (FBiH)',
});

const workshop = record(
  {
    slug,
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    geo: geoPoint.nullable(),
  },
  { phase: key, municipalities: keys },
  {
    title: text(255),
    description: text(4000).optional(),
    city: text(120).optional(),
    venue: text(255).optional(),
    audience: text(2000).optional(),
    organisers: text(1000).optional(),
  }
).refine((w) => !w.fields.startDate || !w.fields.endDate || w.fields.startDate <= w.fields.endDate, {
  path: ['fields', 'endDate'],
  message: 'must not be before startDate',
});

const newsArticle = record(
  { publicationDate: isoDate },
  { programme: key, workshops: keys, municipalities: keys },
  {
    title: text(255),
    slug,
    dateline: text(120).optional(),
    lead: text(2000).optional(),
    body: richTextSchema.optional(),
    quotes: z.array(z.strictObject({ text: text(2000), speaker: text(200), role: text(200).optional() })).optional(),
    tags: z.array(z.strictObject({ name: text(60) })).optional(),
  }
);

const contact = record(
  {
    name: text(120),
    email: z.email().max(254),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()/-]{5,28}$/)
      .optional(),
    fax: z
      .string()
      .regex(/^\+?[0-9][0-9 ()/-]{5,28}$/)
      .optional(),
  },
  { programme: key },
  {
    role: text(200).optional(),
    organisation: text(255).optional(),
    unit: text(255).optional(),
    address: text(500).optional(),
  }
);

const page = record(
  { position: z.number().int().min(0).max(9999), heroCredit: text(200).optional() },
  { parent: key.optional() },
  {
    title: text(255),
    slug,
    summary: text(2000).optional(),
    body: richTextSchema.optional(),
  }
);

const menuItem = record({ position: z.number().int().min(0).max(9999) }, { page: key.optional(), parent: key.optional() }, { label: text(120) });

const result = record({ type: z.enum(['output', 'outcome', 'impact', 'other']) }, { programme: key }, { title: text(500), description: text(4000).optional() });

const amount = z.number().min(0).nullable();
const indicator = record(
  {
    measure: z.enum(['unit', 'percentage']),
    ascending: z.boolean(),
    baselineYear: z.number().int().min(1990).max(2100).nullable(),
    baselineValue: amount,
    periods: z.array(
      z
        .strictObject({ periodStart: isoDate, periodEnd: isoDate, target: amount, actual: amount })
        .refine((period) => period.periodStart <= period.periodEnd, { path: ['periodEnd'], message: 'must not be before periodStart' })
    ),
  },
  { result: key },
  { title: text(500), description: text(4000).optional() }
);

/**
 * The seed files in the order they are imported (a record's relations point only to files
 * before it). `key` names the field that finds a record again on the next run; a localized
 * key is read in the record's first locale.
 */
export const SEED_FILES = [
  { name: 'programmes', uid: 'api::programme.programme', key: 'slug', keyLocalized: false, schema: programme, relations: {} },
  { name: 'phases', uid: 'api::phase.phase', key: 'name', keyLocalized: false, schema: phase, relations: { programme: 'programmes' } },
  { name: 'municipalities', uid: 'api::municipality.municipality', key: 'slug', keyLocalized: false, schema: municipality, relations: { phases: 'phases' } },
  { name: 'workshops', uid: 'api::workshop.workshop', key: 'slug', keyLocalized: false, schema: workshop, relations: { phase: 'phases', municipalities: 'municipalities' } },
  {
    name: 'news-articles',
    uid: 'api::news-article.news-article',
    key: 'slug',
    keyLocalized: true,
    schema: newsArticle,
    relations: { programme: 'programmes', workshops: 'workshops', municipalities: 'municipalities' },
  },
  { name: 'contacts', uid: 'api::contact.contact', key: 'email', keyLocalized: false, schema: contact, relations: { programme: 'programmes' } },
  // A page's parent comes before it in the file.
  { name: 'pages', uid: 'api::page.page', key: 'slug', keyLocalized: true, schema: page, relations: { parent: 'pages' } },
  { name: 'menu-items', uid: 'api::menu-item.menu-item', key: 'label', keyLocalized: true, schema: menuItem, relations: { page: 'pages', parent: 'menu-items' } },
  { name: 'results', uid: 'api::result.result', key: 'title', keyLocalized: true, schema: result, relations: { programme: 'programmes' } },
  { name: 'indicators', uid: 'api::indicator.indicator', key: 'title', keyLocalized: true, schema: indicator, relations: { result: 'results' } },
] as const;

export type SeedFile = (typeof SEED_FILES)[number];
export type SeedFileName = SeedFile['name'];

/** A validated record, in the generic form the importer works with. */
export type SeedRecord = {
  fields: Record<string, unknown>;
  relations: Record<string, string | string[] | undefined>;
  localizations: Record<string, Record<string, unknown> & { draft?: true }>;
};

export type SeedDataset = Record<SeedFileName, SeedRecord[]>;
