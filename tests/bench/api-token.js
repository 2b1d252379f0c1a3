/**
 * A full-access API token for the write scenarios, made as the admin panel makes one (Strapi's
 * `admin::api-token-content-api` service, which stores the key's HMAC with API_TOKEN_SALT): loads
 * the compiled app (dist/, as server.js does, without serving HTTP) on DATABASE_URL, creates the
 * token, prints its key as the last line of stdout and exits. The servers that are to accept the
 * key must run with the same API_TOKEN_SALT.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.join(__dirname, '..', '..');
const distDir = path.join(ROOT, 'dist');

(async () => {
  const { holdStartUpLock } = require(path.join(distDir, 'src', 'database', 'start-up-lock'));
  const release = await holdStartUpLock();
  let strapi;
  try {
    strapi = await createStrapi({ appDir: ROOT, distDir }).load();
  } finally {
    await release();
  }
  let token;
  try {
    token = await strapi.service('admin::api-token-content-api').create({ name: `benchmark writes ${new Date().toISOString()}`, type: 'full-access', lifespan: null });
  } finally {
    await strapi.destroy();
  }
  process.stdout.write(`\n${token.accessKey}\n`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
