// How big an operation is, for the limits (limits.ts): its depth, the depth of its introspection, its aliases and
// its directives, counted through the fragments it spreads (each fragment measured once, however often it is
// spread). Fragments and inline fragments add no depth of their own; a field adds one. Introspection (`__schema`,
// `__type`) is measured apart: it has its own depth limit and does not count against the one for data, so the
// explorer's and codegen's standard introspection query (depth 15) works without raising the data limit.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface OperationSize {
  /** Deepest chain of fields outside introspection. */
  depth: number;
  /** Deepest chain of fields from a `__schema` or `__type` field down, that field included; 0 without introspection. */
  introspectionDepth: number;
  /** Fields under an alias (`__typename` included), once per place they are reached. */
  aliases: number;
  /** Directives used, once per place they are reached. */
  directives: number;
}

const ZERO: OperationSize = { depth: 0, introspectionDepth: 0, aliases: 0, directives: 0 };
const INTROSPECTION = new Set(['__schema', '__type']);

export function operationSize(document: DocumentNode, operation: OperationDefinitionNode): OperationSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measured = new Map<string, OperationSize>();
  const inProgress = new Set<string>();

  const fragment = (name: string): OperationSize => {
    const known = measured.get(name);
    if (known) return known;
    const f = fragments.get(name);
    // Validation refuses unknown fragments and cycles before the limits run; measured as empty all the same.
    if (!f || inProgress.has(name)) return ZERO;
    inProgress.add(name);
    const own = f.directives?.length ?? 0;
    const size = selections(f.selectionSet);
    inProgress.delete(name);
    const out = { ...size, directives: size.directives + own };
    measured.set(name, out);
    return out;
  };

  function selections(set: SelectionSetNode | undefined): OperationSize {
    if (!set) return ZERO;
    let depth = 0;
    let introspectionDepth = 0;
    let aliases = 0;
    let directives = 0;
    for (const s of set.selections) {
      directives += s.directives?.length ?? 0;
      if (s.kind === Kind.FIELD) {
        if (s.alias) aliases++;
        const below = selections(s.selectionSet);
        aliases += below.aliases;
        directives += below.directives;
        if (INTROSPECTION.has(s.name.value)) {
          // Everything under an introspection field is introspection.
          introspectionDepth = Math.max(introspectionDepth, 1 + Math.max(below.depth, below.introspectionDepth));
        } else {
          depth = Math.max(depth, 1 + below.depth);
          // Introspection nested under data (`__type` cannot be, but a fragment could hide one) keeps its own depth.
          introspectionDepth = Math.max(introspectionDepth, below.introspectionDepth);
        }
        continue;
      }
      const inner = s.kind === Kind.INLINE_FRAGMENT ? selections(s.selectionSet) : fragment(s.name.value);
      depth = Math.max(depth, inner.depth);
      introspectionDepth = Math.max(introspectionDepth, inner.introspectionDepth);
      aliases += inner.aliases;
      directives += inner.directives;
    }
    return { depth, introspectionDepth, aliases, directives };
  }

  const size = selections(operation.selectionSet);
  return { ...size, directives: size.directives + (operation.directives?.length ?? 0) };
}
