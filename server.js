/**
 * The production entry point (`npm start`, the Docker image): starts the compiled app in dist/
 * as `strapi start` does, without Strapi's command-line tool. The tool loads Node's `repl` for
 * `strapi console`, and `repl` loads `domain`, which then sits in the construction of every
 * EventEmitter the server makes: every request pays for it (docs/performance.md).
 */
const fs = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const distDir = path.join(__dirname, 'dist');
if (!fs.existsSync(path.join(distDir, 'src', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const strapi = createStrapi({ appDir: __dirname, distDir });
// This file owns the process, so the signal handlers createStrapi() just installed are the only
// ones: they destroy at once, cutting requests in flight. Without them the app drains first
// (src/lifecycle).
for (const signal of ['SIGTERM', 'SIGINT']) process.removeAllListeners(signal);

(async () => {
  // Instances starting together load one after the other (src/database/start-up-lock.ts).
  const { holdStartUpLock } = require(path.join(distDir, 'src', 'database', 'start-up-lock'));
  const release = await holdStartUpLock();
  try {
    await strapi.load();
  } finally {
    await release();
  }
  await strapi.start();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
