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
import { buildPolicy, classificationMap, maskedInputs } from '@hub/schema';
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
  stop(): Promise<void>;
}

export async function startGateway(
  config: GatewayConfig,
  log: Logger = pino({ name: 'gateway', level: config.logLevel }),
): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const urls = { ...subgraphsOf(supergraphSdl), ...config.subgraphUrls };
  const policy = config.policy ? buildPolicy(supergraphSdl) : undefined;
  const audit = config.auditDbUrl && config.auditWriter ? new AuditWriter(config.auditDbUrl, log, config.auditWriter) : undefined;
  void audit?.open();
  const supergraphDoc = parse(supergraphSdl);
  const signContext = await contextSigner(config.contextPrivateKey);
  const directory = directoryClient(urls.directory.replace(/\/graphql$/, '/internal'), () => signContext({ sub: 'gateway', roles: [] }));
  const facts = new FactsSnapshot(directory, log);
  void facts.start();
  const auth = await Authenticator.create(config.auth, directory);
  const rateLimits = new RateLimits(config.rateLimits);
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
  useHubResultShaping();
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
  const graphql = await graphqlRoute(stages, gateway, httpServer, log);

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'hub_gateway_' });
  audit?.register(metrics);
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
  app.use(healthRoute(urls));
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
      stopping ??= graphql.server
        .stop()
        .then(() => Promise.all([audit?.close(), ...dataSources.map((d) => d.close())]))
        .then(() => undefined);
      return stopping;
    },
  };
}
