/**
 * GraphQL relation fields between the app's types (`municipalities`, `municipalities_connection`,
 * `programme`) load for every parent of one execution step at once. Strapi's association
 * resolver loads each parent's links on its own, two SQL queries per parent: a page of 25 news
 * with their places made 54 queries, and GraphQL answered a fifth as fast as REST.
 *
 * Per request (the GraphQL context) and per relation and arguments, the parents' links are
 * loaded with one Document-less database read (the parents by id, their links populated), as
 * Strapi's resolver does for one parent, with the same query: the field's filters and sort
 * validated and sanitized for the caller, published links only, each parent's page cut from
 * its own rows. Permissions (the `find` scope of the target) and the fallback link middleware
 * stay where Strapi and locale-fallback.ts put them: they wrap this resolver as they wrapped
 * Strapi's. Strapi's own resolver still answers what this one does not reproduce: callers who
 * may read drafts (their root query's status and publication filters reach nested fields),
 * fields under mutations or custom root queries, and a batch whose parents' pages together
 * link more entries than one capped read can prove complete (links fanning out to thousands).
 * `batchRelations: false` in the GraphQL plugin's config serves every field with Strapi's.
 */
import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { apiContentTypeUids, attributesOf, isContentLink } from './content-types';
import { QUERY_COST } from './graphql-cost';
import { mayReadDrafts } from './published-only';
import { createBatcher, loadedAll, pageOf, rowCap, splitPage } from './relation-batches';
import type { RequestState } from './content-types';

type Parent = { id?: number | string };
type Args = Record<string, unknown>;
type Context = { state?: RequestState & { auth?: unknown } };
type Resolver = (parent: Parent, args: Args, context: Context, info: GraphQLResolveInfo) => Promise<unknown>;
/** What Strapi's association resolver answers: `{ nodes, info }` (to-many) or `{ value, info }` (to-one). */
type Association = { nodes?: unknown[]; value?: unknown };
type DbQuery = { where?: unknown; offset?: unknown; limit?: unknown } & Record<string, unknown>;
type Relation = { parentUid: UID.ContentType; field: string; target: UID.ContentType; toMany: boolean };
type Load = { parent: Parent; alone: () => Promise<Association> };

const PUBLISHED = { publishedAt: { $notNull: true } };
/** Strapi's resolver reads each parent's links with two queries (the parent, then its links). */
const ROWS_PER_PARENT_READ = 2 * QUERY_COST;

/** The root field (not its alias) the resolved field is under, when the document names it. */
function rootFieldName(info: GraphQLResolveInfo): string | undefined {
  let path = info.path;
  while (path.prev) path = path.prev;
  const find = (selectionSet: SelectionSetNode): string | undefined => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD && (selection.alias ?? selection.name).value === path.key) return selection.name.value;
      const nested =
        selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : selection.kind === Kind.FRAGMENT_SPREAD ? info.fragments[selection.name.value]?.selectionSet : undefined;
      const found = nested && find(nested);
      if (found) return found;
    }
    return undefined;
  };
  return find(info.operation.selectionSet);
}

