#!/usr/bin/env node
/**
 * `npm run seed`: loads the SPIS content from database/seed/*.json into the configured
 * database. Safe to repeat. Plain JavaScript because it compiles the TypeScript app first;
 * the work is done by src/seed/command.ts.
 */
const path = require('node:path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function main() {
  process.env.SEED_ON_EMPTY_DATABASE = 'false'; // this command does the seeding, with progress
  process.env.LOG_LEVEL ??= 'warn';
  const context = await compileStrapi();
  const strapi = await createStrapi(context).load();
  try {
    const { runSeedCommand } = require(path.join(context.distDir, 'src', 'seed', 'command'));
    process.exitCode = await runSeedCommand(strapi);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
