/**
 * The OpenAPI 3.1 document of the public, read-only API: the list and single-document reads of
 * every content type, pages by path and the menu, the GeoJSON, the feeds, and the changes
 * partner mirrors follow. Built
 * from the content-type schemas (see schemas.ts), so it changes when they do. Pure: the model
 * comes in, the document goes out.
 */
import { attributeSchema, BLOCKS_NODE, entrySchema, ref, schemaName, type Attributes, type JsonSchema } from './schemas';

export type ContentTypeModel = {
  uid: string;
  singularName: string;
  pluralName: string;
  displayName: string;
  description?: string;
  /** Every attribute, Strapi's own (createdAt, locale, …) included. */
  attributes: Attributes;
  /** Takes `?q=`. */
  searchable: boolean;
};

export type ContentApiModel = {
  version: string;
  serverUrl: string;
  types: ContentTypeModel[];
  components: Record<string, { displayName: string; description?: string; attributes: Attributes }>;
  /** `plugin::upload.file`, the media files entries link to. */
  uploadFile: Attributes;
  locales: readonly string[];
  defaultLocale: string;
  maxPageSize: number;
  maxSearchLength: number;
  /** `/api/changes`: the largest page and the one given without `pageSize`. */
  changesPageSize: { max: number; default: number };
};

/** Links the public may never follow (every language version has its own read). */
const HIDDEN_LINKS = new Set(['localizations']);

const LINK_TYPES = new Set(['relation', 'component', 'media', 'dynamiczone']);

const param = (name: string): JsonSchema => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string): JsonSchema => ({ $ref: `#/components/responses/${name}` });

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const publicAttributes = (attributes: Attributes): Attributes =>
  Object.fromEntries(Object.entries(attributes).filter(([name, attribute]) => !HIDDEN_LINKS.has(name) && attributeSchema(attribute, schemaName) !== undefined));

/** A comma-separated list of some of these names, e.g. `title,slug`. */
const nameList = (names: string[], suffix = '') => `^(${names.join('|')})${suffix}(,(${names.join('|')})${suffix})*$`;

function readParameters(type: ContentTypeModel): { list: JsonSchema[]; single: JsonSchema[] } {
  const attributes = publicAttributes(type.attributes);
  const scalars = Object.keys(attributes).filter((name) => !LINK_TYPES.has(attributes[name].type));
  const links = Object.keys(attributes).filter((name) => LINK_TYPES.has(attributes[name].type));
  const fields = {
    name: 'fields',
    in: 'query',
    description: 'Only these fields (comma-separated); `id` and `documentId` always come.',
    schema: { type: 'string', pattern: nameList(scalars) },
    example: scalars.slice(0, 2).join(','),
  };
  const populate = {
    name: 'populate',
    in: 'query',
    description:
      'Links, components and media to include: `*` for all of the first level, or a comma-separated list. Deeper populates use bracket notation (`populate[municipalities][fields][0]=name`).',
    schema: { type: 'string', pattern: `^\\*$|${nameList(links)}` },
    example: links.slice(0, 2).join(','),
  };
  const sort = {
    name: 'sort',
    in: 'query',
    description: 'Sort by fields, each optionally `:asc` or `:desc`, comma-separated.',
    schema: { type: 'string', pattern: nameList(scalars, '(:(asc|desc|ASC|DESC))?') },
    example: `${scalars[0]}:asc`,
  };
  const filters = {
    name: 'filters',
    in: 'query',
    description:
      'Strapi filters in bracket notation, e.g. `filters[slug][$eq]=celinac`, `filters[municipalities][slug][$eq]=celinac`, `filters[$or][0][…]`. Operators: $eq $eqi $ne $nei $lt $lte $gt $gte $in $notIn $contains $notContains $containsi $notContainsi $null $notNull $between $startsWith $startsWithi $endsWith $endsWithi $and $or $not.',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', propertyNames: { enum: [...scalars, ...links.filter((name) => attributes[name].type === 'relation'), '$and', '$or', '$not'] } },
  };
  const common = [param('locale'), param('acceptLanguage'), param('fallback'), fields, populate];
  return {
    list: [...common, ...(type.searchable ? [param('q')] : []), filters, sort, param('page'), param('pageSize'), param('start'), param('limit'), param('withCount')],
    single: [{ name: 'documentId', in: 'path', required: true, description: 'The document, the same in every language.', schema: { type: 'string', minLength: 1 } }, ...common],
  };
}

