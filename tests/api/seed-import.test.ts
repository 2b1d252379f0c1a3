/**
 * The content import is idempotent and all-or-nothing: a second run writes nothing, and a
 * run that fails part-way leaves the database exactly as it was.
 */
import type { Core } from '@strapi/strapi';
import { importDataset, readDataset, seed, seedDirectory, SeedDataError, parseDataset } from '../../src/seed';
import type { SeedDataset } from '../../src/seed/schema';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

const UIDS = [
  'api::programme.programme',
  'api::phase.phase',
  'api::municipality.municipality',
  'api::workshop.workshop',
  'api::news-article.news-article',
  'api::contact.contact',
] as const;

let strapi: Core.Strapi;

/** Every row of every content type (all locales, drafts and published), with its update time. */
const snapshot = async () => {
  const rows: Record<string, Array<{ id: number; updatedAt: string }>> = {};
  for (const uid of UIDS) {
    rows[uid] = await strapi.db.query(uid).findMany({ select: ['id', 'updatedAt'], orderBy: { id: 'asc' } });
  }
  return rows;
};

const dataset = (): SeedDataset => readDataset(seedDirectory(strapi));

const newMunicipality = {
  fields: { slug: 'probni-grad', kind: 'municipality', entity: 'RS', canton: null, geo: { lat: 44.5, lon: 17.5 }, population2013: 1000 },
  relations: { phases: ['III'] },
  localizations: { bs: { name: 'Probni Grad' }, 'sr-Cyrl': { name: 'Пробни Град' } },
};

beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

it('writes nothing on a second run', async () => {
  const before = await snapshot();
  const report = await seed(strapi);

  for (const counts of Object.values(report.files)) {
    expect(counts.created).toBe(0);
    expect(counts.existing).toBeGreaterThan(0);
  }
  expect(report.files.municipalities).toEqual({ documents: 21, created: 0, existing: 105 });
  expect(await snapshot()).toEqual(before);
});

it('reports the mixed-script words it fixes', async () => {
  const report = await seed(strapi);
  expect(report.fixes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ word: 'predstavница', fixed: 'predstavnica' }),
      expect.objectContaining({ word: 'дјецe', fixed: 'дјеце', location: 'news-articles.json › [1].localizations.sr-Cyrl.title' }),
    ])
  );
});

it('rolls back everything when a record fails in the database part-way', async () => {
  const before = await snapshot();
  const existingSlug = dataset()['news-articles'][1].localizations.bs.slug;
  const bad: SeedDataset = {
    ...dataset(),
    municipalities: [...dataset().municipalities, newMunicipality],
    // Valid on its own, but its bs slug belongs to another article already: the database says no.
    'news-articles': [
      ...dataset()['news-articles'],
      {
        fields: { publicationDate: '2013-01-01' },
        relations: { programme: 'spis', workshops: [], municipalities: ['probni-grad'] },
        localizations: {
          en: { title: 'A new article', slug: 'a-new-article' },
          bs: { title: 'Novi članak', slug: existingSlug },
        },
      },
    ],
  };

  await expect(importDataset(strapi, parseDataset(bad))).rejects.toThrow(/unique/i);

  expect(await snapshot()).toEqual(before);
  expect(await strapi.db.query('api::municipality.municipality').count({ where: { slug: 'probni-grad' } })).toBe(0);
  expect(await strapi.db.query('api::news-article.news-article').count({ where: { slug: 'a-new-article' } })).toBe(0);
});

it('rolls back everything when the import is interrupted', async () => {
  const before = await snapshot();
  const grown = { ...dataset(), municipalities: [...dataset().municipalities, newMunicipality] };

  const progress: string[] = [];
  const interrupt = ({ file, done, total }: { file: string; done: number; total: number }) => {
    progress.push(`${file} ${done}/${total}`);
    if (file === 'workshops') throw new Error('connection lost');
  };
  await expect(importDataset(strapi, parseDataset(grown), { onProgress: interrupt })).rejects.toThrow('connection lost');
  // The new place was written before the interruption...
  expect(progress).toContain('municipalities 22/22');

  // ...and is gone with everything else of the run.
  expect(await snapshot()).toEqual(before);
  expect(await strapi.db.query('api::municipality.municipality').count({ where: { slug: 'probni-grad' } })).toBe(0);
});

it('refuses invalid seed data before writing anything, naming file and field', async () => {
  const before = await snapshot();
  const broken = dataset();
  broken.municipalities = [{ ...newMunicipality, fields: { ...newMunicipality.fields, entity: 'Mars' } }];
  broken.workshops = [{ ...broken.workshops[0], relations: { phase: 'IX', municipalities: [] } }];

  let error: unknown;
  try {
    parseDataset(broken);
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(SeedDataError);
  expect((error as SeedDataError).problems).toEqual(
    expect.arrayContaining([expect.stringMatching(/^municipalities\.json › \[0\]\.fields\.entity: /), 'workshops.json › [0].relations.phase: no phases record with name "IX"'])
  );
  expect(await snapshot()).toEqual(before);
});
