// Checks the hub's custom scalars (Date, DateTime) and every text argument (length, NUL, lone surrogates) of the
// operation before any subgraph is asked, and names the argument or input field that is wrong. The gateway's API
// schema knows the scalars only by name, so their real parsing is installed here too, for variables.
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  type ASTVisitor,
  type GraphQLInputType,
  type GraphQLSchema,
  type TypeInfo,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { ErrorCode, hubError, joinMessages, LOCALIZED_EXTENSION, msg, scalars, storableProblem, type Localized } from '@hub/schema';

const CUSTOM = scalars as Record<string, (typeof scalars)[keyof typeof scalars]>;

/** Installs the real parse/serialize of the hub's scalars into a (gateway API) schema, in place. */
export function installScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, impl] of Object.entries(CUSTOM)) {
    const t = schema.getType(name);
    if (t && isScalarType(t)) {
      t.parseValue = impl.parseValue;
      t.serialize = impl.serialize;
    }
  }
  return schema;
}

function check(context: ValidationContext, what: Localized, argument: string, value: ValueNode, typeName: string | undefined): void {
  if (!typeName || !(typeName in CUSTOM) || value.kind === Kind.VARIABLE || value.kind === Kind.NULL) return;
  const values = value.kind === Kind.LIST ? value.values : [value];
  for (const v of values) {
    if (v.kind === Kind.VARIABLE || v.kind === Kind.NULL) continue;
    try {
      CUSTOM[typeName].parseLiteral(v, undefined);
    } catch (e) {
      const said = (e as GraphQLError).extensions?.[LOCALIZED_EXTENSION] as { vi?: string } | undefined;
      const problem = msg((e as Error).message, said?.vi ?? (e as Error).message);
      const error = hubError(joinMessages(msg(`Invalid value for ${what.en}: `, `Giá trị không hợp lệ của ${what.vi}: `), problem), {
        code: ErrorCode.BAD_USER_INPUT,
        argument,
      });
      context.reportError(new GraphQLError(error.message, { nodes: v, extensions: error.extensions }));
    }
  }
}

export function CustomScalarInputRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(node) {
      const def = context.getArgument();
      const field = context.getFieldDef();
      if (!def) return;
      const of = field ? `${context.getParentType()?.name}.${field.name}` : undefined;
      const name = node.name.value;
      const what = msg(`argument "${name}"${of ? ` of ${of}` : ''}`, `tham số "${name}"${of ? ` của ${of}` : ''}`);
      check(context, what, name, node.value, getNamedType(def.type)?.name);
    },
    ObjectField(node) {
      const type = context.getInputType();
      const name = node.name.value;
      check(
        context,
        msg(`input field "${name}"`, `trường đầu vào "${name}"`),
        name,
        node.value,
        type ? getNamedType(type).name : undefined,
      );
    },
  };
}

// Text PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate): the same rule the audit writer
// escapes by (audit-storable.ts), refused here as the caller's bad input.

/** What is wrong with one text value, if anything. */
function textProblem(s: string, maxLength: number): Localized | undefined {
  if (s.length > maxLength)
    return msg(
      `is ${s.length} characters long; at most ${maxLength} are accepted`,
      `dài ${s.length} ký tự; chỉ chấp nhận tối đa ${maxLength}`,
    );
  return storableProblem(s);
}

interface TextIssue {
  path: string;
  problem: Localized;
}

/** Walks a JSON value sent for an input type and reports the first text that cannot be accepted, with its path. */
function checkValue(
  value: unknown,
  type: GraphQLInputType | undefined,
  path: (string | number)[],
  maxLength: number,
): TextIssue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const problem = textProblem(value, maxLength);
    return problem ? { path: pathText(path), problem } : undefined;
  }
  if (typeof value !== 'object') return undefined;
  const t = type ? getNullableType(type) : undefined;
  if (Array.isArray(value)) {
    const item = t && isListType(t) ? t.ofType : t;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const issue = checkValue(value[i], item, path, maxLength);
      path.pop();
      if (issue) return issue;
    }
    return undefined;
  }
  const fields = t && isInputObjectType(t) ? t.getFields() : undefined;
  for (const k in value as Record<string, unknown>) {
    path.push(k);
    // Keys are text too (a JSON scalar's object, or a key the input type does not have).
    const keyProblem = textProblem(k, maxLength);
    const issue = keyProblem
      ? { path: pathText(path), problem: joinMessages(msg('has a key that ', 'có một khóa '), keyProblem) }
      : checkValue((value as Record<string, unknown>)[k], fields?.[k]?.type, path, maxLength);
    path.pop();
    if (issue) return issue;
  }
  return undefined;
}

