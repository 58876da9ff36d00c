// The gateway's result shaping (@apollo/gateway's `computeResponse`: the subgraphs' merged answers cut down to what the
// operation asked, aliases applied, `__typename` filled in, nulls bubbled up to the nearest nullable field, invalid
// values reported), with the same rules and errors, and the work per selection set done once per operation instead
// of once per value. On a list of 10,000 records with two nested references it was the largest part of the gateway's
// time: for every value Apollo's version looks the field's definition, type, response name and directives up again
// through federation-internals' accessor re-exports (benchmark B, docs/benchmarks.md).
//
// Apollo's module is replaced in place (useHubResultShaping): the gateway's executor calls it through its module
// object. The replacement is checked against Apollo's own on the same inputs in __tests__/result-shaping.test.ts.
import * as internals from '@apollo/federation-internals';
import type { CompositeType, NamedType, Operation, Schema, SelectionSet, Type } from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

const {
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  typenameFieldName,
  Variable,
} = internals;
const hasOwn = Object.prototype.hasOwnProperty;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** An operation's variable values, by name. */
type Variables = Record<string, unknown>;

interface Parameters {
  schema: Schema;
  variables: Variables;
  errors: GraphQLError[];
  introspectionHandling: (selection: internals.FieldSelection) => unknown;
}

/** A `@skip` or `@include` condition: a constant, or a variable read per request. */
type Condition = { skip: boolean; value: boolean | string } | undefined;

interface FieldStep {
  kind: 'field';
  conditions: Condition[];
  responseName: string;
  introspection: boolean;
  typename: boolean;
  type: Type;
  selection: internals.FieldSelection;
  selectionSet: SelectionSet | undefined;
}

interface FragmentStep {
  kind: 'fragment';
  conditions: Condition[];
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
}

type Step = FieldStep | FragmentStep;

const stepsOf = new WeakMap<SelectionSet, Step[]>();

function conditionsOf(element: internals.Field | internals.FragmentElement, schema: Schema): Condition[] {
  const out: Condition[] = [];
  for (const [directive, skip] of [
    [schema.skipDirective(), true],
    [schema.includeDirective(), false],
  ] as const) {
    const applied = element.appliedDirectivesOf(directive)[0];
    if (!applied) continue;
    const arg = applied.arguments().if as unknown;
    out.push({ skip, value: arg instanceof Variable ? arg.name : Boolean(arg) });
  }
  return out;
}

function steps(selectionSet: SelectionSet, schema: Schema): Step[] {
  let known = stepsOf.get(selectionSet);
  if (known) return known;
  known = selectionSet.selections().map((selection): Step => {
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      return {
        kind: 'field',
        conditions: conditionsOf(field, schema),
        responseName: field.responseName(),
        introspection: field.definition.isSchemaIntrospectionField(),
        typename: field.name === typenameFieldName,
        type: field.definition.type!,
        selection,
        selectionSet: selection.selectionSet,
      };
    }
    return {
      kind: 'fragment',
      conditions: conditionsOf(selection.element, schema),
      typeCondition: selection.element.typeCondition,
      selectionSet: selection.selectionSet,
    };
  });
  stepsOf.set(selectionSet, known);
  return known;
}

function skipped(conditions: Condition[], variables: Variables): boolean {
  for (const c of conditions) {
    if (!c) continue;
    let value: unknown = c.value;
    if (typeof c.value === 'string') {
      value = variables[c.value];
      if (value === undefined || typeof value !== 'boolean') throw new Error(`Unexpected value ${String(value)} for variable $${c.value}`);
    }
    if (c.skip ? value : !value) return true;
  }
  return false;
}

const applies = new WeakMap<CompositeType, Map<string, boolean>>();

function typeConditionApplies(
  schema: Schema,
  typeCondition: CompositeType | undefined,
  typename: string | undefined,
  parentType: CompositeType,
) {
  if (!typeCondition) return true;
  if (!typename) return isSubtype(typeCondition, parentType);
  let byName = applies.get(typeCondition);
  if (!byName) applies.set(typeCondition, (byName = new Map()));
  let ok = byName.get(typename);
  if (ok === undefined) {
    const type = schema.type(typename);
    ok = !!type && isSubtype(typeCondition, type);
    byName.set(typename, ok);
  }
  return ok;
}

/**
 * The answer's objects. Like Apollo's `Object.create(null)` objects they inherit nothing from Object.prototype (an
 * alias `__proto__` is an own property, not the prototype), but they are made by a constructor: V8 keeps them in
 * fast mode, where `Object.create(null)` makes dictionaries that were six times slower to fill and half again
 * slower to serialise.
 */
const Output = function Output(this: Record<string, unknown>) {} as unknown as new () => Record<string, unknown>;
Output.prototype = Object.create(null) as Record<string, unknown>;

const OK = 0;
const NULL_BUBBLE_UP = 1;

export function computeResponse({
  operation,
  variables,
  input,
  introspectionHandling,
}: {
  operation: Operation;
  variables?: Variables;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: Parameters['introspectionHandling'];
}): { data: Record<string, unknown> | null | undefined; errors: GraphQLError[] } {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const parameters: Parameters = {
    schema,
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Variables,
    errors: [],
    introspectionHandling,
  };
  const data = new Output();
  const res = applySelectionSet(input, operation.selectionSet, data, parameters, [], schema.schemaDefinition.rootType(operation.rootKind)!);
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
}

