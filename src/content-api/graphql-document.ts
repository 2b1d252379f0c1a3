/**
 * Checks on a GraphQL document before Apollo sees it. graphql-depth-limit (the depth rule
 * Strapi always installs) follows fragment spreads before GraphQL's own validation reports a
 * cycle, so `fragment A on X { ...B } fragment B on X { ...A }` overflowed the stack: a 500
 * for one small request. Pure functions; src/middlewares/graphql-document.ts applies them.
 */
import { Kind, parse, visit, type DocumentNode } from 'graphql';

/** Fragments that spread themselves, directly or through other fragments. */
export function fragmentCycles(document: DocumentNode): string[] {
  const spreads = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const names: string[] = [];
    visit(definition.selectionSet, { FragmentSpread: (node) => void names.push(node.name.value) });
    spreads.set(definition.name.value, names);
  }
  const reaches = (from: string, target: string, seen: Set<string>): boolean =>
    (spreads.get(from) ?? []).some((next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))));
  return [...spreads.keys()].filter((name) => reaches(name, name, new Set()));
}

/** The problem with a query text, if any; text that does not parse is left to Apollo's own error. */
export function findDocumentProblem(query: unknown): string | undefined {
  if (typeof query !== 'string' || !query.includes('fragment')) return undefined;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return undefined;
  }
  const [cycle] = fragmentCycles(document);
  return cycle ? `Fragment "${cycle}" spreads itself; fragment cycles are not allowed` : undefined;
}