/** A literal written in the document, with the variables it contains, checked the same way. */
function checkLiteral(
  node: ValueNode,
  type: GraphQLInputType | undefined,
  path: (string | number)[],
  variables: Record<string, unknown>,
  maxLength: number,
): TextIssue | undefined {
  switch (node.kind) {
    case Kind.VARIABLE:
      return checkValue(variables[node.name.value], type, path, maxLength);
    case Kind.STRING: {
      const problem = textProblem(node.value, maxLength);
      return problem ? { path: pathText(path), problem } : undefined;
    }
    case Kind.LIST: {
      const t = type ? getNullableType(type) : undefined;
      const item = t && isListType(t) ? t.ofType : t;
      for (let i = 0; i < node.values.length; i++) {
        path.push(i);
        const issue = checkLiteral(node.values[i], item, path, variables, maxLength);
        path.pop();
        if (issue) return issue;
      }
      return undefined;
    }
    case Kind.OBJECT: {
      const t = type ? getNullableType(type) : undefined;
      const fields = t && isInputObjectType(t) ? t.getFields() : undefined;
      for (const f of node.fields) {
        path.push(f.name.value);
        const issue = checkLiteral(f.value, fields?.[f.name.value]?.type, path, variables, maxLength);
        path.pop();
        if (issue) return issue;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const pathText = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** What a document's text checks need, worked out once per document: its literals' verdict, where its variables go. */
export interface TextChecks {
  /** The first literal text of the operation's arguments that cannot be accepted. */
  literal?: TextIssue;
  /** Each variable used in an argument, with the first place it is used (`input.description`). */
  variables: [name: string, path: (string | number)[]][];
}

/**
 * Part of the one walk of a document (operation-walk.ts): checks the literal text of arguments and locates, in
 * `out`, the first place each variable is used in one (variables stand in as null here: their values are checked per
 * request).
 */
export function textChecksVisitor(typeInfo: TypeInfo, maxLength: number, out: TextChecks): ASTVisitor {
  const seen = new Set<string>();
  const locate = (node: ValueNode, path: (string | number)[]) => {
    if (node.kind === Kind.VARIABLE && !seen.has(node.name.value)) {
      seen.add(node.name.value);
      out.variables.push([node.name.value, [...path]]);
    } else if (node.kind === Kind.LIST) node.values.forEach((v, i) => locate(v, [...path, i]));
    else if (node.kind === Kind.OBJECT) for (const f of node.fields) locate(f.value, [...path, f.name.value]);
  };
  return {
    Argument(node) {
      out.literal ??= checkLiteral(node.value, typeInfo.getArgument()?.type, [node.name.value], {}, maxLength);
      locate(node.value, [node.name.value]);
      return false;
    },
  };
}

/**
 * The first argument value of the operation (a literal, or a variable's value, at any depth) that is text the hub
 * cannot accept: longer than `maxLength`, or holding a NUL or a lone surrogate. Named as `input.name`,
 * `inputs[3].name`. Only the variables the operation uses are looked at (an unused variable is never stored).
 */
export function textInputIssue(
  checks: TextChecks,
  variables: Record<string, unknown> | undefined,
  maxLength: number,
): TextIssue | undefined {
  if (checks.literal) return checks.literal;
  if (!variables) return undefined;
  for (const [name, path] of checks.variables) {
    // Every text and key is checked whatever its type, so the value is walked without one.
    const issue = checkValue(variables[name], undefined, [...path], maxLength);
    if (issue) return issue;
  }
  return undefined;
}
