/** `npm run backup -- [directory]` and `npm run restore -- <directory>`: what an operator types. */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { BackupError, createBackup, restoreBackup } from './index';

type Output = Pick<NodeJS.WriteStream, 'write'>;

const argumentsSchema = z.union([
  z
    .tuple([z.literal('create')])
    .rest(z.string())
    .refine((args) => args.length <= 2, 'backup takes at most one directory'),
  z.tuple([z.literal('restore'), z.string().min(1, 'restore needs the backup directory')]),
]);

const defaultDirectory = (now: Date) => path.join('backups', `spis-${now.toISOString().replace(/[:.]/g, '-')}`);

export async function runBackupCommand(strapi: Core.Strapi, args: string[], out: Output = process.stdout): Promise<number> {
  const parsed = argumentsSchema.safeParse(args);
  if (!parsed.success) {
    out.write('usage: npm run backup -- [directory]   |   npm run restore -- <directory>\n');
    return 2;
  }
  const [action, given] = parsed.data;
  const directory = path.resolve(given ?? defaultDirectory(new Date()));
  try {
    if (action === 'create') {
      const manifest = await createBackup(strapi, directory);
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      out.write(`backup: ${manifest.tables.length} tables, ${rows} rows, ${manifest.uploads.files.length} media files in ${directory}\n`);
      out.write(`backup: left out ${manifest.leftOut.tables.join(', ')} and password hashes, one-time tokens, webhook header values\n`);
      const where = manifest.uploads.provider === 'local' ? 'not on disk' : 'could not be read';
      for (const url of manifest.uploads.missing) out.write(`backup: warning, ${url} is in the media library but ${where}\n`);
    } else {
      const report = await restoreBackup(strapi, directory);
      out.write(`restore: ${report.tables} tables, ${report.rows} rows, ${report.files} media files from ${directory}\n`);
      for (const url of report.mediaNotInBackup) out.write(`restore: warning, ${url} is in the media library but not in the backup; the row still points there\n`);
      if (report.staffAccounts > 0) {
        const accounts = report.staffAccounts === 1 ? '1 staff account has' : `${report.staffAccounts} staff accounts have`;
        out.write(
          `restore: ${accounts} no password yet; give one a password with\n` +
            `  npm run strapi admin:reset-user-password -- --email <email> --password <new password>\n` +
            `  and re-issue API tokens to partner sites (Settings › API Tokens)\n`
        );
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    out.write(`${action === 'create' ? 'backup' : 'restore'}: failed, nothing was changed: ${error.message}\n`);
    return 1;
  }
}
