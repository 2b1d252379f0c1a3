/** Shared GraphQL plumbing: the names of a type's queries, and extra arguments on them. */
import type { Core, UID } from '@strapi/strapi';

type QueryKind = 'find' | 'findOne' | 'connection';

type Naming = Record<'getFindQueryName' | 'getFindOneQueryName' | 'getFindConnectionQueryName', (contentType: unknown) => string>;

const NAMERS: Record<QueryKind, keyof Naming> = {
  find: 'getFindQueryName',
  findOne: 'getFindOneQueryName',
  connection: 'getFindConnectionQueryName',
};

/** The `Query` field names Strapi's GraphQL plugin generates for these types. */
export function graphqlQueryNames(strapi: Core.Strapi, uids: readonly UID.ContentType[], kinds: readonly QueryKind[]): Set<string> {
  const naming = strapi.plugin('graphql').service('utils').naming as Naming;
  return new Set(uids.flatMap((uid) => kinds.map((kind) => naming[NAMERS[kind]](strapi.contentType(uid)))));
}

type FieldConfig = { parentType: string; name: string; args?: Record<string, unknown> };
type Nexus = {
  plugin: (config: { name: string; onAddOutputField: (config: FieldConfig) => void }) => unknown;
  arg: (config: { type: string; description: string }) => unknown;
};

/** Registers a Nexus plugin on the schema Strapi builds (through its GraphQL extension service). */
export function useNexusPlugin<N>(strapi: Core.Strapi, make: (nexus: N) => unknown): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: N }) => ({ plugins: [make(nexus)] }));
}

/**
 * Adds an argument to some generated queries, the way Strapi's i18n adds `locale`. Strapi
 * passes unknown arguments on to the Document Service as params of the same name.
 */
export function addGraphqlQueryArgument(
  strapi: Core.Strapi,
  { name, type, description, queries }: { name: string; type: 'String' | 'Boolean'; description: string; queries: Set<string> }
): void {
  useNexusPlugin(strapi, (nexus: Nexus) =>
    nexus.plugin({
      name: `Spis${name[0].toUpperCase()}${name.slice(1)}Arg`,
      onAddOutputField(config) {
        if (config.parentType === 'Query' && queries.has(config.name)) {
          config.args = { ...config.args, [name]: nexus.arg({ type, description }) };
        }
      },
    })
  );
}
