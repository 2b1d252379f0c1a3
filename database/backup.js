#!/usr/bin/env node
/**
 * `npm run backup -- [directory]` / `npm run restore -- <directory>` (src/backup/command.ts):
 * everything the CMS holds, to a directory and back into an empty database.
 */
require('./run-command').runCommand('backup/command', 'runBackupCommand', [process.argv.slice(2)]);