const localizedHeaders = {
  'Content-Language': { description: 'The locale the response is in (after negotiation).', schema: { type: 'string' } },
  Vary: { schema: { type: 'string' } },
};

const errorResponses = (codes: string[]) => Object.fromEntries(codes.map((code) => [code, response(`Error${code}`)]));

function contentTypePaths(type: ContentTypeModel): Record<string, JsonSchema> {
  const name = schemaName(type.uid);
  const parameters = readParameters(type);
  const tags = [type.displayName];
  return {
    [`/api/${type.pluralName}`]: {
      get: {
        operationId: `list${schemaName(type.pluralName)}`,
        summary: `List ${type.displayName.toLowerCase()} entries`,
        description: `Published ${type.displayName.toLowerCase()} entries in one language, a page at a time.${type.searchable ? ' `q` searches them ignoring case, diacritics and script.' : ''}`,
        tags,
        parameters: parameters.list,
        responses: {
          200: {
            description: 'A page of entries.',
            headers: localizedHeaders,
            content: json({
              type: 'object',
              properties: {
                data: { type: 'array', items: ref(name) },
                meta: {
                  type: 'object',
                  properties: { pagination: ref('Pagination'), translation: ref('TranslationStates') },
                  required: ['pagination'],
                  additionalProperties: false,
                },
              },
              required: ['data', 'meta'],
              additionalProperties: false,
            }),
          },
          ...errorResponses(['400', '403', '429', '503']),
        },
      },
    },
    [`/api/${type.pluralName}/{documentId}`]: {
      get: {
        operationId: `get${name}`,
        summary: `Get one ${type.displayName.toLowerCase()}`,
        description: `The published version of one ${type.displayName.toLowerCase()} in the requested language (404 when it has none, unless \`fallback=true\` finds one on the chain).`,
        tags,
        parameters: parameters.single,
        responses: {
          200: {
            description: 'The entry.',
            headers: localizedHeaders,
            content: json({
              type: 'object',
              properties: { data: ref(name), meta: { type: 'object', properties: { translation: ref('TranslationStates') }, additionalProperties: false } },
              required: ['data', 'meta'],
              additionalProperties: false,
            }),
          },
          ...errorResponses(['400', '403', '404', '429', '503']),
        },
      },
    },
  };
}

/** A document of one type: its public attributes, `localeSources` when filled by fallback. */
function documentSchema(type: ContentTypeModel): JsonSchema {
  return entrySchema(publicAttributes(type.attributes), schemaName, {
    description: type.description,
    required: { id: { type: 'integer' }, documentId: { type: 'string', description: 'The document, the same in every language.' } },
    extra: { localeSources: ref('LocaleSources') },
  });
}

function municipalitiesGeoJson(municipality: ContentTypeModel, phase: ContentTypeModel | undefined): JsonSchema {
  const property = (name: string) => attributeSchema(municipality.attributes[name], schemaName) ?? {};
  const feature = {
    type: 'object',
    properties: {
      type: { const: 'Feature' },
      id: { type: 'string', description: 'The documentId.' },
      geometry: {
        anyOf: [
          {
            type: 'object',
            properties: {
              type: { const: 'Point' },
              coordinates: {
                type: 'array',
                prefixItems: [
                  { type: 'number', minimum: -180, maximum: 180 },
                  { type: 'number', minimum: -90, maximum: 90 },
                ],
                minItems: 2,
                maxItems: 2,
                description: '[longitude, latitude] (RFC 7946)',
              },
            },
            required: ['type', 'coordinates'],
            additionalProperties: false,
          },
          { type: 'null' },
        ],
      },
      properties: {
        type: 'object',
        properties: {
          name: property('name'),
          slug: property('slug'),
          locale: { type: 'string' },
          kind: property('kind'),
          entity: property('entity'),
          canton: property('canton'),
          population2013: property('population2013'),
          phases: { type: 'array', items: phase ? (attributeSchema(phase.attributes.name, schemaName) ?? {}) : {}, description: 'The phases the place took part in.' },
        },
        required: ['name', 'slug', 'locale', 'kind', 'entity', 'canton', 'population2013', 'phases'],
        additionalProperties: false,
      },
    },
    required: ['type', 'id', 'geometry', 'properties'],
    additionalProperties: false,
  };
  return {
    type: 'object',
    properties: { type: { const: 'FeatureCollection' }, features: { type: 'array', items: feature } },
    required: ['type', 'features'],
    additionalProperties: false,
  };
}

