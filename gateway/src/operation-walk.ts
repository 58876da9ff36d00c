// What the gateway works out of an operation's document, in one walk with type information per document and
// operation (and remembered): the coordinates it selects (the policy decides each, the audit records them), whether
// it introspects, its list variables (the cost), the variables that flow into masked positions (the audit) and its
// text checks (literals checked, variables located). Each of these used to walk the document on its own, and the
// policy's walk ran on every request.
import {
  Kind,
  TypeInfo,
  visit,
  visitInParallel,
  visitWithTypeInfo,
  type ASTVisitor,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { MaskReason } from '@hub/schema';
import { remembered } from '@hub/runtime/bounded';
import { maskedVariablesVisitor, variablePlan, type VariablePlan } from './masking';
import { textChecksVisitor, type TextChecks } from './input-rules';
import { coordinatesVisitor } from './prune';
import { listVariables } from './limits';
import { operationSize, type OperationSize } from './operation-size';

export interface OperationShape {
  /** `Type.field` of every field the operation selects, through the fragments it spreads; sorted. */
  readonly coordinates: readonly string[];
  /** The document asks for `__schema` or `__type`, in any of its definitions. */
  readonly introspection: boolean;
  /** The operation's variables of a list type. */
  readonly listVariables: readonly string[];
  /** Depth (data and introspection apart), aliases and directives, through its fragments. */
  readonly size: OperationSize;
  /** How the audit keeps each declared variable. */
  readonly variablePlan: readonly VariablePlan[];
  /** Its text literals' verdict and where its variables are used. */
  readonly text: TextChecks;
}

export interface ShapeOptions {
  masked: Map<string, MaskReason>;
  /** The longest text accepted (HUB_MAX_TEXT_LENGTH). */
  maxTextLength: number;
}

/** What one definition (an operation or a fragment) selects itself, and the fragments it spreads. */
interface Part {
  coordinates: Set<string>;
  spreads: Set<string>;
}

/**
 * The shape of `operation`, walking its document once: the operation first, then every fragment (masking and text
 * checks look at all of them, as a variable may be used in any), then the other operations (only for introspection).
 */
export function operationShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  options: ShapeOptions,
): OperationShape {
  const typeInfo = new TypeInfo(schema);
  const maskedVariables = new Set<string>();
  const text: TextChecks = { variables: [] };
  const masking = maskedVariablesVisitor(typeInfo, options.masked, maskedVariables);
  const texts = textChecksVisitor(typeInfo, options.maxTextLength, text);
  let introspection = false;
  const parts = new Map<DefinitionNode, Part>();
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const others = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION && d !== operation);
  for (const definition of [operation, ...fragments, ...others]) {
    const part: Part = { coordinates: new Set(), spreads: new Set() };
    parts.set(definition, part);
    const own: ASTVisitor = {
      Field(node) {
        if (node.name.value === '__schema' || node.name.value === '__type') introspection = true;
      },
      FragmentSpread(node) {
        part.spreads.add(node.name.value);
      },
    };
    const visitors = [
      own,
      coordinatesVisitor(typeInfo, part.coordinates),
      ...(definition.kind === Kind.FRAGMENT_DEFINITION || definition === operation ? [masking, texts] : []),
    ];
    visit(definition, visitWithTypeInfo(typeInfo, visitInParallel(visitors)));
  }

  // The coordinates of the operation and of the fragments it reaches, however deep.
  const byName = new Map(fragments.map((f) => [f.name.value, f]));
  const coordinates = new Set<string>();
  const reached = new Set<string>();
  const collect = (part: Part | undefined) => {
    if (!part) return;
    for (const c of part.coordinates) coordinates.add(c);
    for (const name of part.spreads) {
      if (reached.has(name)) continue;
      reached.add(name);
      const f = byName.get(name);
      if (f) collect(parts.get(f));
    }
  };
  collect(parts.get(operation));
  return {
    coordinates: [...coordinates].sort(),
    introspection,
    listVariables: listVariables(operation),
    size: operationSize(document, operation),
    variablePlan: variablePlan(schema, operation, maskedVariables),
    text,
  };
}

/** Each document's shape, remembered (by the hash of its text and the operation chosen): requests then walk nothing. */
export class OperationShapes {
  private readonly cache = new Map<string, OperationShape>();

  constructor(private readonly options: ShapeOptions) {}

  of(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, hash: string): OperationShape {
    return remembered(this.cache, `${hash}:${operation.name?.value ?? ''}`, 1000, () =>
      operationShape(schema, document, operation, this.options),
    );
  }
}
