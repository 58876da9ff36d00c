// Where an unavailable subgraph left holes in an answer. @apollo/gateway reports a failed fetch as one error with no
// path; a client then cannot tell which nulls are "no value" and which are "the service was down". This finds, in
// the answer's data, each field that came back null although the operation asked it of that subgraph (the field
// is the subgraph's, or its selection reaches fields of the subgraph), so each can get the error at its path.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type DocumentNode,
  type FieldNode,
} from 'graphql';

export type ResponsePath = (string | number)[];

/** At most `max` paths, in the order of the answer, and how many more there were. */
export function unavailablePaths(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: unknown,
  served: (coordinate: string) => boolean,
  max = 50,
): { paths: ResponsePath[]; more: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const paths: ResponsePath[] = [];
  let more = 0;
  const found = (path: ResponsePath) => (paths.length < max ? paths.push(path) : more++);

  const applies = (condition: string | undefined, type: GraphQLObjectType) => {
    if (!condition || condition === type.name) return true;
    const c = schema.getType(condition);
    return !!c && isAbstractType(c) && schema.isSubType(c, type);
  };

  /** The fields a selection set asks of an object type, fragments included (in document order). */
  const fieldsOf = (type: GraphQLObjectType, set: SelectionSetNode, out: FieldNode[] = [], seen = new Set<string>()) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(s.typeCondition?.name.value, type)) fieldsOf(type, s.selectionSet, out, seen);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f && applies(f.typeCondition.name.value, type)) fieldsOf(type, f.selectionSet, out, seen);
      }
    }
    return out;
  };

  const reaches = new Map<SelectionSetNode, Map<string, boolean>>();
  /** Whether a selection set, on any object type it may meet, asks a field of the subgraph. */
  const selectsServed = (type: GraphQLCompositeType, set: SelectionSetNode | undefined): boolean => {
    if (!set) return false;
    const byType = reaches.get(set) ?? new Map<string, boolean>();
    reaches.set(set, byType);
    const known = byType.get(type.name);
    if (known !== undefined) return known;
    byType.set(type.name, false); // a cycle through fragments adds nothing
    const objects = isObjectType(type) ? [type] : schema.getPossibleTypes(type);
    const result = objects.some((o) =>
      fieldsOf(o, set).some((f) => {
        const def = o.getFields()[f.name.value];
        if (!def) return false;
        const named = getNamedType(def.type);
        return served(`${o.name}.${f.name.value}`) || (isCompositeType(named) && selectsServed(named, f.selectionSet));
      }),
    );
    byType.set(type.name, result);
    return result;
  };

  const value = (type: GraphQLCompositeType, set: SelectionSetNode, v: unknown, path: ResponsePath): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (item === null) {
          if (selectsServed(type, set)) found([...path, i]);
        } else value(type, set, item, [...path, i]);
      });
      return;
    }
    const runtime = isObjectType(type) ? type : schema.getType(String((v as { __typename?: unknown }).__typename ?? ''));
    if (!runtime || !isObjectType(runtime)) return;
    object(runtime, set, v as Record<string, unknown>, path);
  };

  const object = (type: GraphQLObjectType, set: SelectionSetNode, v: Record<string, unknown>, path: ResponsePath): void => {
    const done = new Set<string>();
    for (const f of fieldsOf(type, set)) {
      const key = f.alias?.value ?? f.name.value;
      if (done.has(key) || f.name.value.startsWith('__')) continue;
      done.add(key);
      const def = type.getFields()[f.name.value];
      if (!def || !(key in v)) continue;
      const named = getNamedType(def.type);
      const here = [...path, key];
      if (v[key] === null) {
        if (served(`${type.name}.${f.name.value}`) || (isCompositeType(named) && selectsServed(named, f.selectionSet))) found(here);
      } else if (isCompositeType(named) && f.selectionSet) value(named, f.selectionSet, v[key], here);
    }
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (root && data && typeof data === 'object') object(root, operation.selectionSet, data as Record<string, unknown>, []);
  return { paths, more };
}
