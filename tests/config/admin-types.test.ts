/**
 * The admin panel's code (src/admin and the local plugins' admin parts) type-checks: `strapi
 * build` bundles it without checking, so a wrong prop or hook would otherwise reach editors.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

it('src/admin and the plugins’ admin code type-check', () => {
  const run = spawnSync(path.join('node_modules', '.bin', 'tsc'), ['-p', 'src/admin/tsconfig.json'], { encoding: 'utf8', timeout: 120_000 });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
});
