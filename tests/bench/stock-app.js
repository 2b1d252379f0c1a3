/**
 * Stock Strapi for the benchmark's comparison: a project as `create-strapi-app` makes it (its
 * default middlewares, core routers, controllers and services, nothing of ours) with this app's
 * content-type and component schemas, written to a scratch directory and started on a copy of
 * the benchmark database, so both servers read the same rows.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');

const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

const FILES = {
  'package.json': JSON.stringify(
    { name: 'bench-stock-strapi', private: true, dependencies: { '@strapi/strapi': '5.54.0', '@strapi/plugin-users-permissions': '5.54.0' }, strapi: { telemetryDisabled: true } },
    null,
    2
  ),
  'config/server.js': `module.exports = ({ env }) => ({ host: env('HOST'), port: env.int('PORT'), app: { keys: env.array('APP_KEYS') }, logger: { updates: { enabled: false } } });\n`,
  'config/admin.js': `module.exports = ({ env }) => ({ auth: { secret: env('ADMIN_JWT_SECRET') }, apiToken: { salt: env('API_TOKEN_SALT') }, transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } }, secrets: { encryptionKey: env('ENCRYPTION_KEY') } });\n`,
  'config/database.js': `module.exports = ({ env }) => ({ connection: { client: 'postgres', connection: { connectionString: env('DATABASE_URL') } } });\n`,
  // create-strapi-app's default list.
  'config/middlewares.js': `module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];\n`,
  // Below `http`, as the measured server's default (info): the request logger stays, as in stock, its lines dropped.
  'config/logger.js': `module.exports = { level: 'warn' };\n`,
  'public/uploads/.gitkeep': '',
};

/** Writes the project into `directory` (replacing it) and returns it. */
function writeStockApp(directory) {
  fs.rmSync(directory, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) write(path.join(directory, file), text);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  fs.cpSync(path.join(ROOT, 'src', 'components'), path.join(directory, 'src', 'components'), {
    recursive: true,
    filter: (source) => fs.statSync(source).isDirectory() || source.endsWith('.json'),
  });

  for (const name of fs.readdirSync(path.join(ROOT, 'src', 'api'))) {
    const schema = path.join(ROOT, 'src', 'api', name, 'content-types', name, 'schema.json');
    if (!fs.existsSync(schema)) continue;
    const uid = `api::${name}.${name}`;
    const api = path.join(directory, 'src', 'api', name);
    fs.cpSync(schema, path.join(api, 'content-types', name, 'schema.json'));
    for (const [kind, factory] of [
      ['controllers', 'createCoreController'],
      ['routes', 'createCoreRouter'],
      ['services', 'createCoreService'],
    ]) {
      write(path.join(api, kind, `${name}.js`), `module.exports = require('@strapi/strapi').factories.${factory}('${uid}');\n`);
    }
  }
  return directory;
}

module.exports = { writeStockApp };
