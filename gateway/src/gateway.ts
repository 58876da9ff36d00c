// The hub's gateway: @apollo/gateway executing the checked-in supergraph behind @apollo/server, every request to
// /graphql going through the stages of stages/index.ts; beside it the routes (sign-in, health, metrics, the CSV
// export, the explorer, the console), which reuse some of them.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import express from 'express';
import helmet from 'helmet';
import { parse } from 'graphql';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { buildPolicy, classificationMap, maskedInputs, supergraphHash } from '@hub/schema';
import { jsonErrorHandler, notFound } from '@hub/runtime/http';
import { contextSigner } from '@hub/runtime/context-token';
import type { GatewayConfig } from './config';
import { HubDataSource } from './data-source';
import { useHubResultShaping } from './result-shaping';
import { Authenticator, directoryClient } from './auth';
import { RateLimits } from './rate-limit';
import { FactsSnapshot } from './facts';
import { ReadableCoordinates } from './readable';
import { AuditWriter } from './audit';
import { STAGES } from './stages';
import { buildPipeline, graphqlRoute, reuse } from './pipeline/adapter';
import { signInRoute } from './routes/auth-token.route';
import { auditExportRoute } from './routes/audit-export.route';
import { consoleRouter } from './routes/console.route';
import { explorerRouter } from './routes/explorer.route';
import { loadPersistedDocuments, NO_PERSISTED_DOCUMENTS } from './persisted-documents';
import { CORS_PATHS, corsMiddleware } from './routes/cors';
import { healthRoute } from './routes/health.route';
import { jwksRoute } from './routes/jwks.route';
import { metricsRoute } from './routes/metrics.route';

/** Service name → URL, as written in the supergraph's join__Graph. */
export function subgraphsOf(supergraphSdl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]+)"\)/g)) out[m[1]] = m[2];
  return out;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** The hash of the supergraph served now (`supergraphHash`; also on /health). */
  supergraph(): string;
  /**
   * Reads the supergraph file again and serves it: a complete new gateway (policy, pipeline, Apollo Server, routes)
   * is built beside the running one and swapped in behind the same HTTP server; the old one stops once the requests
   * it took have finished. If the new supergraph cannot be loaded the error is logged and the old one keeps serving.
   * Resolves with whether the new one was swapped in. The process does this on SIGHUP (main.ts).
   */
  reload(): Promise<boolean>;
  stop(): Promise<void>;
}

/** What a gateway process keeps across reloads: its state is not the supergraph's (see startGateway). */
interface Lasting {
  config: GatewayConfig;
  log: Logger;
  audit?: AuditWriter;
  signContext: Awaited<ReturnType<typeof contextSigner>>;
  directory: ReturnType<typeof directoryClient>;
  facts: FactsSnapshot;
  auth: Authenticator;
  rateLimits: RateLimits;
  metrics: Registry;
  securityConsole: ReturnType<typeof consoleRouter>;
}

/** Everything built from one supergraph: the Express app that answers, and how to stop it. */
interface Serving {
  supergraph: string;
  app: express.Express;
  /** Requests this app has taken that have not finished. */
  inFlight: number;
  stop(): Promise<void>;
}

/** The gateway for one supergraph's text; nothing is left running if it cannot be built (the error is thrown). */
async function serve(supergraphSdl: string, lasting: Lasting): Promise<Serving> {
  const { config, log, audit, signContext, directory, facts, auth, rateLimits, metrics, securityConsole } = lasting;
  const urls = { ...subgraphsOf(supergraphSdl), ...config.subgraphUrls };
  const policy = config.policy ? buildPolicy(supergraphSdl) : undefined;
  const supergraphDoc = parse(supergraphSdl);
  const stages = buildPipeline(STAGES, {
    config,
    log,
    audit,
    auth,
    rateLimits,
    policy,
    facts,
    readable: policy ? new ReadableCoordinates(policy, facts) : undefined,
    signContext,
    levels: classificationMap(supergraphDoc),
    masked: maskedInputs(supergraphDoc),
    persisted: config.persistedDocuments.length ? loadPersistedDocuments(config.persistedDocuments) : NO_PERSISTED_DOCUMENTS,
  });

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
  // Apollo Server loads the supergraph here (and fails on one it cannot plan over).
  const graphql = await graphqlRoute(stages, gateway, log);
  const closeSources = () => Promise.all(dataSources.map((d) => d.close())).then(() => undefined);

  const app = express();
  app.disable('x-powered-by');
  // No ETag: Express would hash every answer (SHA-1 over megabytes for a large list) for a validator that no GraphQL
  // POST is revalidated against; the console's assets carry their own content hash in their names.
  app.disable('etag');
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
  const hash = supergraphHash(supergraphSdl);
  app.use(CORS_PATHS, corsMiddleware(config.corsOrigins));
  app.use(jwksRoute(auth));
  app.use(
    '/auth/token',
    signInRoute({
      stages: reuse(stages, ['request-id', 'audit-gate', 'error-masking', 'audit-record', 'language']),
      directory,
      auth,
      limits: rateLimits,
      log,
    }),
  );
  app.use(metricsRoute(metrics));
  app.use(healthRoute(urls, hash));
  app.use(explorerRouter('/graphql'));
  app.use(securityConsole);
  if (urls.audit) {
    auditExportRoute(app, {
      stages: reuse(stages, ['request-id', 'audit-gate', 'authenticate', 'error-masking', 'audit-record', 'language']),
      policy,
      facts,
      auditInternalUrl: urls.audit.replace(/\/graphql$/, '/internal'),
      signContext,
      log,
    });
  }
  app.use('/graphql', ...graphql.handlers);
  app.use(notFound);
  app.use(jsonErrorHandler);
  return {
    supergraph: hash,
    app,
    inFlight: 0,
    stop: () => graphql.server.stop().then(closeSources),
  };
}

