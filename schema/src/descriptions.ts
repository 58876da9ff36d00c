// Every type, field, argument, input field and enum value of the graph clients see carries a description:
// composition fails on one that has none, as on a field without a classification. Checked on the API schema of the
// composed supergraph (federation's own types and directives excluded), where a type or field several subgraphs
// define has the description any of them gives; each missing one is named with the subgraphs that define it.
import { Supergraph } from '@apollo/federation-internals';
import {
  parse,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  isIntrospectionType,
  type GraphQLSchema,
} from 'graphql';
import { subgraphOfCoordinates } from './policy';
import { joinGraphNames, joinGraphs } from './join';

/** Coordinates without a description: `Type`, `Type.field`, `Type.field(arg:)`, `Input.field`, `Enum.VALUE`. */
export function undescribed(api: GraphQLSchema): string[] {
  const missing: string[] = [];
  const none = (d: string | null | undefined) => !d || !d.trim();
  for (const type of Object.values(api.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (none(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const f of Object.values(type.getFields())) {
        if (none(f.description)) missing.push(`${type.name}.${f.name}`);
        for (const a of f.args) if (none(a.description)) missing.push(`${type.name}.${f.name}(${a.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) if (none(f.description)) missing.push(`${type.name}.${f.name}`);
    } else if (isEnumType(type)) {
      for (const v of type.getValues()) if (none(v.description)) missing.push(`${type.name}.${v.name}`);
    }
  }
  return missing.sort();
}

/** Each undescribed coordinate of a composed supergraph, with the subgraphs that define it. */
export function missingDescriptions(supergraphSdl: string): { coordinate: string; subgraphs: string[] }[] {
  const doc = parse(supergraphSdl);
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const names = joinGraphNames(doc);
  const typeGraphs = new Map<string, string[]>();
  for (const d of doc.definitions) {
    if (!('name' in d) || !d.name || !('directives' in d)) continue;
    const graphs = joinGraphs(names, d.directives, 'join__type');
    if (graphs.length) typeGraphs.set(d.name.value, [...new Set(graphs)].sort());
  }
  const owner = subgraphOfCoordinates(doc);
  return undescribed(api).map((coordinate) => {
    const [type, rest] = coordinate.split('.');
    const field = rest?.split('(')[0];
    const own = field ? owner.get(`${type}.${field}`) : undefined;
    return { coordinate, subgraphs: own ? [own] : (typeGraphs.get(type) ?? []) };
  });
}
