#!/usr/bin/env node
/** `npm run seed`: loads the SPIS content from database/seed/*.json (src/seed/command.ts). Safe to repeat. */
require('./run-command').runCommand('seed/command', 'runSeedCommand');
