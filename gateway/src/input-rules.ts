// Checks the hub's custom scalars (Date, DateTime) in the operation before any subgraph is asked, and names
// the argument or input field that is wrong. The gateway's API schema knows the scalars only by name, so
// their real parsing is installed here too, for variables.
import {
  GraphQLError,
  getNamedType,
  isScalarType,
  Kind,
  type ASTVisitor,
  type GraphQLSchema,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { scalars } from '@hub/schema';

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

function check(context: ValidationContext, what: string, value: ValueNode, typeName: string | undefined): void {
  if (!typeName || !(typeName in CUSTOM) || value.kind === Kind.VARIABLE || value.kind === Kind.NULL) return;
  const values = value.kind === Kind.LIST ? value.values : [value];
  for (const v of values) {
    if (v.kind === Kind.VARIABLE || v.kind === Kind.NULL) continue;
    try {
      CUSTOM[typeName].parseLiteral(v, undefined);
    } catch (e) {
      context.reportError(
        new GraphQLError(`Invalid value for ${what}: ${(e as Error).message}`, {
          nodes: v,
          extensions: { code: 'BAD_USER_INPUT', argument: what.match(/"([^"]+)"/)?.[1] },
        }),
      );
    }
  }
}

export function CustomScalarInputRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(node) {
      const def = context.getArgument();
      const field = context.getFieldDef();
      if (!def) return;
      const where = field ? ` of ${context.getParentType()?.name}.${field.name}` : '';
      check(context, `argument "${node.name.value}"${where}`, node.value, getNamedType(def.type)?.name);
    },
    ObjectField(node) {
      const type = context.getInputType();
      check(context, `input field "${node.name.value}"`, node.value, type ? getNamedType(type).name : undefined);
    },
  };
}
