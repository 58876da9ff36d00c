// Operation limits, checked before planning: tokens (graphql-js's parser), then, from one measure of the operation
// (operation-size.ts, remembered with its shape), depth through fragments, the introspection's own depth, aliases
// (`__typename` included) and directives; a cost with list multipliers (graphql-query-complexity, introspection not
// counted), the text of every argument (input-rules.ts), and for anonymous callers no introspection unless the
// operator turns it on. Every violation is a 400 with its own registry code (MAX_DEPTH_LIMIT, …), `limit` and `found`
// in its extensions, and a message that says which limit and by how much. The limits stage (stages/limits.stage.ts)
// puts them in the pipeline. Introspection is measured apart so that the explorer's and codegen's standard
// introspection query (depth 15, a cost in the hundreds of thousands by list multipliers) works for every caller
// allowed to introspect, without loosening the limits meant for data.
import { ErrorCode, hubError, joinMessages, limitExceeded, msg, type LimitCode, type Localized, type Principal } from '@hub/schema';
import { GraphQLError, isListType, getNullableType, Kind, type OperationDefinitionNode } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { remembered } from '@hub/runtime/bounded';
import { textInputIssue } from './input-rules';
import type { Operation } from './pipeline/stage';

export interface LimitsConfig {
  maxDepth: number;
  /** Depth of introspection (`__schema`, `__type` and what they select), which `maxDepth` does not count. */
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** The longest text value (in UTF-16 units) accepted in any argument or input field. */
  maxTextLength: number;
  /** Operator's switch: anonymous callers may introspect and get "did you mean" suggestions. */
  publicIntrospection: boolean;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 12,
  // The standard introspection query (graphql-js, GraphiQL, graphql-codegen) is 15 deep.
  maxIntrospectionDepth: 20,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 1000,
  maxCost: 100_000,
  maxTextLength: 100_000,
  publicIntrospection: false,
};

/** A list without a `first` argument is counted as this many items. */
const ASSUMED_LIST_SIZE = 20;
const DEFAULT_FIRST = 50;

/** Cost of a field: (1 + cost of its selection) × how many items it may return. */
function estimate({ field, args, childComplexity, type }: ComplexityEstimatorArgs): number {
  // Introspection has its own depth limit, and `__typename` costs nothing to answer.
  if (field.name.startsWith('__')) return 0;
  let items = 1;
  if (typeof args.first === 'number') items = Math.max(args.first, 1);
  else if ('first' in args || field.args.some((a) => a.name === 'first')) items = DEFAULT_FIRST;
  else if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) items = ASSUMED_LIST_SIZE;
  return (1 + childComplexity) * items;
}

/** Names of the operation's variables of a list type (`[X]`, `[X!]!`, …). */
export function listVariables(operation: OperationDefinitionNode): string[] {
  return (operation.variableDefinitions ?? [])
    .filter((d) => (d.type.kind === Kind.NON_NULL_TYPE ? d.type.type : d.type).kind === Kind.LIST_TYPE)
    .map((d) => d.variable.name.value);
}

/**
 * The variables as far as the cost can depend on them. The cost reads variables only where they are an argument
 * `first` (an Int) or the `if` of @skip/@include (a Boolean), never a list: a list variable is given as `[]`,
 * which every list type accepts. A bulk write's 10,000 input objects are then not coerced once more here (the
 * gateway coerces and checks them before planning, answering BAD_USER_INPUT with status 400 as this did) and not
 * turned into a megabyte cache key.
 */
function costVariables(variables: Record<string, unknown> | undefined, lists: readonly string[]): Record<string, unknown> {
  if (!variables || !lists.length) return variables ?? {};
  const out = { ...variables };
  for (const name of lists) if (Array.isArray(out[name])) out[name] = [];
  return out;
}

/** Remembered per document and variables: the same question always gets the same answer. */
const CACHE_SIZE = 1000;

/**
 * The limits that need the operation and the caller, checked once Apollo Server has validated the document (tokens
 * are a parser option): introspection for anonymous callers, depth, aliases, directives, the cost, and the text of
 * arguments.
 */
export class OperationLimits {
  private readonly costs = new Map<string, number>();

  constructor(private readonly cfg: LimitsConfig) {}

  /** The first limit the operation breaks, as the error the caller gets (status 400); undefined if none. */
  check(principal: Principal, operation: Operation): GraphQLError | undefined {
    const { shape, variables } = operation;
    const { size } = shape;
    const cfg = this.cfg;
    if (!cfg.publicIntrospection && principal.kind === 'PUBLIC' && shape.introspection)
      return hubError(
        msg('Introspection is not available without signing in.', 'Chưa đăng nhập thì không được xem lược đồ (introspection).'),
        {
          code: ErrorCode.INTROSPECTION_DISABLED,
          http: { status: 400 },
        },
      );
    const sized: [LimitCode, Localized, number, number][] = [
      [
        ErrorCode.MAX_INTROSPECTION_DEPTH_LIMIT,
        msg('Introspection depth', 'độ sâu introspection'),
        cfg.maxIntrospectionDepth,
        size.introspectionDepth,
      ],
      [ErrorCode.MAX_DEPTH_LIMIT, msg('Query depth', 'độ sâu truy vấn'), cfg.maxDepth, size.depth],
      [ErrorCode.MAX_ALIASES_LIMIT, msg('Aliases', 'số bí danh (alias)'), cfg.maxAliases, size.aliases],
      [ErrorCode.MAX_DIRECTIVES_LIMIT, msg('Directives', 'số chỉ thị (directive)'), cfg.maxDirectives, size.directives],
    ];
    for (const [code, what, limit, found] of sized)
      if (found > limit)
        return limitExceeded(
          code,
          msg(`${what.en} limit of ${limit} exceeded, found ${found}.`, `Vượt giới hạn ${what.vi} ${limit}: có ${found}.`),
          limit,
          found,
        );
    let cost: number;
    try {
      // The cost depends on the document, the operation chosen and the variables (list sizes), nothing else.
      const counted = costVariables(variables, shape.listVariables);
      cost = remembered(this.costs, `${operation.hash}:${operation.name ?? ''}:${JSON.stringify(counted)}`, CACHE_SIZE, () =>
        getComplexity({
          schema: operation.schema,
          query: operation.document,
          variables: counted,
          operationName: operation.name ?? undefined,
          estimators: [estimate],
        }),
      );
    } catch (e) {
      // The cost needs the variables' values: a variable that does not coerce is the caller's bad input.
      return new GraphQLError((e as Error).message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
    }
    if (cost > cfg.maxCost) {
      return limitExceeded(
        ErrorCode.COST_ESTIMATED_TOO_EXPENSIVE,
        msg(
          `Query cost ${cost} exceeds the limit of ${cfg.maxCost}; ask for fewer items (first:) or fewer nested lists (a list without first: counts as ${ASSUMED_LIST_SIZE}).`,
          `Chi phí truy vấn ${cost} vượt giới hạn ${cfg.maxCost}; hãy yêu cầu ít mục hơn (first:) hoặc ít danh sách lồng nhau hơn (một danh sách không có first: được tính là ${ASSUMED_LIST_SIZE}).`,
        ),
        cfg.maxCost,
        cost,
      );
    }
    const issue = textInputIssue(shape.text, variables, cfg.maxTextLength);
    if (issue)
      return hubError(
        joinMessages(msg(`Invalid value for "${issue.path}": `, `Giá trị không hợp lệ của "${issue.path}": `), issue.problem),
        {
          code: ErrorCode.BAD_USER_INPUT,
          argument: issue.path,
          http: { status: 400 },
        },
      );
    return undefined;
  }
}
