import fs from 'node:fs';
import path from 'node:path';

/** When a file, or anything in a folder, last changed (ms since the epoch; 0 if missing). */
export const newestChange = (entry: string): number => {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
};
