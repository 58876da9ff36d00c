// The hub's gateway: @apollo/gateway executing the checked-in supergraph behind @apollo/server, with
// input checks before planning, errors masked to the registry's codes, a health report of every subgraph,
// the offline explorer and structured JSON logs.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayInterface, GatewayLoadResult, GatewayUnsubscriber } from '@apollo/server-gateway-interface';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import express from 'express';
import helmet from 'helmet';
import { GraphQLError } from 'graphql';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { buildPolicy, PUBLIC, type Policy, type PolicyFacts, type Principal, ErrorCode } from '@hub/schema';
import { jsonErrorHandler, notFound } from '@hub/runtime/http';
import { maskErrors } from '@hub/runtime/mask-errors';
import { contextSigner } from '@hub/runtime/context-token';
import type { GatewayConfig } from './config';
import { claimsOf, type HubGatewayContext } from './context';
import { HubDataSource } from './data-source';
import { explorerRouter } from './explorer';
import { consoleRouter } from './console';
import { auditExportRoute } from './audit-export';
import { CustomScalarInputRule, installScalars, textInputPlugin } from './input-rules';
import { limitRules, limitsPlugin } from './limits';
import { applyNulls, forbiddenErrors, prune } from './prune';
import { AuthError, Authenticator, directoryClient } from './auth';
import { signInRoute } from './sign-in';
import { graphqlRateLimit, RateLimits } from './rate-limit';
import { FactsSnapshot } from './facts';
import { ReadableCoordinates } from './readable';
import { stringifyResult } from './serialized';
import { AUDIT_DOWN_ERROR, AuditWriter, NOTHING_ASKED } from './audit';
import { auditPlugin, clientRecord, recordOutsideGraphQL } from './audit-plugin';
import { markRecorded, markStarted, recordEveryAnswer } from './record-every-answer';
import { classificationMap, maskedInputs } from '@hub/schema';
import { parse } from 'graphql';

/** Service name → URL, as written in the supergraph's join__Graph. */
export function subgraphsOf(supergraphSdl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]+)"\)/g)) out[m[1]] = m[2];
  return out;
}

/**
 * Wraps ApolloGateway: the schema Apollo Server validates against carries the hub's real scalars, and its
 * executor decides every field of the operation with the policy before the query planner sees it.
 */
class HubGateway implements GatewayInterface {
  constructor(
    private readonly inner: ApolloGateway,
    private readonly policy: Policy | undefined,
    private readonly facts: PolicyFacts & { refresh?(): Promise<void> },
  ) {}

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const loaded = await this.inner.load(options);
    const schema = installScalars(loaded.schema);
    const policy = this.policy;
    if (!policy) return loaded;
    const facts = this.facts;
    // A mutation may change the facts (an agreement approved or suspended): it takes effect before the answer.
    const afterMutation = async <T>(rc: { operation: { operation: string } }, result: T): Promise<T> => {
      if (rc.operation.operation === 'mutation') await facts.refresh?.();
      return result;
    };
    const executor: GatewayLoadResult['executor'] = async (rc) => {
      // No operation of the document matches the request's operationName: the caller's mistake, a 400, nothing runs.
      if (!rc.operation) {
        const name = rc.request.operationName;
        const message = name ? `Unknown operation named "${name}".` : 'Must provide operation name if query contains multiple operations.';
        return { errors: [new GraphQLError(message, { extensions: { code: ErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } } })] };
      }
      const ctx = rc.context as unknown as HubGatewayContext;
      const policyContext = { principal: ctx.principal, facts };
      const pruned = await prune(schema, rc.document, rc.operation, (c) => policy.decide(c, policyContext));
      if (pruned.removals.length === 0) return afterMutation(rc, await loaded.executor(rc));
      ctx.denied = pruned.removals;
      if (pruned.empty) return { errors: forbiddenErrors(pruned.removals, true) };
      const errors = forbiddenErrors(pruned.removals);
      // The plan cache is keyed by queryHash: the pruned operation must not share the unpruned one's plan.
      const removed = [...new Set(pruned.removals.map((r) => r.coordinate))].sort().join(',');
      const queryHash = createHash('sha256').update(`${rc.queryHash}|pruned:${removed}`).digest('hex');
      const result = await afterMutation(rc, await loaded.executor({ ...rc, document: pruned.document, operation: pruned.operation, queryHash }));
      return { ...result, data: applyNulls(result.data, pruned.nulls), errors: [...(result.errors ?? []), ...errors] };
    };
    return { ...loaded, executor };
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate((s) => callback({ ...s, apiSchema: installScalars(s.apiSchema) }));
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }
}

