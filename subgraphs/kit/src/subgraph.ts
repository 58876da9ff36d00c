// Builds and serves one subgraph: buildSubgraphSchema over the subgraph's SDL plus the shared types, a
// forked EntityManager and fresh loaders per request, provenance and change history on every entity, masked
// internal errors, /health and /metrics, and a graceful shutdown.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import {
  defaultFieldResolver,
  Kind,
  parse,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import type { EntityManager, EntitySchema, MigrationObject, MikroORM } from '@mikro-orm/postgresql';
import { classificationMap, scalars, subgraphSdl, type ClassificationLevel, ErrorCode } from '@hub/schema';
import {
  CONTEXT_HEADER,
  contextVerifier,
  createLogger,
  defineConfig,
  jsonErrorHandler,
  listen,
  maskErrors,
  notFound,
  parseConfig,
  parseConfigs,
  runService,
  runServices,
  type CallerClaims,
  type ConfigSpec,
  type Logger,
  type ServiceMain,
} from '@hub/runtime';
import { createLoaders, type BatchFns } from './loaders';
import type { HubContext } from './context';
import { initOrm, migrate, seedOnce, type OrmStats } from './orm';
import { subgraphSettings, type SubgraphConfig } from './config';
import { setMaxPageSize } from './pagination';
import { compiledExecution } from './executor';
import { markReads, reads } from './selection';
import { subgraphMetrics } from './metrics';
import { accountRef } from './refs';
import { applySecondLine } from './second-line';
import { sql } from './sql';
import { changeScope, ChangeRecord, HistoryRecorder, withChangeReason, withKitMigrations, type HistoryDeclaration } from './history';
import { HistoryReader, historyResolver } from './history-reader';

export interface SubgraphDefinition<B extends BatchFns = BatchFns, S = unknown> {
  /** Service name, as in the supergraph (`culture-tourism`). */
  name: string;
  /** Catalogue code of the sector database served here; every record's provenance names it. */
  dataset: string;
  /** The subgraph's own schema.graphql; the kit appends the shared types. */
  typeDefs: string;
  /**
   * Resolvers by type name, typed in the subgraph by its generated `Resolvers<Ctx>` (src/__generated__, from the SDL
   * by `npm run codegen`), which checks every resolver's arguments, parent and result against the schema.
   */
  resolvers: { [typeName: string]: object | undefined };
  /** Its entities (`defineEntity`); none for a subgraph that only reads someone else's database with SQL. */
  entities?: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  loaders: B;
  /**
   * Demo data (`HUB_SEED=demo`): one function, or named steps in order; each step is loaded once per database,
   * so a step added later still loads into a database seeded before it existed.
   */
  seed?: ((em: EntityManager) => Promise<void>) | Record<string, (em: EntityManager) => Promise<void>>;
  /**
   * The database belongs to someone else and this subgraph only reads it (the audit subgraph reads the audit
   * store with a SELECT-only role): no migrations, no seed.
   */
  readOnlyDatabase?: boolean;
  /**
   * The subgraph's own settings beyond the kit's (`defineConfig` of @hub/runtime): a process parses them with the
   * kit's, from the same environment, every problem of both listed before it exits. Resolvers get them as
   * `ctx.settings`, internal routes as `deps.settings`.
   */
  settings?: ConfigSpec<any, S>;
  /**
   * Runs at every start, after migrations and the demo seed, before the subgraph answers (idempotent bookkeeping:
   * the directory links the catalogue to the registry).
   */
  onStart?: (em: EntityManager, log: Logger) => Promise<void>;
  /** HTTP endpoints under /internal for the gateway only, sealed by its context token like /graphql. */
  internalRoutes?: (router: express.Router, deps: InternalDeps<S>) => void;
  /**
   * How entities' changes are recorded (`tracked(entity, { fields, approved, partOf })`, `untracked(entity)`).
   * Entities not listed are tracked under their name, with every property not in the schema kept secret.
   */
  history?: HistoryDeclaration[];
}

export interface InternalDeps<S = unknown> {
  /** A fresh EntityManager fork (one per call). */
  em: () => EntityManager;
  log: Logger;
  settings: S;
}

export function defineSubgraph<B extends BatchFns, S = unknown>(def: SubgraphDefinition<B, S>): SubgraphDefinition<B, S> {
  return def;
}

