// Operation limits, checked before planning: depth (through fragments), aliases (`__typename` included),
// directives and tokens (GraphQL Armor and graphql-js's parser), a cost with list multipliers
// (graphql-query-complexity), and for anonymous callers no introspection and no field suggestions unless the
// operator turns them on. Every violation is a 400 with a message that says which limit and by how much.
import { ErrorCode } from '@hub/schema';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, isListType, getNullableType, Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { HubGatewayContext } from './context';
import { remembered } from '@hub/runtime/bounded';

export interface LimitsConfig {
  maxDepth: number;
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
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 1000,
  maxCost: 100_000,
  maxTextLength: 100_000,
  publicIntrospection: false,
};

/** A list without a `first` argument is counted as this many items. */
export const ASSUMED_LIST_SIZE = 20;
const DEFAULT_FIRST = 50;

/** Depth, aliases and directives: validation rules, so they run before anything else looks at the operation. */
export function limitRules(cfg: LimitsConfig): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: { n: cfg.maxDepth, flattenFragments: true, ignoreIntrospection: false },
    maxAliases: { n: cfg.maxAliases, allowList: [] },
    maxDirectives: { n: cfg.maxDirectives },
    // Tokens are limited by the parser itself (Apollo Server's parseOptions), cost below with list sizes.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}

/** Cost of a field: (1 + cost of its selection) × how many items it may return. */
function estimate({ field, args, childComplexity, type }: ComplexityEstimatorArgs): number {
  let items = 1;
  if (typeof args.first === 'number') items = Math.max(args.first, 1);
  else if ('first' in args || field.args.some((a) => a.name === 'first')) items = DEFAULT_FIRST;
  else if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) items = ASSUMED_LIST_SIZE;
  return (1 + childComplexity) * items;
}

const isAnonymous = (ctx: HubGatewayContext) => ctx.principal.kind === 'PUBLIC';

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
export function costVariables(variables: Record<string, unknown> | undefined, lists: readonly string[]): Record<string, unknown> {
  if (!variables || !lists.length) return variables ?? {};
  const out = { ...variables };
  for (const name of lists) if (Array.isArray(out[name])) out[name] = [];
  return out;
}

function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

const limitError = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });

/** Remembered per document (and variables, for the cost): the same question always gets the same answer. */
const CACHE_SIZE = 1000;

export function limitsPlugin(cfg: LimitsConfig): ApolloServerPlugin<HubGatewayContext> {
  const introspects = new Map<string, boolean>();
  const costs = new Map<string, number>();
  const lists = new Map<string, string[]>();
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ request, document, schema, operation, operationName, queryHash }) {
          if (!cfg.publicIntrospection && isAnonymous(contextValue) && remembered(introspects, queryHash, CACHE_SIZE, () => usesIntrospection(document))) {
            throw limitError('Introspection is not available without signing in.');
          }
          let cost: number;
          try {
            // The cost depends on the document, the operation chosen and the variables (list sizes), nothing else.
            const listVars = remembered(lists, `${queryHash}:${operationName ?? ''}`, CACHE_SIZE, () => (operation ? listVariables(operation) : []));
            const variables = costVariables(request.variables, listVars);
            cost = remembered(costs, `${queryHash}:${operationName ?? ''}:${JSON.stringify(variables)}`, CACHE_SIZE, () =>
              getComplexity({
                schema,
                query: document,
                variables,
                operationName: operationName ?? undefined,
                estimators: [estimate],
              }),
            );
          } catch (e) {
            // The cost needs the variables' values: a variable that does not coerce is the caller's bad input.
            throw new GraphQLError((e as Error).message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
          }
          if (cost > cfg.maxCost) {
            throw limitError(
              `Query cost ${cost} exceeds the limit of ${cfg.maxCost}; ask for fewer items (first:) or fewer nested lists (a list without first: counts as ${ASSUMED_LIST_SIZE}).`,
            );
          }
        },
        async willSendResponse({ response }) {
          // "Did you mean …?" would reveal field names to callers who may not introspect.
          if (cfg.publicIntrospection || !isAnonymous(contextValue) || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((e) =>
            / Did you mean .*\?$/.test(e.message) ? { ...e, message: e.message.replace(/ Did you mean .*\?$/, '') } : e,
          );
        },
      };
    },
  };
}

export function maxTokensOption(cfg: LimitsConfig) {
  return { maxTokens: cfg.maxTokens };
}