/**
 * Starts the gateway. What is the process's, not the supergraph's, is made once and kept across reloads: the audit
 * writer (one writer per chain: its batches and checkpoints are signed in sequence), the sign-in keys and the rate
 * limits' counters (a reload must not reset a throttle), the directory's facts, the metrics, the console's bundle
 * and the HTTP server with its connections. Everything read from the supergraph is built by `serve`.
 */
export async function startGateway(
  config: GatewayConfig,
  log: Logger = pino({ name: 'gateway', level: config.logLevel }),
): Promise<RunningGateway> {
  const firstSdl = readFileSync(config.supergraphPath, 'utf8');
  const urls = { ...subgraphsOf(firstSdl), ...config.subgraphUrls };
  const audit = config.auditDbUrl && config.auditWriter ? new AuditWriter(config.auditDbUrl, log, config.auditWriter) : undefined;
  void audit?.open();
  const signContext = await contextSigner(config.contextPrivateKey);
  const directory = directoryClient(urls.directory.replace(/\/graphql$/, '/internal'), () => signContext({ sub: 'gateway', roles: [] }));
  const facts = new FactsSnapshot(directory, log);
  void facts.start();
  const auth = await Authenticator.create(config.auth, directory);
  const rateLimits = new RateLimits(config.rateLimits);
  useHubResultShaping();
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'hub_gateway_' });
  audit?.register(metrics);
  // The security console is bundled in the background from here on; /console waits for it if asked sooner.
  const securityConsole = consoleRouter({ log });
  const lasting: Lasting = { config, log, audit, signContext, directory, facts, auth, rateLimits, metrics, securityConsole };

  let current = await serve(firstSdl, lasting);
  const httpServer: Server = createServer(
    {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      // Node checks these timeouts on this interval (30 s by default, which would let a slow body outlive them).
      connectionsCheckingInterval: Math.min(1000, config.http.headersTimeoutMs),
    },
    (req, res) => {
      // Each request stays with the gateway that took it, through a reload.
      const serving = current;
      serving.inFlight++;
      res.once('close', () => serving.inFlight--);
      serving.app(req, res);
    },
  );
  httpServer.maxConnections = config.http.maxConnections;
  httpServer.keepAliveTimeout = config.http.keepAliveTimeoutMs;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  log.info({ url: `${url}/graphql`, subgraphs: urls, supergraph: current.supergraph }, 'gateway ready');

  let stopping: Promise<void> | undefined;
  let reloading: Promise<boolean> = Promise.resolve(true);
  const retiring = new Set<Promise<void>>();
  /** Stops a gateway no longer in front once the requests it took are answered (or after the grace period). */
  const retire = (old: Serving) => {
    const done = (async () => {
      const until = Date.now() + STOP_GRACE_MS;
      while (old.inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await old.stop().catch((err: unknown) => log.error({ err }, 'the replaced gateway did not stop cleanly'));
    })();
    retiring.add(done);
    void done.finally(() => retiring.delete(done));
  };
  const reloadOnce = async (): Promise<boolean> => {
    if (stopping) return false;
    const started = Date.now();
    let next: Serving;
    try {
      next = await serve(readFileSync(config.supergraphPath, 'utf8'), lasting);
    } catch (err) {
      log.error(
        { err, supergraphPath: config.supergraphPath, supergraph: current.supergraph },
        'supergraph reload failed: the gateway keeps serving the supergraph it had',
      );
      return false;
    }
    if (stopping) {
      await next.stop();
      return false;
    }
    const old = current;
    current = next;
    log.info(
      { supergraph: next.supergraph, previous: old.supergraph, ms: Date.now() - started },
      next.supergraph === old.supergraph ? 'supergraph reloaded (unchanged)' : 'supergraph reloaded',
    );
    retire(old);
    return true;
  };
  return {
    url,
    port,
    supergraph: () => current.supergraph,
    reload() {
      // One reload at a time; a second asked during one runs after it (and reads the file then).
      reloading = reloading.then(reloadOnce, reloadOnce);
      return reloading;
    },
    stop() {
      stopping ??= (async () => {
        facts.stop();
        await reloading.catch(() => undefined);
        await drain(httpServer, STOP_GRACE_MS);
        await Promise.all([...retiring]);
        await current.stop();
        await audit?.close();
      })();
      return stopping;
    },
  };
}

/** How long requests in flight may take to finish when the gateway stops or a reload replaces it. */
const STOP_GRACE_MS = 10_000;

/**
 * Stops taking connections, closes the idle ones, lets requests in flight finish, and closes what is left after
 * `graceMs` (what Apollo Server's drain plugin did for one server; here the HTTP server outlives the reloads).
 */
function drain(httpServer: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!httpServer.listening) return resolve();
    const force = setTimeout(() => httpServer.closeAllConnections(), graceMs);
    httpServer.close(() => {
      clearTimeout(force);
      resolve();
    });
    httpServer.closeIdleConnections();
    // Keep-alive connections that become idle once their request is answered are closed as they do.
    const idle = setInterval(() => httpServer.closeIdleConnections(), 100);
    httpServer.once('close', () => clearInterval(idle));
  });
}