/**
 * What a subgraph package declares of itself once, in the `"hub"` block of its package.json (the registry reads the
 * same block): its service name and dataset, and whether its database belongs to someone else (the audit store).
 */
export function readDeclaration(packageDir: string): Pick<SubgraphDefinition, 'name' | 'dataset' | 'readOnlyDatabase'> {
  const pkg = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')) as {
    hub?: { name?: unknown; dataset?: unknown; database?: unknown };
  };
  const { name, dataset, database } = pkg.hub ?? {};
  if (typeof name !== 'string' || typeof dataset !== 'string')
    throw new Error(`${packageDir}/package.json: the "hub" block needs "name" and "dataset"`);
  return { name, dataset, readOnlyDatabase: database === 'audit-store' };
}

/** Reads a subgraph package's schema.graphql (the folder above src/ or dist/). */
export function readSchemaFile(packageDir: string): string {
  return readFileSync(`${packageDir}/schema.graphql`, 'utf8');
}

type AnyResolvers = Record<string, Record<string, unknown>>;

/** Every object type with a `provenance: Provenance!` field gets the shared resolver unless it has its own. */
function withProvenance(def: SubgraphDefinition<any, any>, sdl: string): AnyResolvers {
  const resolvers: AnyResolvers = { ...(def.resolvers as AnyResolvers) };
  const doc = parse(sdl);
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const t = d as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
    if (!t.fields?.some((f) => f.name.value === 'provenance')) continue;
    const own = resolvers[t.name.value] ?? {};
    if (own.provenance) continue;
    resolvers[t.name.value] = {
      ...own,
      provenance: reads(['updatedAt'], (parent: { updatedAt?: Date }, _a: unknown, ctx: HubContext) => ({
        dataset: { code: def.dataset },
        updatedAt: parent.updatedAt,
        retrievedAt: ctx.retrievedAt,
      })),
    };
  }
  return resolvers;
}

/**
 * Every object type with a `history: ChangeConnection` field gets `historyResolver(Type)` unless it has its own;
 * `Change.account` is the subgraph's own Account when it has one, a reference to the directory's otherwise.
 */
function withHistory(def: SubgraphDefinition<any, any>, sdl: string, resolvers: AnyResolvers): AnyResolvers {
  const out: AnyResolvers = { ...resolvers };
  for (const d of parse(sdl).definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const t = d as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
    const field = t.fields?.find((f) => f.name.value === 'history');
    if (!field || !/\bChangeConnection\b/.test(JSON.stringify(field.type))) continue;
    const own = out[t.name.value] ?? {};
    if (!own.history) out[t.name.value] = { ...own, history: historyResolver(t.name.value) };
  }
  const ownAccount = (def.resolvers as AnyResolvers).Account?.__resolveReference as
    ((ref: { id: string }, ctx: HubContext) => unknown) | undefined;
  out.Change = {
    ...(out.Change ?? {}),
    account: (c: { accountId: string | null }, _a: unknown, ctx: HubContext) => {
      const ref = accountRef(c.accountId);
      return ref && ownAccount ? ownAccount(ref, ctx) : ref;
    },
  };
  return out;
}

/** A mutation's `reason` argument is the reason of the changes it makes (required for approved records). */
function applyReasons(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    if (!field.args.some((a) => a.name === 'reason')) continue;
    const inner: GraphQLFieldResolver<unknown, HubContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx, info) =>
      withChangeReason(args.reason as string | null | undefined, () => inner(source, args, ctx, info));
  }
  return schema;
}

export function buildSchema(def: SubgraphDefinition<any, any>): GraphQLSchema {
  const sdl = subgraphSdl(def.typeDefs);
  const resolvers = { ...scalars, ...withHistory(def, sdl, withProvenance(def, sdl)) };
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> }]);
  markReads(schema, resolvers as never);
  return applySecondLine(applyReasons(schema), sdl, def.dataset);
}

/** The classification of every coordinate of a subgraph's full SDL (its own and the shared types). */
export function levelsOf(def: SubgraphDefinition<any, any>): Map<string, ClassificationLevel> {
  return classificationMap(parse(subgraphSdl(def.typeDefs)));
}

/**
 * The entities and migrations MikroORM gets for a subgraph: its own and the kit's (change history), which a
 * read-only database does not have.
 */
