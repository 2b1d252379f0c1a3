/**
 * The public API's contract: `/api/openapi.json` (OpenAPI 3.1, built from the content types at
 * first request) and `/api/docs`, a reference page for people (Swagger UI, served from this
 * server: it works offline and asks no outside validator).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { apiContentTypeUids, attributesOf } from '../content-api/content-types';
import { publicOrigin } from '../env';
import { sendWithValidators } from '../feeds/conditional-get';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../locales';
import { DEFAULT_PAGE_SIZE as CHANGES_DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE as CHANGES_MAX_PAGE_SIZE } from '../plugins/content-history/server/change-feed';
import { MAX_QUERY_LENGTH, SEARCHABLE } from '../search';
import { buildOpenApiDocument, type ContentApiModel } from './document';
import type { Attributes } from './schemas';

const DOCS_PATH = '/api/docs';
// The package's main module would load the whole UI bundle into the server; only its files are wanted.
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** The page loads these from the same origin (the content security policy allows nothing else). */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>SPIS content API – reference</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`;

const ASSETS: Record<string, { type: string; body: () => string }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', body: () => fs.readFileSync(path.join(SWAGGER_UI_DIR, 'swagger-ui.css'), 'utf8') },
  'swagger-ui-bundle.js': { type: 'application/javascript; charset=utf-8', body: () => fs.readFileSync(path.join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js'), 'utf8') },
  'init.js': { type: 'application/javascript; charset=utf-8', body: () => INIT_SCRIPT },
};

function contentApiModel(strapi: Core.Strapi): Omit<ContentApiModel, 'serverUrl'> {
  const attributes = (uid: string) => attributesOf(strapi, uid) as Attributes;
  return {
    version: strapi.config.get('info.version', '0.0.0'),
    types: apiContentTypeUids(strapi).map((uid) => {
      const { info } = strapi.contentTypes[uid];
      return {
        uid,
        singularName: info.singularName,
        pluralName: info.pluralName,
        displayName: info.displayName,
        description: (info as { description?: string }).description,
        attributes: attributes(uid),
        searchable: (SEARCHABLE as readonly string[]).includes(uid),
      };
    }),
    components: Object.fromEntries(
      Object.entries(strapi.components).map(([uid, component]) => [
        uid,
        { displayName: component.info.displayName, description: component.info.description, attributes: attributes(uid) },
      ])
    ),
    uploadFile: attributes('plugin::upload.file'),
    locales: LOCALE_CODES,
    defaultLocale: DEFAULT_LOCALE,
    maxPageSize: strapi.config.get('limits.pageSize'),
    maxSearchLength: MAX_QUERY_LENGTH,
    changesPageSize: { max: CHANGES_MAX_PAGE_SIZE, default: CHANGES_DEFAULT_PAGE_SIZE },
  };
}

/** The contract partners generate clients from; `npm run types` writes it, a test keeps it current. */
export const OPENAPI_FILE = path.join('types', 'openapi.json');
const DEVELOPMENT_SERVER = 'http://localhost:1337';

export const printOpenApiDocument = (strapi: Core.Strapi) => `${JSON.stringify(buildOpenApiDocument({ ...contentApiModel(strapi), serverUrl: DEVELOPMENT_SERVER }), null, 2)}\n`;

/** `npm run types`: writes types/openapi.json. */
export async function writeOpenApiDocument(strapi: Core.Strapi): Promise<number> {
  fs.writeFileSync(path.join(strapi.dirs.app.root, OPENAPI_FILE), printOpenApiDocument(strapi));
  process.stdout.write(`types: wrote ${OPENAPI_FILE}\n`);
  return 0;
}

export function registerOpenApi(strapi: Core.Strapi): void {
  // The content types are fixed once the server runs (a schema change restarts it).
  const started = new Date();
  let model: Omit<ContentApiModel, 'serverUrl'> | undefined;
  const assets = new Map<string, string>();

  strapi.server.router.get('/api/openapi.json', (ctx: Context) => {
    model ??= contentApiModel(strapi);
    sendWithValidators(ctx, JSON.stringify(buildOpenApiDocument({ ...model, serverUrl: publicOrigin(ctx.origin) })), 'application/json; charset=utf-8', started);
  });

  strapi.server.router.get(DOCS_PATH, (ctx: Context) => sendWithValidators(ctx, PAGE, 'text/html; charset=utf-8', started));

  strapi.server.router.get(`${DOCS_PATH}/:asset`, (ctx: Context) => {
    const asset = ASSETS[ctx.params.asset];
    if (!asset) throw new errors.NotFoundError(`No ${ctx.params.asset} in the API reference`);
    if (!assets.has(ctx.params.asset)) assets.set(ctx.params.asset, asset.body());
    sendWithValidators(ctx, assets.get(ctx.params.asset)!, asset.type, started);
  });
}