function requestLogger(log: Logger): ApolloServerPlugin<HubGatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          log.info(
            { requestId: contextValue.requestId, operationName, durationMs: Math.round(ms * 10) / 10, errors: codes, status: response.http.status ?? 200 },
            'graphql request',
          );
        },
      };
    },
  };
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig, log: Logger = pino({ name: 'gateway', level: config.logLevel })): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const urls = { ...subgraphsOf(supergraphSdl), ...config.subgraphUrls };
  const policy = config.policy ? buildPolicy(supergraphSdl) : undefined;
  const audit = config.auditDbUrl && config.auditWriter ? new AuditWriter(config.auditDbUrl, log, config.auditWriter) : undefined;
  void audit?.open();
  const supergraphDoc = parse(supergraphSdl);
  const levels = classificationMap(supergraphDoc);
  const signContext = await contextSigner(config.contextPrivateKey);
  const internalToken = () => signContext({ sub: 'gateway', roles: [] });
  const directory = directoryClient(urls.directory.replace(/\/graphql$/, '/internal'), internalToken);
  const facts = new FactsSnapshot(directory, log);
  void facts.start();
  const readable = policy ? new ReadableCoordinates(policy, facts) : undefined;
  const dataSources: HubDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const source = new HubDataSource(name, urls[name], log, config.subgraphTimeoutMs);
      dataSources.push(source);
      return source;
    },
    logger: { debug: (m) => log.debug(m), info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
  });

  const app = express();
  app.disable('x-powered-by');
  // Security headers on every route (helmet): nosniff, no framing, no referrer, same-origin resource policy; an
  // answer that is not a page may load nothing. The explorer and the console set their own page policies, each with
  // frame-ancestors 'none'.
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.set('trust proxy', config.trustProxy);
  const limits = new RateLimits(config.rateLimits);
  // The security console is bundled in the background from here on; /console waits for it if asked sooner.
  const securityConsole = consoleRouter({ log });
  const httpServer: Server = createServer(
    {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      // Node checks these timeouts on this interval (30 s by default, which would let a slow body outlive them).
      connectionsCheckingInterval: Math.min(1000, config.http.headersTimeoutMs),
    },
    app,
  );
  httpServer.maxConnections = config.http.maxConnections;
  httpServer.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  const server = new ApolloServer<HubGatewayContext>({
    gateway: new HubGateway(gateway, policy, facts),
    // Introspection is decided per caller by the limits plugin.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Reuses the string the audit measured (one JSON.stringify per response, not two).
    stringifyResult,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [CustomScalarInputRule, ...limitRules(config.limits)],
    formatError: maskErrors(log),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(config.limits),
      textInputPlugin(config.limits.maxTextLength),
      ...(audit ? [auditPlugin(audit, levels, maskedInputs(supergraphDoc))] : []),
      requestLogger(log),
    ],
    logger: { debug: (m) => log.debug(m), info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
  });
  await server.start();

  const auth = await Authenticator.create(config.auth, directory);

  app.get('/.well-known/jwks.json', (_req, res) => {
    res.json(auth.jwks());
  });
  app.use('/auth/token', signInRoute({ directory, auth, audit, limits, log }));

  // Prometheus metrics for the operator's scraper on the same host (process, event loop, audit commits); other
  // hosts get 404, as for any unknown path.
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'hub_gateway_' });
  audit?.register(metrics);
  app.get('/metrics', async (req, res, next) => {
    if (!isLoopback(req.socket.remoteAddress)) return next();
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  app.get('/health', async (_req, res) => {
    const subgraphs = Object.fromEntries(
      await Promise.all(
        Object.entries(urls).map(async ([name, url]) => {
          const started = Date.now();
          try {
            const r = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
            return [name, { status: r.ok ? 'ok' : 'unavailable', latencyMs: Date.now() - started }] as const;
          } catch {
            return [name, { status: 'unavailable', latencyMs: Date.now() - started }] as const;
          }
        }),
      ),
    );
    const allOk = Object.values(subgraphs).every((s) => s.status === 'ok');
    res.status(allOk ? 200 : 503).json({ status: allOk ? 'ok' : 'degraded', service: 'gateway', subgraphs });
  });
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.use(explorerRouter('/graphql'));
  app.use(securityConsole);
  if (urls.audit) {
    auditExportRoute(app, { auth, audit, policy, facts, auditInternalUrl: urls.audit.replace(/\/graphql$/, '/internal'), signContext, log });
  }
  /** Requests refused before GraphQL runs are audited too; no record, no answer (503). */
  const auditRejection = async (req: express.Request, res: express.Response, status: number, code: string, message: string, principal: Principal = PUBLIC) => {
    const requestId = String(res.getHeader('x-request-id'));
    const operation = { ...NOTHING_ASKED.operation, method: req.method, refused: message };
    if (!(await recordOutsideGraphQL(audit, req, res, { requestId, principal, operation, outcome: 'rejected', errorCodes: [code] }))) return;
    if (status === 401) res.set('WWW-Authenticate', 'Bearer realm="provincial-data-hub", error="invalid_token"');
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };

  app.use(
    '/graphql',
    (req, res, next) => {
      const requestId = randomUUID();
      res.setHeader('x-request-id', requestId);
      (req as unknown as { hubRequestId: string }).hubRequestId = requestId;
      next();
    },
    // Whatever answers (Apollo Server's HTTP-level refusals included), the answer leaves only once recorded.
    recordEveryAnswer(audit, (res) => String(res.getHeader('x-request-id')), (req) => (req as unknown as { principal?: Principal }).principal),
    express.json({ limit: '1mb' }),
    async (req, res, next) => {
      // A store known to be down is probed first: no operation runs (no mutation takes effect) unlogged, and
      // when the store is back the next request finds it, with no manual step.
      if (audit && !(await audit.reachable())) {
        markRecorded(res);
        res.status(503).json({ errors: [AUDIT_DOWN_ERROR] });
        return;
      }
      try {
        (req as unknown as { principal: Principal }).principal = await auth.principalOf(req.header('authorization'));
      } catch (e) {
        if (!(e instanceof AuthError)) return next(e);
        return auditRejection(req, res, e.status, 'UNAUTHENTICATED', e.message);
      }
      if (Array.isArray(req.body)) return auditRejection(req, res, 400, 'BAD_REQUEST', 'Batched requests are not accepted: send one operation per request');
      next();
    },
    graphqlRateLimit(limits, audit),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const requestId = (req as unknown as { hubRequestId: string }).hubRequestId;
        const principal = (req as unknown as { principal?: Principal }).principal ?? PUBLIC;
        const claims = claimsOf(principal);
        // One token per subgraph, signed on first use: each lists what that subgraph may show this caller unmasked.
        const tokens = new Map<string, Promise<string>>();
        const contextToken = (subgraph: string) => {
          let token = tokens.get(subgraph);
          if (!token) {
            token = (readable?.of(principal, subgraph) ?? Promise.resolve([])).then((read) => signContext({ ...claims, read }));
            tokens.set(subgraph, token);
          }
          return token;
        };
        return { requestId, principal, client: clientRecord(req), contextToken, markStarted: () => markStarted(res), markRecorded: () => markRecorded(res) };
      },
    }),
  );

  // A body that is not JSON (or too large) is refused, and recorded, in GraphQL's error format.
  app.use('/graphql', (err: { type?: string; status?: number }, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    // The body stopped arriving: the server's request timeout closed the connection, or the client went away.
    if (err?.type === 'request.aborted') return auditRejection(req, res, 408, 'REQUEST_TIMEOUT', 'The connection closed before the request was complete (request timeout, or the client went away)');
    if (!err?.type?.startsWith('entity.')) return next(err);
    const tooLarge = err.type === 'entity.too.large';
    return auditRejection(req, res, tooLarge ? 413 : 400, 'BAD_REQUEST', tooLarge ? 'Request body is too large' : 'Request body is not valid JSON');
  });
  app.use(notFound);
  app.use(jsonErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  log.info({ url: `${url}/graphql`, subgraphs: urls }, 'gateway ready');
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      facts.stop();
      stopping ??= server
        .stop()
        .then(() => Promise.all([audit?.close(), ...dataSources.map((d) => d.close())]))
        .then(() => undefined);
      return stopping;
    },
  };
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