export function registerGraphqlBatching(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  const extension = graphql.service('extension');
  const { naming } = graphql.service('utils');
  const { returnTypes } = graphql.service('format');

  /**
   * Whether a field read here matches what Strapi's resolver would load: a published-only
   * caller (the only status its root query can have), under a built-in root query.
   */
  const batches = (parent: Parent, context: Context, info: GraphQLResolveInfo) => {
    if (graphql.config<boolean>('batchRelations', true) === false) return false;
    if (parent.id === undefined || parent.id === null || mayReadDrafts(context.state)) return false;
    const root = info.operation.operation === 'query' ? rootFieldName(info) : undefined;
    return root !== undefined && graphql.service('content-api').isBuiltInQueryField(root);
  };

  /** The database query Strapi's resolver builds for the field's arguments, for this caller. */
  async function relationQuery({ target }: Relation, args: Args, auth: unknown): Promise<{ query: DbQuery; sanitized: unknown }> {
    const model = strapi.getModel(target);
    const transformed = graphql.service('builders').utils.transformArgs(args, { contentType: model, usePagination: true });
    await strapi.contentAPI.validate.query(transformed, model, { auth });
    const sanitized = await strapi.contentAPI.sanitize.query(transformed, model, { auth });
    const query = (strapi.get('query-params') as { transform: (uid: string, params: unknown) => DbQuery }).transform(target, sanitized);
    // Published links only, in a conjunction a filter on publishedAt cannot loosen.
    const where = contentTypes.hasDraftAndPublish(model) ? { $and: [PUBLISHED, query.where ?? {}] } : query.where;
    return { query: { ...query, where }, sanitized };
  }

  /** Loads the relation for many parents in one read, or answers each alone when one read cannot. */
  async function loaderFor(relation: Relation, args: Args, auth: unknown) {
    const { query, sanitized } = await relationQuery(relation, args, auth);
    const { unpaged, offset, end } = splitPage(query);
    const answer = (links: unknown): Association =>
      relation.toMany
        ? returnTypes.toEntityResponseCollection(links, { args: sanitized, resourceUID: relation.target })
        : returnTypes.toEntityResponse(links, { args: sanitized, resourceUID: relation.target });

    return createBatcher<Load, Association>(
      async (loads) => {
        const cap = rowCap(loads.length, relation.toMany ? end : undefined, ROWS_PER_PARENT_READ);
        const rows: Array<Parent & Record<string, unknown>> = await strapi.db.query(relation.parentUid).findMany({
          select: ['id'],
          where: { id: { $in: loads.map((load) => load.parent.id) } },
          populate: { [relation.field]: cap === undefined ? unpaged : { ...unpaged, limit: cap } },
        });
        const linksOf = new Map(rows.map((row) => [row.id, row[relation.field]]));
        const loaded = rows.reduce((sum, row) => sum + [row[relation.field] ?? []].flat().length, 0);
        if (!loadedAll(loaded, cap)) return Promise.all(loads.map((load) => load.alone()));
        return loads.map(({ parent }) => {
          const links = linksOf.get(parent.id);
          return answer(relation.toMany ? pageOf((links as unknown[] | undefined) ?? [], offset, end) : (links ?? null));
        });
      },
      (load) => String(load.parent.id)
    );
  }

  /** Per request (its GraphQL context), per relation and arguments: one loader. */
  const loaders = new WeakMap<Context, Map<string, ReturnType<typeof loaderFor>>>();
  const loaderOf = (relation: Relation, args: Args, context: Context) => {
    const mine = loaders.get(context) ?? new Map<string, ReturnType<typeof loaderFor>>();
    loaders.set(context, mine);
    const key = `${relation.parentUid}.${relation.field}:${JSON.stringify(args)}`;
    if (!mine.has(key)) mine.set(key, loaderFor(relation, args, context.state?.auth));
    return mine.get(key) as ReturnType<typeof loaderFor>;
  };

  extension.use(() => {
    const { buildAssociationResolver } = graphql.service('builders').get('content-api');
    const resolvers: Record<string, Record<string, Resolver>> = {};
    for (const parentUid of apiContentTypeUids(strapi)) {
      const contentType = strapi.contentType(parentUid);
      if (extension.shadowCRUD(parentUid).isDisabled()) continue;
      const typeResolvers: Record<string, Resolver> = {};
      for (const [field, attribute] of Object.entries(attributesOf(strapi, parentUid))) {
        if (
          !isContentLink(field, attribute) ||
          attribute.private ||
          extension.shadowCRUD(attribute.target).isDisabled() ||
          !extension.shadowCRUD(parentUid).field(field).hasOutputEnabled()
        )
          continue;
        const relation: Relation = { parentUid, field, target: attribute.target as UID.ContentType, toMany: /Many$/.test(attribute.relation ?? '') };
        const strapiResolver: Resolver = buildAssociationResolver({ contentTypeUID: parentUid, attributeName: field });
        const resolve: Resolver = async (parent, args, context, info) => {
          if (!batches(parent, context, info)) return strapiResolver(parent, args, context, info) as Promise<Association>;
          const load = await loaderOf(relation, args, context);
          return load({ parent, alone: () => strapiResolver(parent, args, context, info) as Promise<Association> });
        };
        // The same answers as the fields Strapi defines (type.js): a list, a connection, one entry.
        if (relation.toMany) {
          typeResolvers[field] = async (...call) => ((await resolve(...call)) as Association).nodes ?? [];
          typeResolvers[`${field}_connection`] = resolve;
        } else {
          typeResolvers[field] = async (...call) => ((await resolve(...call)) as Association).value;
        }
      }
      resolvers[naming.getTypeName(contentType)] = typeResolvers;
    }
    return { resolvers };
  });
}