/** A feed in a format its readers parse themselves: the document names the media type only. */
const feedOperation = (operationId: string, summary: string, mediaType: string, localized: boolean, fallback: boolean, pathParameters: JsonSchema[] = []) => ({
  get: {
    operationId,
    summary,
    tags: ['Feeds'],
    parameters: [
      ...(localized ? [{ name: 'locale', in: 'path', required: true, schema: { $ref: '#/components/schemas/LocaleCode' } }] : []),
      ...pathParameters,
      ...(fallback ? [param('fallback')] : []),
      param('ifNoneMatch'),
    ],
    responses: {
      200: {
        description: summary,
        headers: { ETag: { schema: { type: 'string' } }, 'Last-Modified': { schema: { type: 'string' } } },
        content: { [mediaType]: { schema: { type: 'string' } } },
      },
      304: { description: 'Not modified since the ETag sent in If-None-Match.' },
      ...errorResponses(localized ? ['400', '404', '429', '503'] : ['404', '429', '503']),
    },
  },
});

const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const CHANGE_KINDS = ['published', 'updated', 'unpublished', 'deleted'];

/** How a partner keeps a copy of the content up to date with `/api/changes`. */
const CHANGES_DESCRIPTION = [
  'For sites that keep their own copy (a mirror) of the published content and want to keep it current without downloading everything again.',
  'Each entry says that the published version of one document in one language changed, appeared or disappeared. It carries no content: refetch that document in that language (`GET /api/{type}/{documentId}?locale={locale}&fallback=false`) and store the `data` it answers, or delete your copy on 404. Entries come in the order the changes were committed; a document may appear more than once, and refetching it once is enough. Drafts never appear.',
  'An entry is about what that plain read answers, the document’s own fields; what `populate` adds is not covered. A linked document has entries of its own: a change to a workshop is listed for the workshop, not for the articles that link to it.',
  'A cursor is an opaque string naming a place in this feed; store it as it is. Each answer’s `meta.cursor` is where to continue: ask again with `since` set to it at once while `meta.hasMore` is true, then keep it for the next poll. Store the cursor only after applying the entries before it: a mirror that stops half-way then starts again where it left off.',
  'To start a mirror: (1) `GET /api/changes?since=now` answers the current cursor and no entries; (2) download every type in every language through the list reads (`fallback=false`), page by page; (3) from then on, poll with `since` set to that cursor. A change made during the download is listed again afterwards, which does no harm: an entry only means "refetch".',
  '**410 Gone** means a cursor can no longer be followed: it is older than the changes this server keeps (`CHANGES_KEEP_DAYS`, 90 days by default), or it comes from another database or from before a restore from backup. Start again from step (1) and replace the whole copy with the new download.',
].join('\n\n');

