/** Small shared lookups for the content-API middlewares. */
import type { Core, UID } from '@strapi/strapi';

export type Attribute = {
  type: string;
  target?: string;
  relation?: string;
  component?: string;
  enum?: string[];
  multiple?: boolean;
  repeatable?: boolean;
  private?: boolean;
  writable?: boolean;
  unstable_virtual?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
};

/** i18n's hidden link between a document's locale versions; never an editor's link. */
export const LOCALIZATIONS = 'localizations';

/** A link an editor makes between the app's own documents (not i18n's hidden `localizations`). */
export const isContentLink = (name: string, attribute: Attribute): boolean =>
  attribute.type === 'relation' && Boolean(attribute.target?.startsWith('api::')) && name !== LOCALIZATIONS && !attribute.unstable_virtual && attribute.writable !== false;

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** The model a link attribute leads to: a relation's target, a component, or the media library's files. */
export const targetOf = (attribute: Attribute): string | undefined =>
  attribute.type === 'component' ? attribute.component : attribute.type === 'media' ? 'plugin::upload.file' : attribute.target;

/** Whether a Document Service call reads the app's own content (`api::…`). */
export const isAppContentRead = (context: { action: string; uid: string }): boolean => READ_ACTIONS.has(context.action) && context.uid.startsWith('api::');

/** Where the content API is served, lower-cased (Strapi's router matches paths case-insensitively). */
export const contentApiPaths = (strapi: Core.Strapi) => ({
  restPrefix: `${strapi.config.get('api.rest.prefix', '/api')}/`.toLowerCase(),
  graphqlPath: String(strapi.plugin('graphql')?.config('endpoint') ?? '/graphql').toLowerCase(),
});

/** The app's own content types (`api::…`): the SPIS content model. */
export const apiContentTypeUids = (strapi: Core.Strapi): UID.ContentType[] => Object.keys(strapi.contentTypes).filter((uid): uid is UID.ContentType => uid.startsWith('api::'));

/**
 * The app type whose own REST routes a path is on (`<prefix><plural>` or `<prefix><plural>/<id>`),
 * matched case-insensitively as Strapi's router does; undefined for any other path.
 */
export function apiTypeOfPath(strapi: Core.Strapi): (path: string) => UID.ContentType | undefined {
  const { restPrefix } = contentApiPaths(strapi);
  const byPlural = new Map(apiContentTypeUids(strapi).map((uid) => [strapi.contentTypes[uid].info.pluralName.toLowerCase(), uid]));
  return (path) => {
    const lower = path.toLowerCase();
    if (!lower.startsWith(restPrefix)) return undefined;
    const [plural, ...rest] = lower.slice(restPrefix.length).split('/');
    return rest.length <= 1 ? byPlural.get(plural) : undefined;
  };
}

/** The attributes of a content type or component. */
export const attributesOf = (strapi: Core.Strapi, uid: string) => strapi.getModel(uid as UID.Schema).attributes as Record<string, Attribute>;

/** The fields each locale version writes for itself: localized, public, and not links or media. */
export const localizedTextFields = (strapi: Core.Strapi, uid: string): string[] => {
  const attributes = attributesOf(strapi, uid);
  return Object.keys(attributes).filter(
    (name) => attributes[name].pluginOptions?.i18n?.localized && !attributes[name].private && attributes[name].type !== 'relation' && attributes[name].type !== 'media'
  );
};

/** A `where` clause for the draft or the published rows of documents. */
/**
 * A type's table as raw SQL must name it: in the configured PostgreSQL schema (DATABASE_SCHEMA),
 * as Strapi's own queries do, not wherever the connection's search_path points.
 */
export function tableOf(strapi: Core.Strapi, uid: string): string {
  const { tableName } = strapi.db.metadata.get(uid);
  const schema = strapi.db.getSchemaName();
  return schema ? `${schema}.${tableName}` : tableName;
}

export const versionStatus = (published: boolean) => ({ publishedAt: published ? { $notNull: true } : { $null: true } });

export type RequestState = {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string }; credentials?: { type?: string } };
  /** Set by the content-api-query middleware. */
  locale?: string;
};

/** The state of the current request if it came through the content API (REST or GraphQL). */
export const contentApiRequest = (strapi: Core.Strapi): { state: RequestState; query: Record<string, unknown> } | undefined => {
  const ctx = strapi.requestContext.get();
  const state = ctx?.state as RequestState | undefined;
  return state?.route?.info?.type === 'content-api' ? { state, query: (ctx?.query ?? {}) as Record<string, unknown> } : undefined;
};
