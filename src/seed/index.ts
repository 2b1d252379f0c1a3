/**
 * The SPIS content import: `npm run seed` runs it on demand, and start-up runs it once when the
 * database holds no programme yet.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { env } from '../env';
import { readDataset } from './dataset';
import { importDataset, type SeedProgress, type SeedReport } from './importer';

export { SeedDataError, readDataset, parseDataset } from './dataset';
export { importDataset } from './importer';
export type { SeedReport } from './importer';

export const seedDirectory = (strapi: Core.Strapi) => path.join(strapi.dirs.app.root, 'database', 'seed');

/** Human-readable lines: what each file created or found, and every mixed-script fix. */
export function describeReport(report: SeedReport): string[] {
  const files = Object.entries(report.files).map(
    ([name, counts]) => `${name}: ${counts.documents} documents, ${counts.created} locale versions created, ${counts.existing} already present`
  );
  const fixes = report.fixes.map((fix) => `mixed-script word "${fix.word}" written as "${fix.fixed}" (${fix.location})`);
  return [...files, ...fixes];
}

export async function seed(strapi: Core.Strapi, options: { onProgress?: (progress: SeedProgress) => void } = {}): Promise<SeedReport> {
  return importDataset(strapi, readDataset(seedDirectory(strapi)), options);
}

/** Loads the SPIS content on the first start of an empty database. */
export async function seedIfEmpty(strapi: Core.Strapi): Promise<void> {
  if (!env.SEED_ON_EMPTY_DATABASE) return;
  if ((await strapi.db.query('api::programme.programme').count()) > 0) return;
  strapi.log.info('seed: empty database, loading the SPIS content from database/seed/');
  const report = await seed(strapi);
  for (const line of describeReport(report)) strapi.log.info(`seed: ${line}`);
}