export function ormModel(def: SubgraphDefinition<any, any>): { entities: EntitySchema<any, any>[]; migrations: MigrationObject[] } {
  const own = def.entities ?? [];
  if (def.readOnlyDatabase) return { entities: own, migrations: def.migrations };
  return { entities: [...own, ChangeRecord], migrations: withKitMigrations(def.migrations) };
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  orm: MikroORM;
  stats: OrmStats & { requests: number };
  /** Runs an operation in-process with a fresh context (contract tests); `caller` replaces the in-process caller's claims. */
  execute(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Partial<CallerClaims>,
  ): Promise<{ data?: any; errors?: readonly GraphQLFormattedError[] }>;
  stop(): Promise<void>;
}

export interface StartOptions<S = unknown> extends Partial<Omit<SubgraphConfig, 'historyKey'>> {
  /** Key of PERSONAL values in change history; without one they are stored masked. */
  historyKey?: Buffer | null;
  dbUrl: string;
  /** PEM of the gateway's context-token public key: requests without a token it signed get 401. */
  contextPublicKey: string;
  log?: Logger;
  /** Sees every operation the subgraph receives (tests prove what was, and was not, asked). */
  onOperation?: (operation: { query?: string; variables?: Record<string, unknown> }) => void;
  /** The subgraph's own settings (`def.settings`); in-process starts without them get its defaults. */
  settings?: S;
}

