// Reading a supergraph's federation annotations: which subgraph (by its name in the registry) a `@join__type`,
// `@join__field` or `@join__enumValue` names. One reader for the policy's owners, the description check and the
// schema check.
import { Kind, type ConstDirectiveNode, type DirectiveNode, type DocumentNode } from 'graphql';

type Directive = ConstDirectiveNode | DirectiveNode;

/** The `join__Graph` enum of a supergraph: each value (`CULTURE_TOURISM`) → its subgraph's name (`culture-tourism`). */
export function joinGraphNames(supergraph: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of supergraph.definitions) {
    if (d.kind !== Kind.ENUM_TYPE_DEFINITION || d.name.value !== 'join__Graph') continue;
    for (const v of d.values ?? []) {
      const name = joinArg(
        v.directives?.find((x) => x.name.value === 'join__graph'),
        'name',
      );
      if (name?.kind === Kind.STRING) names.set(v.name.value, name.value);
    }
  }
  return names;
}

/** An argument of a directive, as written. */
export const joinArg = (d: Directive | undefined, name: string) => d?.arguments?.find((a) => a.name.value === name)?.value;

/** Whether a directive's boolean argument is written with this value. */
export const joinFlag = (d: Directive, name: string, value: boolean) => {
  const v = joinArg(d, name);
  return v?.kind === Kind.BOOLEAN && v.value === value;
};

/**
 * The subgraph names of the `directive` annotations (`join__type`, …) among `directives`, in order, one per
 * annotation (a type with two keys in one subgraph names it twice), leaving out those `skip` rejects.
 */
export function joinGraphs(
  names: Map<string, string>,
  directives: readonly Directive[] | undefined,
  directive: string,
  skip: (d: Directive) => boolean = () => false,
): string[] {
  const out: string[] = [];
  for (const d of directives ?? []) {
    if (d.name.value !== directive || skip(d)) continue;
    const g = joinArg(d, 'graph');
    const name = g?.kind === Kind.ENUM ? names.get(g.value) : undefined;
    if (name) out.push(name);
  }
  return out;
}
