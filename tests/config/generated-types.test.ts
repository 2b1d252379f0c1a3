/**
 * types/generated/ is what `strapi ts:generate-types` makes from the current schemas: a schema
 * change without `npm run types` fails here (and so in CI).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const OUT_DIR = path.join('.tmp', 'typegen-check');

it('types/generated matches the schemas', () => {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const run = spawnSync(path.join('node_modules', '.bin', 'strapi'), ['ts:generate-types', '--silent', '--out-dir', OUT_DIR], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'error' },
    timeout: 120_000,
  });
  expect(run.status).toBe(0);
  for (const file of ['contentTypes.d.ts', 'components.d.ts']) {
    const fresh = fs.readFileSync(path.join(OUT_DIR, 'generated', file), 'utf8');
    const committed = fs.readFileSync(path.join('types', 'generated', file), 'utf8');
    expect({ file, text: committed }).toEqual({ file, text: fresh });
  }
});
