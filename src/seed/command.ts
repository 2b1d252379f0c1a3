/** `npm run seed`: the import with progress on the terminal. */
import type { Core } from '@strapi/strapi';
import { SeedDataError } from './dataset';
import { describeReport, seed } from './index';
import type { SeedProgress } from './importer';

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

/** On a terminal one line per file counts up in place; in a log, one line per finished file. */
export const progressPrinter = (out: Output) => ({ file, done, total }: SeedProgress) => {
  const line = `seed: ${file} ${done}/${total}`;
  if (out.isTTY) out.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total) out.write(`${line}\n`);
};

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Strapi emits an `entry.create`/`entry.publish` event per written version after the commit,
 * fire-and-forget, each reading the entry back. Shutting down before they finish aborts their
 * queries, so the command waits (at most `timeoutMs`) until the pool has been idle twice in a row.
 */
export async function waitForIdleDatabase(strapi: Core.Strapi, timeoutMs = 15_000): Promise<void> {
  const pool = (strapi.db.connection as unknown as { client: { pool?: Pool } }).client.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  let idleChecks = 0;
  while (idleChecks < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    idleChecks = busy() ? 0 : idleChecks + 1;
  }
}

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
