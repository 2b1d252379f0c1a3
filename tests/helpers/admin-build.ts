/**
 * The admin panel bundle that the production server (`npm start`) serves: built once, and again only when its
 * sources change. Without it, /admin answers a bare 404 (no security headers at all).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newestChange } from './files';

const ROOT = process.cwd();
const BUILT_INDEX = path.join(ROOT, 'dist/build/index.html');

/** The files the admin bundle is made from (besides node_modules, pinned by the lockfile). */
const ADMIN_SOURCES = ['src/admin', 'src/plugins', 'config/admin.ts', 'package-lock.json'];

/** Runs `strapi build` (about a minute) unless the admin bundle is newer than its sources. */
export function ensureAdminBuild(): void {
  const built = fs.statSync(BUILT_INDEX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...ADMIN_SOURCES.map((entry) => newestChange(path.join(ROOT, entry))));
  if (built > sources) return;
  execFileSync(path.join(ROOT, 'node_modules/.bin/strapi'), ['build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}
