// Field-level enforcement before planning: every field coordinate of the operation is decided by the policy;
// denied fields are removed from the operation (with their arguments and the variables only they used), so
// no subgraph is ever asked for them, and each comes back as null with one FORBIDDEN error per path.
import { forbidden, msg, reasonInVietnamese } from '@hub/schema';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isNonNullType,
  isCompositeType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type InlineFragmentNode,
  type SelectionNode,
  type ASTVisitor,
  type TypeInfo,
  isObjectType,
  isInterfaceType,
} from 'graphql';

export type Decide = (coordinate: string) => Promise<true | string>;

export interface Removal {
  coordinate: string;
  /** Response path (aliases), without list indices. */
  path: string[];
  reason: string;
  /** Where null lands: the path itself, or its nearest nullable ancestor when the field is non-null. */
  nullPath: string[];
}

export interface PruneResult {
  operation: OperationDefinitionNode;
  document: DocumentNode;
  removals: Removal[];
  /** Where the answer gets null: each removal's nullPath, and fields whose whole selection was denied. */
  nulls: string[][];
  /** Nothing the caller may read is left. */
  empty: boolean;
}

/**
 * Part of the one walk of a document (operation-walk.ts): collects into `out` the coordinate (`Type.field`) of every
 * field a definition selects, introspection aside.
 */
export function coordinatesVisitor(typeInfo: TypeInfo, out: Set<string>): ASTVisitor {
  return {
    Field(node) {
      const parent = typeInfo.getParentType();
      // Introspection (`__schema`, `__type`, `__typename`) is not data: not decided, and not walked into.
      if (node.name.value.startsWith('__')) return false;
      if (!isObjectType(parent) && !isInterfaceType(parent)) return false;
      if (!typeInfo.getFieldDef()) return false;
      out.add(`${parent.name}.${node.name.value}`);
      return undefined;
    },
  };
}

/**
 * Decides every coordinate the operation selects (`coordinates`, from the walk of its document) once; prunes only
 * when something is denied (the common case walks nothing).
 */
export async function prune(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  coordinates: Iterable<string>,
  decide: Decide,
): Promise<PruneResult> {
  const decisions = new Map<string, true | string>();
  for (const c of coordinates) decisions.set(c, await decide(c));
  if ([...decisions.values()].every((d) => d === true)) return { operation, document, removals: [], nulls: [], empty: false };

  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const removals: Removal[] = [];
  const nulls: string[][] = [];

  // Walks a selection set, fragments inlined so that each removal has the paths of every place it is used.
  // `nullable` of a path step: whether null may stand there (list items count as part of their field).
  const rewrite = (set: SelectionSetNode, parent: GraphQLCompositeType, path: string[], nullableAt: boolean[]): SelectionSetNode | null => {
    const kept: SelectionNode[] = [];
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name.startsWith('__') || (!isObjectType(parent) && !isInterfaceType(parent))) {
          kept.push(sel);
          continue;
        }
        const def = parent.getFields()[name];
        const key = sel.alias?.value ?? name;
        const coordinate = `${parent.name}.${name}`;
        const here = [...path, key];
        const nullable = [...nullableAt, def ? isNullableAll(def.type) : true];
        const decision = decisions.get(coordinate) ?? true;
        if (decision !== true) {
          removals.push({ coordinate, path: here, reason: decision, nullPath: nearestNullable(here, nullable) });
          nulls.push(nearestNullable(here, nullable));
          continue;
        }
        const t = def ? getNamedType(def.type) : undefined;
        if (sel.selectionSet && t && isCompositeType(t)) {
          const inner = rewrite(sel.selectionSet, t, here, nullable);
          if (!inner) {
            nulls.push(nearestNullable(here, nullable)); // everything under it was denied: its errors say why
            continue;
          }
          kept.push({ ...sel, selectionSet: inner } as FieldNode);
        } else kept.push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent;
        const inner = rewrite(sel.selectionSet, t, path, nullableAt);
        if (inner) kept.push({ ...sel, selectionSet: inner } as InlineFragmentNode);
      } else {
        const f = fragments.get(sel.name.value);
        if (!f) continue;
        const t = schema.getType(f.typeCondition.name.value) as GraphQLCompositeType;
        const inner = rewrite(f.selectionSet, t, path, nullableAt);
        if (inner)
          kept.push({ kind: Kind.INLINE_FRAGMENT, typeCondition: f.typeCondition, directives: sel.directives, selectionSet: inner });
      }
    }
    return kept.length ? { ...set, selections: kept } : null;
  };

  const root = (operation.operation === 'query' ? schema.getQueryType() : schema.getMutationType())!;
  const selectionSet = rewrite(operation.selectionSet, root, [], []);
  if (!selectionSet) return { operation, document, removals, nulls, empty: true };

  // Variables that only denied fields used are dropped: their values go nowhere.
  const used = new Set<string>();
  visit(selectionSet, { Variable: (v) => void used.add(v.name.value) });
  const pruned: OperationDefinitionNode = {
    ...operation,
    selectionSet,
    variableDefinitions: operation.variableDefinitions?.filter((v) => used.has(v.variable.name.value)),
  };
  return { operation: pruned, document: { kind: Kind.DOCUMENT, definitions: [pruned] }, removals, nulls, empty: false };
}

/** A field's value may be null where its type is nullable; list items do not matter for the field itself. */
function isNullableAll(type: GraphQLOutputType): boolean {
  return !isNonNullType(type);
}

function nearestNullable(path: string[], nullable: boolean[]): string[] {
  for (let i = path.length - 1; i >= 0; i--) if (nullable[i]) return path.slice(0, i + 1);
  return [];
}

/** Sets null at each path, through lists, shortest paths first; an empty path nulls the whole data. */
export function applyNulls(
  data: Record<string, unknown> | null | undefined,
  paths: readonly (readonly string[])[],
): Record<string, unknown> | null {
  if (!data) return data ?? null;
  for (const p of [...paths].sort((a, b) => a.length - b.length)) {
    if (p.length === 0) return null;
    setNull(data, p);
  }
  return data;
}

function setNull(node: unknown, path: readonly string[]): void {
  if (node == null) return;
  if (Array.isArray(node)) {
    for (const item of node) setNull(item, path);
    return;
  }
  if (typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (path.length === 1) obj[path[0]] = null;
  else setNull(obj[path[0]], path.slice(1));
}

/** One error per removed path; when nothing was left to run, they also carry the 403 status. */
export function forbiddenErrors(removals: Removal[], rejected = false): GraphQLError[] {
  return removals.map((r) => {
    const error = forbidden(r.coordinate, msg(r.reason, reasonInVietnamese(r.reason)));
    return new GraphQLError(error.message, {
      path: r.path,
      extensions: { ...error.extensions, ...(rejected ? { http: { status: 403 } } : {}) },
    });
  });
}