/** `/api/changes` and the schemas of its answer, for these types. */
function changesPath(types: ContentTypeModel[], pageSize: ContentApiModel['changesPageSize']): { paths: Record<string, JsonSchema>; schemas: Record<string, JsonSchema> } {
  const pathsOfTypes = types.map((type) => `\`${type.uid}\` → \`/api/${type.pluralName}\``).join(', ');
  const change = {
    type: 'object',
    description: 'The published version of one document in one language changed, appeared or disappeared: refetch it, or delete your copy on 404.',
    properties: {
      cursor: { type: 'string', description: 'The place in the feed just after this entry: following from it skips this entry and every one before it.' },
      contentType: { type: 'string', enum: types.map((type) => type.uid), description: `The document's type, by its uid: ${pathsOfTypes}.` },
      documentId: { type: 'string', description: 'The document, the same in every language.' },
      locale: { ...ref('LocaleCode'), description: 'The language version that changed.' },
      change: {
        type: 'string',
        enum: CHANGE_KINDS,
        description:
          '`published`: readers see a version they did not before; `updated`: the version they see changed; `unpublished`: it went back to draft; `deleted`: it is gone. Whichever it says, refetch: it may have changed again since.',
      },
      at: { type: 'string', format: 'date-time', description: 'When the change was made.' },
    },
    required: ['cursor', 'contentType', 'documentId', 'locale', 'change', 'at'],
    additionalProperties: false,
  };
  const page = {
    type: 'object',
    properties: {
      data: { type: 'array', items: ref('Change'), description: 'The changes after `since`, oldest first; empty when there are none (and for `since=now`).' },
      meta: {
        type: 'object',
        properties: {
          cursor: { type: 'string', description: 'Where to continue: the `since` of the next request.' },
          hasMore: { type: 'boolean', description: 'More changes wait after `cursor`: ask again at once.' },
        },
        required: ['cursor', 'hasMore'],
        additionalProperties: false,
      },
    },
    required: ['data', 'meta'],
    additionalProperties: false,
  };
  const operation = {
    operationId: 'listChanges',
    summary: 'Changes to published content, for mirrors',
    description: CHANGES_DESCRIPTION,
    tags: ['Changes'],
    parameters: [
      {
        name: 'since',
        in: 'query',
        description: '`now` for the current cursor alone, or the `meta.cursor` of an earlier answer. Without it the feed starts at the oldest change kept.',
        schema: { type: 'string', maxLength: 200 },
        examples: { now: { value: 'now' } },
      },
      {
        name: 'type',
        in: 'query',
        description: 'Only changes of these types, by the name in their path, comma-separated.',
        schema: { type: 'string', pattern: nameList(types.map((type) => type.pluralName)) },
        example: 'news-articles,workshops',
      },
      { name: 'locale', in: 'query', description: 'Only changes of this language version (a locale code).', schema: ref('LocaleCode') },
      { name: 'pageSize', in: 'query', description: 'Entries per answer.', schema: { type: 'integer', minimum: 1, maximum: pageSize.max, default: pageSize.default } },
    ],
    responses: {
      200: { description: 'The changes after `since`, and where to continue.', content: json(ref('ChangesPage')) },
      ...errorResponses(['400', '410', '429', '503']),
    },
  };
  return { paths: { '/api/changes': { get: operation } }, schemas: { Change: change, ChangesPage: page } };
}

const PAGE_LINK: JsonSchema = {
  type: 'object',
  properties: { documentId: { type: 'string' }, title: { type: 'string' }, summary: { type: ['string', 'null'] }, path: { type: 'string' } },
  required: ['documentId', 'title', 'summary', 'path'],
  additionalProperties: false,
};

