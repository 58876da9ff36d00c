// What a list read selects: only the columns behind the fields the operation asks for. On a list of 10,000
// establishments, decoding and collecting the unasked text and date columns was most of the subgraph's time and
// garbage (benchmark B1). A resolver that reads other properties than its field's name says so with `reads`.
import { getNamedType, isObjectType, Kind, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { EntityMetadata } from '@mikro-orm/core';

export interface ReadingResolver {
  /** Entity properties the resolver reads from its parent. */
  hubReads: readonly string[];
}

/** Declares which properties of the parent a field's resolver reads: `commune: reads(['communeCode'], (a) => …)`. */
export function reads<F>(properties: readonly string[], resolver: F): F {
  // Typed as the resolver alone, so that the resolver map's type reaches its parameters.
  return Object.assign(resolver as object, { hubReads: properties }) as F;
}

type ResolverMap = Record<string, Record<string, unknown> | undefined>;

/** Copies each resolver's `reads` onto its schema field (`extensions.hubReads`), where list reads look it up. */
export function markReads(schema: GraphQLSchema, resolvers: ResolverMap): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) || !fields) continue;
    for (const [name, resolver] of Object.entries(fields)) {
      const hubReads = (resolver as Partial<ReadingResolver> | undefined)?.hubReads;
      const field = type.getFields()[name];
      if (hubReads && field) field.extensions = { ...field.extensions, hubReads };
    }
  }
}

/** Fields selected in `set`, through fragments and inline fragments. */
function selectedFields(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into = new Map<string, SelectionSetNode | undefined>(),
) {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) {
      const name = s.name.value;
      // Several selections of one field (aliases, fragments) merge their sub-selections.
      const prev = into.get(name);
      into.set(
        name,
        prev && s.selectionSet ? { ...prev, selections: [...prev.selections, ...s.selectionSet.selections] } : (s.selectionSet ?? prev),
      );
    } else if (s.kind === Kind.INLINE_FRAGMENT) selectedFields(s.selectionSet, info, into);
    else selectedFields(info.fragments[s.name.value]?.selectionSet, info, into);
  }
  return into;
}

/**
 * The properties of `meta` a list field's nodes need for this operation: the fields asked under `nodes` and
 * `edges.node` (or directly, for a plain list), what their resolvers declare they read, and `always` (the sort
 * key). `undefined` (read every column) when some asked field is neither a
 * property nor declares what it reads.
 */
export function selectedProperties(
  info: GraphQLResolveInfo,
  meta: EntityMetadata<any>,
  always: readonly string[] = [],
): string[] | undefined {
  const returned = getNamedType(info.returnType);
  if (!isObjectType(returned)) return undefined;
  const asked = new Map<string, SelectionSetNode | undefined>();
  for (const node of info.fieldNodes) selectedFields(node.selectionSet, info, asked);
  const connection = returned.getFields();
  let nodeType = returned;
  const top = new Map<string, SelectionSetNode | undefined>();
  if (connection.nodes && connection.pageInfo) {
    const inner = getNamedType(connection.nodes.type);
    if (!isObjectType(inner)) return undefined;
    nodeType = inner;
    selectedFields(asked.get('nodes'), info, top);
    const edges = asked.get('edges');
    if (edges) selectedFields(selectedFields(edges, info).get('node'), info, top);
  } else for (const [k, v] of asked) top.set(k, v);

  // Only what is asked: a resolver that needs the id (a loader key, history) says so with `reads(['id'], …)`.
  const out = new Set<string>(always);
  const fields = nodeType.getFields();
  for (const name of top.keys()) {
    if (name === '__typename') continue;
    const declared = fields[name]?.extensions?.hubReads as readonly string[] | undefined;
    const prop = meta.properties[name];
    if (prop && (prop.kind === 'scalar' || prop.kind === 'embedded' || prop.kind === 'm:1')) out.add(name);
    if (declared) for (const p of declared) out.add(p);
    if (!declared && !prop) return undefined;
  }
  return [...out];
}
