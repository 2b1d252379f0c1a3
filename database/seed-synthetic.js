#!/usr/bin/env node
/** `npm run seed:synthetic -- --articles 10000 [--locales bs,en] [--replace]`: made-up news for load tests (src/seed/synthetic.ts). */
require('./run-command').runCommand('seed/synthetic', 'runSyntheticSeed', process.argv.slice(2));