function applySelectionSet(
  input: Record<string, unknown>,
  selectionSet: SelectionSet,
  output: Record<string, unknown>,
  parameters: Parameters,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  for (const step of steps(selectionSet, parameters.schema)) {
    if (step.conditions.length && skipped(step.conditions, parameters.variables)) continue;
    if (step.kind === 'field') {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = parameters.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = hasOwn.call(input, responseName) ? (input[responseName] ?? null) : null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = typeof inputValue === 'string' ? (parameters.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const r = updateOutputValue(outputValue, step.type, inputValue, step.selectionSet, path, parameters, parentType);
      output[responseName] = r.updated;
      path.pop();
      if (r.isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(parameters.schema, step.typeCondition, typename as string | undefined, parentType)) {
        const res = applySelectionSet(input, step.selectionSet, output, parameters, path, step.typeCondition ?? parentType);
        if (res === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function pathLastElementDescription(path: (string | number)[], currentType: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

interface Updated {
  updated: unknown;
  isInvalid?: boolean;
  hasErrors?: boolean;
}

const UNCHANGED_NULL: Updated = { updated: null };

function updateOutputValue(
  outputValue: unknown,
  type: Type,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): Updated {
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return { updated: outputValue };
  if (isNonNullType(type)) {
    const r = updateOutputValue(outputValue, type.ofType, inputValue, selectionSet, path, parameters, parentType);
    if (r.updated === null) {
      if (!r.hasErrors) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType, parentType)}.`, {
            path: Array.from(path),
          }),
        );
      }
      return { updated: null, isInvalid: true, hasErrors: true };
    }
    return { updated: r.updated };
  }
  if (inputValue === null) return UNCHANGED_NULL;
  if (isListType(type)) {
    if (!Array.isArray(inputValue))
      throw new Error(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${type}`);
    if (outputValue !== undefined && !Array.isArray(outputValue))
      throw new Error(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${type}`);
    const outputList = outputValue as unknown[] | undefined;
    if (outputList && inputValue.length !== outputList.length)
      throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${outputList}].length (${outputList.length})`);
    let shouldNullify = false;
    let hasErrors = false;
    const updated = new Array<unknown>(inputValue.length);
    for (let i = 0; i < inputValue.length; i++) {
      path.push(i);
      const elt = updateOutputValue(outputList?.[i], type.ofType, inputValue[i], selectionSet, path, parameters, parentType);
      path.pop();
      if (elt.isInvalid) shouldNullify = true;
      if (elt.hasErrors) hasErrors = true;
      updated[i] = elt.updated;
    }
    return { updated: shouldNullify ? null : updated, hasErrors };
  }
  if (isCompositeType(type)) {
    if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${type}`);
    if (typeof inputValue !== 'object')
      throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type}`);
    if (outputValue !== undefined && typeof outputValue !== 'object')
      throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type}`);
    const input = inputValue as Record<string, unknown>;
    const inputTypename = input[typenameFieldName];
    if (inputTypename !== undefined && typeof inputTypename !== 'string')
      throw new Error(`Invalid non-string value ${String(inputTypename)} for __typename at ${path}`);
    let objType: CompositeType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, {
            path: Array.from(path),
          }),
        );
        return { updated: null, hasErrors: true };
      }
      objType = typenameType;
    }
    const out = (outputValue === undefined ? new Output() : outputValue) as Record<string, unknown>;
    const res = applySelectionSet(input, selectionSet, out, parameters, path, objType);
    const bubbled = res === NULL_BUBBLE_UP;
    return { updated: bubbled ? null : out, hasErrors: bubbled };
  }
  if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${type} for type ${type}`);
  const valid = isValidLeafValue(parameters.schema, inputValue, type as NamedType);
  if (!valid) {
    parameters.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`, {
        path: Array.from(path),
      }),
    );
    return { updated: null, hasErrors: true };
  }
  return { updated: inputValue, hasErrors: false };
}

/** federation-internals' isValidLeafValue, with the schema's built-in scalar types looked up once per schema. */
const builtIns = new WeakMap<Schema, { boolean: NamedType; int: NamedType; id: NamedType; float: NamedType }>();

function isValidLeafValue(schema: Schema, value: unknown, type: NamedType): boolean {
  if (isCustomScalarType(type)) return true;
  let b = builtIns.get(schema);
  if (!b)
    builtIns.set(schema, (b = { boolean: schema.booleanType(), int: schema.intType(), id: schema.idType(), float: schema.floatType() }));
  if (typeof value === 'string') {
    if (isEnumType(type)) return type.value(value) !== undefined;
    return type !== b.boolean && type !== b.int && type !== b.float;
  }
  if (typeof value === 'boolean') return type === b.boolean;
  if (typeof value === 'number' && isFinite(value)) {
    if (type === b.int || type === b.id) return INTEGER.test(String(value));
    return type === b.float;
  }
  return false;
}

/**
 * Makes @apollo/gateway shape results with computeResponse above. Its executor calls
 * `resultShaping_1.computeResponse` through the module object, so replacing the export is enough; a gateway
 * version whose module no longer has that export fails here, at start, rather than shaping differently.
 */
export function useHubResultShaping(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const apollo = require('@apollo/gateway/dist/resultShaping') as { computeResponse?: unknown; hubOriginal?: unknown };
  if (typeof apollo.computeResponse !== 'function')
    throw new Error('@apollo/gateway/dist/resultShaping has no computeResponse: its layout changed');
  if (apollo.computeResponse === computeResponse) return;
  apollo.hubOriginal = apollo.computeResponse;
  apollo.computeResponse = computeResponse;
}
