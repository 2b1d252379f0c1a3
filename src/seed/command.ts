/** `npm run seed`: the import with progress on the terminal. */
import type { Core } from '@strapi/strapi';
import { waitForIdleDatabase } from '../database/idle';
import { SeedDataError } from './dataset';
import { describeReport, seed } from './index';
import type { SeedProgress } from './importer';

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

/** On a terminal one line per file counts up in place; in a log, one line per finished file. */
export const progressPrinter =
  (out: Output) =>
  ({ file, done, total }: SeedProgress) => {
    const line = `seed: ${file} ${done}/${total}`;
    if (out.isTTY) out.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total) out.write(`${line}\n`);
  };

export async function runSeedCommand(strapi: Core.Strapi, out: Output = process.stdout): Promise<number> {
  try {
    const report = await seed(strapi, { onProgress: progressPrinter(out) });
    await waitForIdleDatabase(strapi);
    for (const line of describeReport(report)) out.write(`seed: ${line}\n`);
    const created = Object.values(report.files).reduce((sum, counts) => sum + counts.created, 0);
    out.write(created === 0 ? 'seed: nothing to do, the content is already there\n' : `seed: done, ${created} locale versions written\n`);
    return 0;
  } catch (error) {
    out.write(`seed: failed, the database is unchanged\n${error instanceof SeedDataError ? error.message : String(error)}\n`);
    return 1;
  }
}
