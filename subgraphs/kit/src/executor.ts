// Executes a subgraph's operations with graphql-jit: each document (the gateway sends the same planned queries again
// and again) is compiled once into JavaScript and cached. On a list of 10,000 records graphql-js spent ~29 ms
// completing values field by field, graphql-jit ~2 ms (benchmark B1, docs/benchmarks.md); Apollo Server still
// parses, validates, runs plugins and formats errors. Apollo Server takes a custom executor only through its
// gateway interface, hence the shape.
import type { GatewayInterface, GatewayLoadResult } from '@apollo/server-gateway-interface';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isLeafType,
  isObjectType,
  isUnionType,
  printSchema,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { ErrorCode } from '@hub/schema';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { jitRuntime } from 'graphql-jit/dist/runtime';
import { remembered } from '@hub/runtime/bounded';

type ListItemHandler = (ctx: unknown, item: unknown, onSuccess: (v: unknown) => void, onError: (e: unknown) => void) => void;

/**
 * graphql-jit 0.8.9 places a list item whose promise rejects with `resultArray.push(null)`, not at the item's index:
 * when it rejects before the items ahead of it have resolved, the list comes out shorter or longer than its source
 * (`_entities` for [slow, failing] answered one entity for two representations). A rejection is handed to the
 * compiled code as an Error value instead, which it completes at the item's own index as graphql-js does (null and
 * the error at that path, or the null propagated for a non-null item).
 */
function placeRejectedListItemsAtTheirIndex(): void {
  const rt = jitRuntime as unknown as { handleListItemResult: ListItemHandler; hubPatched?: boolean; isPromise(v: unknown): boolean };
  if (rt.hubPatched) return;
  const original = rt.handleListItemResult;
  const asError = (e: unknown) => (e instanceof Error ? e : new Error(e == null ? '' : String(e)));
  rt.handleListItemResult = function (ctx, item, onSuccess, onError) {
    const settled = rt.isPromise(item) ? (item as Promise<unknown>).then(undefined, asError) : item;
    original.call(rt, ctx, settled, onSuccess, onError);
  };
  rt.hubPatched = true;
}
placeRejectedListItemsAtTheirIndex();

/** Distinct documents kept compiled; the gateway's query plans for a subgraph are far fewer. */
const MAX_COMPILED = 500;

/**
 * graphql-jit reads a field that has no resolver as a plain property: a function or a promise there would not be
 * called or awaited, as graphql-js's default resolver does. Resolvers build such objects (`totalCount: () => …`,
 * a loader's promise as a value), so every field without a resolver gets graphql-js's default resolver, except the
 * leaf fields (scalars, enums) of entity types: those are columns of a row or an entity, and reading them directly
 * is where a large list's time goes.
 */
export function prepareForCompilation(schema: GraphQLSchema): GraphQLSchema {
  const union = schema.getType('_Entity');
  const entities = new Set(isUnionType(union) ? union.getTypes().map((t) => t.name) : []);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve) continue;
      if (entities.has(type.name) && isLeafType(getNamedType(field.type))) continue;
      field.resolve = defaultFieldResolver;
    }
  }
  return schema;
}

export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  prepareForCompilation(schema);
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load(): Promise<GatewayLoadResult> {
      return {
        async executor(rc) {
          // Documents are cached by text and operation name: one text may hold several operations.
          const key = `${rc.operationName ?? ''}\n${rc.source}`;
          const query = remembered(compiled, key, MAX_COMPILED, () => compileQuery(schema, rc.document, rc.operationName ?? undefined));
          if (!isCompiledQuery(query)) return normalized(query);
          return normalized(await query.query(undefined, rc.context, rc.request.variables ?? {}));
        },
      };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors carry no `extensions` unless the original error had some, and Apollo Server's formatting
 * needs them: each becomes a graphql-js GraphQLError with its message, locations, path and original error. Errors
 * with no data at all are the request's (a variable of the wrong type): BAD_USER_INPUT, 400, as graphql-js
 * execution answers them.
 */
function normalized(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const requestError = !('data' in result) || result.data === undefined;
  const errors = result.errors.map((e) => {
    const extensions = e.extensions ?? (requestError ? { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } : undefined);
    const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions });
    if (e.locations) Object.defineProperty(out, 'locations', { value: e.locations, enumerable: true });
    return out;
  });
  return { ...result, errors };
}
