/**
 * Runs one of the app's commands (seed, backup, restore, the GraphQL schema) in a loaded Strapi: compiles the
 * TypeScript app, loads it on the configured database without serving HTTP, calls
 * `<exportName>(strapi, ...args)` from the compiled module and exits with its code.
 * Plain JavaScript because the app is not compiled yet when it starts.
 */
const path = require('node:path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function runCommand(modulePath, exportName, args = []) {
  process.env.SEED_ON_EMPTY_DATABASE = 'false'; // commands never load the SPIS content as a side effect
  process.env.LOG_LEVEL ??= 'warn';
  // An operator's command, not a request: bulk imports, VACUUM and backups may run for minutes.
  process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '0';
  const context = await compileStrapi();
  // Not while an instance starting on the same database sets it up (src/database/start-up-lock.ts).
  const { holdStartUpLock } = require(path.join(context.distDir, 'src', 'database', 'start-up-lock'));
  const release = await holdStartUpLock();
  let strapi;
  try {
    strapi = await createStrapi(context).load();
  } finally {
    await release();
  }
  try {
    const command = require(path.join(context.distDir, 'src', modulePath))[exportName];
    process.exitCode = await command(strapi, ...args);
  } finally {
    await strapi.destroy();
  }
}

module.exports = {
  runCommand: (...params) =>
    runCommand(...params).catch((error) => {
      console.error(error);
      process.exit(1);
    }),
};

// `node database/run-command.js <module under src/> <export> [args...]`
if (require.main === module) module.exports.runCommand(process.argv[2], process.argv[3], process.argv.slice(4));
