// What the audit log keeps of an operation's variables, decided by the schema alone (never by variable names):
// a value that flows into an argument or input field marked `@sensitive` or classified PERSONAL (and every
// argument of a PERSONAL field) is replaced by MASK, wherever it sits (nested input objects, lists, a variable used
// twice); variables the operation does not declare are not kept at all.
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  typeFromAST,
  visit,
  type ASTVisitor,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeInfo,
  type ValueNode,
} from 'graphql';
import type { MaskReason } from '@hub/schema';

export const MASK = '[masked]';

/** How one operation's variables are recorded: each declared variable, masked whole or walked by its type. */
export interface VariablePlan {
  name: string;
  /** Masked whole: it flows into a masked argument or input field somewhere in the operation. */
  masked: boolean;
  type: GraphQLInputType | undefined;
}

function variablesIn(value: ValueNode, out: Set<string>): void {
  visit(value, { Variable: (v) => void out.add(v.name.value) });
}

/**
 * Part of the one walk of a document (operation-walk.ts): collects into `out` the variables that flow into a masked
 * argument or input field (looked up as `Type.field(arg:)` / `Input.field` in `masked`).
 */
export function maskedVariablesVisitor(typeInfo: TypeInfo, masked: Map<string, MaskReason>, out: Set<string>): ASTVisitor {
  return {
    Argument(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (parent && field && masked.has(`${parent.name}.${field.name}(${node.name.value}:)`)) variablesIn(node.value, out);
    },
    ObjectField(node) {
      const parent = typeInfo.getParentInputType();
      const named = parent ? getNamedType(parent) : undefined;
      if (named && masked.has(`${named.name}.${node.name.value}`)) variablesIn(node.value, out);
    },
  };
}

/** The plan for one operation of a validated document: each declared variable, masked whole if it flows into a masked position. */
export function variablePlan(schema: GraphQLSchema, operation: OperationDefinitionNode, maskedVars: ReadonlySet<string>): VariablePlan[] {
  return (operation.variableDefinitions ?? []).map((d) => ({
    name: d.variable.name.value,
    masked: maskedVars.has(d.variable.name.value),
    type: typeFromAST(schema, d.type as never) as GraphQLInputType | undefined,
  }));
}

/**
 * Masks inside one value by its input type: a masked input field becomes MASK, and so does a key the type does not
 * have (nothing the schema does not describe is kept). Copy-on-write: a part with nothing to mask is returned as it
 * is, so a bulk write's 10,000 input objects are walked, not copied.
 */
function maskByType(value: unknown, type: GraphQLInputType | undefined, masked: Map<string, MaskReason>): unknown {
  if (value === null || value === undefined || !type) return value;
  const t = getNullableType(type);
  if (isListType(t)) {
    // A single value is accepted where a list is expected (input coercion wraps it).
    if (!Array.isArray(value)) return maskByType(value, t.ofType, masked);
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const x = maskByType(value[i], t.ofType, masked);
      if (x !== value[i] && !out) out = value.slice(0, i);
      out?.push(x);
    }
    return out ?? value;
  }
  if (isInputObjectType(t)) return maskObject(value, t, masked);
  return value;
}

function maskObject(value: unknown, t: GraphQLInputObjectType, masked: Map<string, MaskReason>): unknown {
  if (typeof value !== 'object' || Array.isArray(value)) return MASK;
  const fields = t.getFields();
  const v = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const field = fields[k];
    const x = v[k];
    const y = !field || masked.has(`${t.name}.${k}`) ? MASK : maskByType(x, field.type, masked);
    if (y !== x && !out) out = { ...v };
    if (out) out[k] = y;
  }
  return out ?? v;
}

/** The variables as the audit log keeps them: the declared ones only, each masked by the plan. */
export function maskVariables(
  variables: Record<string, unknown> | undefined,
  plan: readonly VariablePlan[] | undefined,
  masked: Map<string, MaskReason>,
): Record<string, unknown> | null {
  if (!variables || !plan) return null;
  const out: Record<string, unknown> = {};
  for (const p of plan) {
    if (!Object.prototype.hasOwnProperty.call(variables, p.name)) continue;
    out[p.name] = p.masked ? MASK : maskByType(variables[p.name], p.type, masked);
  }
  return out;
}