export async function startSubgraph<S>(def: SubgraphDefinition<any, S>, opts: StartOptions<S>): Promise<RunningSubgraph> {
  const log = opts.log ?? createLogger(def.name, opts.logLevel);
  const settings = opts.settings ?? (def.settings ? parseConfig({}, def.settings) : (undefined as S));
  if (opts.maxPageSize !== undefined) setMaxPageSize(opts.maxPageSize);
  const levels = levelsOf(def);
  const historyKey = opts.historyKey ?? null;
  if (!historyKey) log.warn('no history key (HUB_HISTORY_KEY_FILE): PERSONAL values in change history are stored masked');
  const { orm, stats: ormStats } = await initOrm({
    dbUrl: opts.dbUrl,
    ...ormModel(def),
    poolMax: opts.poolMax,
    log,
    subscribers: [new HistoryRecorder({ declarations: def.history ?? [], levels, key: historyKey })],
  });
  const stats = Object.assign(ormStats, { requests: 0 });
  const metrics = subgraphMetrics(def.name, stats, opts.onOperation);
  try {
    if ((opts.migrate ?? true) && !def.readOnlyDatabase) {
      const applied = await migrate(orm);
      if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    }
    if (opts.seed === 'demo' && def.seed && !def.readOnlyDatabase) {
      const steps = typeof def.seed === 'function' ? { demo: def.seed } : def.seed;
      for (const [name, step] of Object.entries(steps)) {
        const seeded = await seedOnce(orm, name, step);
        log.info({ step: name, seeded }, seeded ? 'demo data loaded' : 'demo data already present');
      }
    }
    if (def.onStart && !def.readOnlyDatabase) await def.onStart(orm.em.fork() as EntityManager, log);
  } catch (e) {
    await orm.close(true);
    throw e;
  }

  const verifyCaller = await contextVerifier(opts.contextPublicKey);
  const app = express();
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<HubContext<BatchFns, S>>({
    gateway: compiledExecution(buildSchema(def)),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors(log),
    // No cache control: the hub sets no cache hints, and its plugin would wrap every resolver (per-field hooks that
    // were a tenth of a subgraph's time on a list of 10,000 records; see docs/benchmarks.md, the data layer).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), metrics.plugin],
    logger: {
      debug: (m) => log.debug(m),
      info: (m) => log.info(m),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
  });
  await apollo.start();

  const makeContext = (requestId: string, caller: CallerClaims): HubContext<BatchFns, S> => {
    const em = orm.em.fork() as EntityManager;
    return {
      em,
      loaders: createLoaders(def.loaders, em),
      requestId,
      caller,
      retrievedAt: new Date(),
      log: log.child({ requestId }),
      history: new HistoryReader(em, caller, { levels, key: historyKey }),
      settings,
    };
  };

  app.disable('x-powered-by');
  // No ETag: Express would hash every answer (SHA-1 over a list of 10,000 records, ~2 ms) for a validator that no
  // POST is ever revalidated against.
  app.disable('etag');
  app.get('/health', async (_req, res) => {
    try {
      await sql(orm.em.fork()).rows('select 1');
      res.json({ status: 'ok', service: def.name });
    } catch {
      res.status(503).json({ status: 'unavailable', service: def.name, reason: 'database unreachable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // Sealed: only the gateway may ask, `_service` and `_entities` included.
  const sealed: express.RequestHandler = async (req, res, next) => {
    try {
      (req as unknown as { caller: CallerClaims }).caller = await verifyCaller(req.header(CONTEXT_HEADER));
      next();
    } catch (e) {
      log.warn({ reason: (e as Error).message, remote: req.socket.remoteAddress }, 'request without a valid context token refused');
      res.status(401).json({
        errors: [
          {
            message: 'This service answers only the hub gateway: missing or invalid context token',
            extensions: { code: ErrorCode.UNAUTHENTICATED },
          },
        ],
      });
    }
  };
  // Writes are recorded as the caller's (change history). After the body is read: the body parser's callbacks
  // run outside the request's async context, so a scope opened before it would be lost.
  const scoped: express.RequestHandler = (req, _res, next) => {
    const r = req as unknown as { caller: CallerClaims; requestId: string };
    r.requestId = String(req.headers['x-request-id'] ?? randomUUID());
    changeScope({ accountId: r.caller.sub, agency: r.caller.agency, roles: r.caller.roles, requestId: r.requestId }, next);
  };
  if (def.internalRoutes) {
    const router = express.Router();
    def.internalRoutes(router, { em: () => orm.em.fork() as EntityManager, log, settings });
    app.use('/internal', sealed, express.json({ limit: '64kb' }), scoped, router);
  }
  app.use(
    '/graphql',
    sealed,
    express.json({ limit: '10mb' }),
    scoped,
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        makeContext((req as unknown as { requestId: string }).requestId, (req as unknown as { caller: CallerClaims }).caller),
    }),
  );

  app.use(notFound);
  app.use(jsonErrorHandler);

  const port = await listen(httpServer, opts.port ?? 0, opts.host ?? '127.0.0.1');
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}/graphql`;
  log.info({ url }, 'subgraph ready');

  let stopping: Promise<void> | undefined;
  return {
    name: def.name,
    url,
    port,
    orm,
    stats,
    async execute(query, variables, callerClaims) {
      const rid = randomUUID();
      const caller: CallerClaims = { sub: 'in-process', roles: [], ...callerClaims };
      const res = await changeScope({ accountId: caller.sub, agency: caller.agency, roles: caller.roles, requestId: rid }, () =>
        apollo.executeOperation({ query, variables }, { contextValue: makeContext(rid, caller) }),
      );
      if (res.body.kind !== 'single') throw new Error('incremental delivery is not used by the hub');
      return res.body.singleResult;
    },
    stop() {
      stopping ??= (async () => {
        await apollo.stop(); // drains in-flight requests and closes the HTTP server
        await orm.close(true);
        log.info('subgraph stopped');
      })();
      return stopping;
    },
  };
}

const NO_SETTINGS = defineConfig({ vars: {}, build: () => undefined });

/** A subgraph as a service of the runtime: the kit's settings and its own from `env`, then its start. */
function serviceOf(def: SubgraphDefinition<any, any>, env: Record<string, string | undefined>) {
  const service: ServiceMain<ReturnType<typeof parseSettings>> = {
    config: () => parseSettings(def, env),
    logLevel: (c) => c.kit.logLevel,
    start: (c, log) => startSubgraph(def, { ...c.kit, settings: c.own, log }),
  };
  return service;
}
const parseSettings = (def: SubgraphDefinition<any, any>, env: Record<string, string | undefined>) =>
  parseConfigs(env, { kit: subgraphSettings, own: def.settings ?? NO_SETTINGS });

/** The whole main module of a subgraph: the kit's settings and its own from `env`, start, clean shutdown on signals. */
export function runSubgraph(def: SubgraphDefinition<any, any>, env: Record<string, string | undefined>): void {
  runService(def.name, serviceOf(def, env));
}

/** Several subgraphs in one process, each with its own environment (its port, database, keys): see `serve`. */
export function runSubgraphs(list: { def: SubgraphDefinition<any, any>; env: Record<string, string | undefined> }[]): void {
  runServices(list.map(({ def, env }) => ({ name: def.name, main: serviceOf(def, env) })));
}
