/** The partner client as partners get it: packages/client compiled to ES modules in dist/. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newestChange } from './files';

const CLIENT = path.join(process.cwd(), 'packages/client');
export const CLIENT_DIST = path.join(CLIENT, 'dist');

/** Runs tsc on packages/client unless dist/ is newer than its sources and settings. */
export function ensureClientBuild(): void {
  const built = fs.statSync(path.join(CLIENT_DIST, 'index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['src', 'tsconfig.json', 'package.json'].map((entry) => newestChange(path.join(CLIENT, entry))));
  if (built > sources) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', CLIENT], { stdio: 'inherit' });
}