/** `/api/pages/by-path/{path}` and `/api/navigation`: what a partner site builds its pages and menu from. */
function siteStructurePaths(page: ContentTypeModel): { paths: Record<string, JsonSchema>; schemas: Record<string, JsonSchema> } {
  const pageSchema = documentSchema(page) as { properties: Record<string, JsonSchema>; required?: string[] };
  const pageAtPath = {
    type: 'object',
    properties: {
      data: {
        ...pageSchema,
        properties: { ...pageSchema.properties, path: { type: 'string', description: 'The slugs from the top of the tree, in the language served.' } },
        required: [...(pageSchema.required ?? []), 'path'],
      },
      meta: {
        type: 'object',
        properties: {
          breadcrumbs: { type: 'array', items: ref('PageLink'), description: 'The pages above, the top one first.' },
          children: { type: 'array', items: ref('PageLink'), description: 'The published pages right under it, in order.' },
          alternates: {
            type: 'array',
            description: 'The languages it is published in, each with its path there (for hreflang links).',
            items: { type: 'object', properties: { locale: ref('LocaleCode'), path: { type: 'string' } }, required: ['locale', 'path'], additionalProperties: false },
          },
        },
        required: ['breadcrumbs', 'children', 'alternates'],
        additionalProperties: false,
      },
    },
    required: ['data', 'meta'],
    additionalProperties: false,
  };
  const menuEntry = {
    type: 'object',
    properties: {
      documentId: { type: 'string' },
      label: { type: 'string' },
      locale: { ...ref('LocaleCode'), description: 'The version the item is served from.' },
      localeSources: ref('LocaleSources'),
      target: {
        oneOf: [
          {
            type: 'object',
            properties: { type: { const: 'page' }, documentId: { type: 'string' }, path: { type: 'string' }, title: { type: 'string' } },
            required: ['type', 'documentId', 'path', 'title'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: { type: { const: 'list' }, list: { type: 'string', description: 'A type, as in `/api/<list>`.' } },
            required: ['type', 'list'],
            additionalProperties: false,
          },
          { type: 'object', properties: { type: { const: 'url' }, url: { type: 'string', format: 'uri' } }, required: ['type', 'url'], additionalProperties: false },
        ],
      },
      children: { type: 'array', items: ref('MenuEntry') },
    },
    required: ['documentId', 'label', 'locale', 'localeSources', 'target', 'children'],
    additionalProperties: false,
  };
  const readParameters = [param('locale'), param('acceptLanguage'), param('fallback'), param('ifNoneMatch')];
  const paths = {
    '/api/pages/by-path/{path}': {
      get: {
        operationId: 'getPageByPath',
        summary: 'The page at a path',
        description:
          'The published page whose slugs, from the top of the tree, make up `path`, in one language (along its fallback chain with `fallback=true`), with where it sits in the tree.',
        tags: [page.displayName],
        parameters: [
          {
            name: 'path',
            in: 'path',
            required: true,
            description: 'Slugs joined by `/`, e.g. `social-protection-and-inclusion-system/how-the-project-would-contribute`.',
            schema: { type: 'string' },
          },
          ...readParameters,
        ],
        responses: {
          200: { description: 'The page.', headers: localizedHeaders, content: json(ref('PageAtPath')) },
          304: { description: 'Not modified.' },
          ...errorResponses(['400', '404', '429', '503']),
        },
      },
    },
    '/api/navigation': {
      get: {
        operationId: 'getNavigation',
        summary: 'The menu',
        description:
          'The site menu in one language (along its fallback chain with `fallback=true`): published items leading to a published page, a list or an outside address, nested and in order.',
        tags: [page.displayName],
        parameters: readParameters,
        responses: {
          200: {
            description: 'The menu, top row first.',
            headers: localizedHeaders,
            content: json({
              type: 'object',
              properties: {
                data: { type: 'array', items: ref('MenuEntry') },
                meta: { type: 'object', properties: { locale: ref('LocaleCode'), fallback: { type: 'boolean' } }, required: ['locale', 'fallback'], additionalProperties: false },
              },
              required: ['data', 'meta'],
              additionalProperties: false,
            }),
          },
          304: { description: 'Not modified.' },
          ...errorResponses(['400', '429', '503']),
        },
      },
    },
  };
  return { paths, schemas: { PageAtPath: pageAtPath, PageLink: PAGE_LINK, MenuEntry: menuEntry } };
}

export function buildOpenApiDocument(model: ContentApiModel): JsonSchema {
  const types = [...model.types].sort((a, b) => a.pluralName.localeCompare(b.pluralName));
  const municipality = types.find((type) => type.uid === 'api::municipality.municipality');
  const phase = types.find((type) => type.uid === 'api::phase.phase');

  const schemas: Record<string, JsonSchema> = {
    LocaleCode: { type: 'string', enum: [...model.locales] },
    LocaleSources: {
      type: 'object',
      description: 'With fallback: for each field, the locale its value came from, and whether it was transliterated into Cyrillic.',
      additionalProperties: {
        type: 'object',
        properties: { locale: ref('LocaleCode'), transliterated: { const: true } },
        required: ['locale'],
        additionalProperties: false,
      },
    },
    TranslationStates: {
      type: 'object',
      description:
        'Per documentId of the entries answered: how each translated field of the version served stands against its source (the Bosnian text, or the Latin text for Serbian Cyrillic). `stale`: the source field changed after this one was written, since `since`; `missing`: the source has text this version lacks; `fresh` otherwise. The source language’s own versions list no fields. `fallback` when the version served is in another language than the one asked for. A source’s edit changes these states on its translations without a change of their own in `/api/changes`.',
      additionalProperties: {
        type: 'object',
        properties: {
          locale: ref('LocaleCode'),
          sourceLocale: { anyOf: [ref('LocaleCode'), { type: 'null' }] },
          fields: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: { state: { type: 'string', enum: ['fresh', 'stale', 'missing'] }, since: { type: 'string', format: 'date-time' } },
              required: ['state', 'since'],
              additionalProperties: false,
            },
          },
          fallback: { type: 'object', properties: { requested: ref('LocaleCode') }, required: ['requested'], additionalProperties: false },
        },
        required: ['locale', 'sourceLocale', 'fields'],
        additionalProperties: false,
      },
    },
    Pagination: {
      anyOf: [
        {
          type: 'object',
          properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
          required: ['page', 'pageSize'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { start: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' } },
          required: ['start', 'limit'],
          additionalProperties: false,
        },
      ],
    },
    Error: {
      type: 'object',
      properties: {
        data: { type: 'null' },
        error: {
          type: 'object',
          properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: {} } },
          required: ['status', 'name', 'message'],
          additionalProperties: false,
        },
      },
      required: ['data', 'error'],
      additionalProperties: false,
    },
    BlocksNode: BLOCKS_NODE,
    UploadFile: entrySchema(model.uploadFile, schemaName, { description: 'A media file.', required: { id: { type: 'integer' }, documentId: { type: 'string' } } }),
  };
  // Sorted, so the document is the same whatever order Strapi loaded the schemas in.
  for (const [uid, component] of Object.entries(model.components).sort(([a], [b]) => a.localeCompare(b))) {
    schemas[schemaName(uid)] = entrySchema(component.attributes, schemaName, {
      description: component.description ?? component.displayName,
      required: { id: { type: 'integer' } },
    });
  }
  for (const type of types) schemas[schemaName(type.uid)] = documentSchema(type);

  const paths: Record<string, JsonSchema> = {};
  for (const type of types) Object.assign(paths, contentTypePaths(type));
  const changes = changesPath(types, model.changesPageSize);
  Object.assign(paths, changes.paths);
  Object.assign(schemas, changes.schemas);
  const page = types.find((type) => type.uid === 'api::page.page');
  if (page) {
    const siteStructure = siteStructurePaths(page);
    Object.assign(paths, siteStructure.paths);
    Object.assign(schemas, siteStructure.schemas);
  }
  if (municipality) {
    schemas.MunicipalitiesGeoJson = municipalitiesGeoJson(municipality, phase);
    paths['/api/municipalities.geojson'] = {
      get: {
        operationId: 'municipalitiesGeoJson',
        summary: 'The municipalities as a GeoJSON FeatureCollection',
        tags: ['Feeds'],
        parameters: [param('locale'), param('acceptLanguage'), param('fallback'), param('ifNoneMatch')],
        responses: {
          200: {
            description: 'One Point per place, [longitude, latitude].',
            headers: localizedHeaders,
            content: { 'application/geo+json': { schema: ref('MunicipalitiesGeoJson') } },
          },
          304: { description: 'Not modified.' },
          ...errorResponses(['400', '429', '503']),
        },
      },
    };
  }
  Object.assign(paths, {
    '/feeds/news.{locale}.rss': feedOperation('newsRss', 'News as RSS 2.0', 'application/rss+xml', true, true),
    '/feeds/news.{locale}.atom': feedOperation('newsAtom', 'News as Atom 1.0', 'application/atom+xml', true, true),
    '/feeds/resources.{locale}.rss': feedOperation('resourcesRss', 'New resources of the library as RSS 2.0', 'application/rss+xml', true, true),
    '/feeds/resources.{locale}.atom': feedOperation('resourcesAtom', 'New resources of the library as Atom 1.0', 'application/atom+xml', true, true),
    '/feeds/workshops.{locale}.ics': feedOperation('workshopsCalendar', 'Workshops as iCalendar (RFC 5545), Europe/Sarajevo', 'text/calendar', true, true),
    '/feeds/iati.xml': feedOperation('iatiActivity', 'The programme as an IATI 2.03 activity', 'application/xml', false, false),
    '/sitemap.xml': feedOperation('sitemapIndex', 'The index of the sitemaps: one per type and 1,000 documents', 'application/xml', false, false),
    '/sitemaps/{file}': feedOperation('sitemap', 'Published documents of one type (1,000 a file) in every language, with hreflang alternates', 'application/xml', false, false, [
      { name: 'file', in: 'path', required: true, description: 'As /sitemap.xml lists them: `<type>-<page>.xml`, e.g. `news-articles-1.xml`', schema: { type: 'string' } },
    ]),
  });

  return {
    openapi: '3.1.0',
    info: {
      title: 'SPIS content API',
      version: model.version,
      description: [
        'Published content of the SPIS programme (Enhancing the Social Protection and Inclusion System for Children in Bosnia and Herzegovina), read-only and public.',
        `Languages: ${model.locales.join(', ')} (default ${model.defaultLocale}). The language comes from \`locale\`, else \`Accept-Language\`; the response says which in \`Content-Language\`.`,
        'With `fallback=true` a document or field missing in that language comes from the next language of its chain, and `localeSources` says where each came from.',
        'Mistakes answer 4xx with a JSON error; drafts are never served. GraphQL is at `/graphql` (schema in `types/schema.graphql`).',
      ].join('\n\n'),
    },
    servers: [{ url: model.serverUrl }],
    tags: [
      ...types.map((type) => ({ name: type.displayName, description: type.description })),
      { name: 'Feeds', description: 'Formats feed readers, calendars, maps and aid registries read.' },
      { name: 'Changes', description: 'What changed in the published content since a cursor: how a partner keeps a copy current.' },
    ],
    paths,
    components: {
      schemas,
      parameters: {
        locale: {
          name: 'locale',
          in: 'query',
          description: `A locale code (${model.locales.join(', ')}) or a BCP 47 tag matched to one (\`sr\`, \`sr-RS\` → sr-Cyrl); \`*\` for every locale. Unknown: 400.`,
          schema: { type: 'string', maxLength: 35 },
          examples: Object.fromEntries(model.locales.map((code) => [code, { value: code }])),
        },
        acceptLanguage: { name: 'Accept-Language', in: 'header', description: 'Used when `locale` is absent, e.g. `sr-RS;q=0.9, en;q=0.5`.', schema: { type: 'string' } },
        fallback: {
          name: 'fallback',
          in: 'query',
          description: 'Fill missing documents and fields from the locale fallback chain.',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
        q: {
          name: 'q',
          in: 'query',
          description: 'Search text; case, diacritics and script do not matter (`celinac`, `ČELINAC`, `Челинац`).',
          schema: { type: 'string', maxLength: model.maxSearchLength },
        },
        page: { name: 'pagination[page]', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        pageSize: { name: 'pagination[pageSize]', in: 'query', schema: { type: 'integer', minimum: 1, maximum: model.maxPageSize, default: 25 } },
        start: { name: 'pagination[start]', in: 'query', description: 'Offset paging, instead of page and pageSize.', schema: { type: 'integer', minimum: 0 } },
        limit: { name: 'pagination[limit]', in: 'query', schema: { type: 'integer', minimum: 1, maximum: model.maxPageSize } },
        withCount: { name: 'pagination[withCount]', in: 'query', description: 'Count the total (default true).', schema: { type: 'boolean' } },
        ifNoneMatch: { name: 'If-None-Match', in: 'header', description: 'An ETag from an earlier response: 304 while unchanged.', schema: { type: 'string' } },
      },
      responses: {
        Error400: errorResponse('A mistake in the request: unknown parameter, field, operator or locale, a value out of range.'),
        Error403: errorResponse('Not for the public, e.g. `status=draft` without a token.'),
        Error404: errorResponse('No such document, feed or published version.'),
        Error410: errorResponse(
          'The cursor can no longer be followed (older than the changes kept, or from before a restore): get a new one with `since=now`, download the content again, and replace your copy.'
        ),
        Error429: errorResponse('Too many requests; retry after the `Retry-After` seconds.'),
        Error503: errorResponse('The database is unreachable for a moment; retry.'),
      },
    },
  };
}
