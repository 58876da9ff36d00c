// The gateway's configuration, parsed once from the environment (@hub/runtime's parseConfig); every problem is listed
// before exit.
import { originProblem } from './routes/cors';
import { join } from 'node:path';
import { z } from 'zod';
import {
  commaList,
  defineConfig,
  integer,
  keyFile,
  logLevel,
  milliseconds,
  onOff,
  parseConfig,
  port,
  seconds,
  url,
  flag,
} from '@hub/runtime';
import { envVar, LANGUAGES, REPO_ROOT, SUBGRAPHS, SUPERGRAPH_PATH, type Language } from '@hub/schema';
import { DEFAULT_LIMITS, type LimitsConfig } from './limits';
import type { AuthConfig } from './auth';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rate-limit';
import type { AuditWriterOptions } from './audit';

export interface GatewayConfig {
  host: string;
  port: number;
  supergraphPath: string;
  /** Subgraph URL overrides by service name; others use the URL written in the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  logLevel: string;
  limits: LimitsConfig;
  http: HttpServerConfig;
  /** PEM (PKCS#8) of the key that signs context tokens for subgraphs. */
  contextPrivateKey: string;
  /** Field-level policy on (the default) or off (benchmarks only). */
  policy: boolean;
  auth: AuthConfig;
  /** The audit store's writer URL; undefined only with HUB_AUDIT=off (benchmarks). */
  auditDbUrl?: string;
  rateLimits: RateLimitConfig;
  /**
   * Express's `trust proxy`: which hops' `X-Forwarded-For` to believe for the client address (budgets, sign-in
   * throttle, audit). False: the address is the TCP peer's.
   */
  trustProxy: boolean | number | string[];
  /** Origins of browser apps allowed to call the gateway (CORS); none by default. */
  corsOrigins: string[];
  /** Manifests of registered operations (persisted documents). */
  persistedDocuments: string[];
  /** `public`: anonymous callers may run registered operations only. */
  persistedOnly: 'off' | 'public';
  /** The language of messages when the request's Accept-Language names neither of the hub's (language.ts). */
  defaultLanguage: Language;
  /** The audit writer's signing key and checkpoints (with auditDbUrl). */
  auditWriter?: AuditWriterOptions;
}

/**
 * The HTTP server's own limits, suited to a gateway behind a load balancer: a client must send its headers within
 * `headersTimeoutMs` and its whole request within `requestTimeoutMs` (Node's default is 300 s, which lets a slow
 * body hold a connection open for five minutes); idle keep-alive connections are kept `keepAliveTimeoutMs`, longer
 * than the usual balancer idle timeout of 60 s, so the balancer never reuses a connection the gateway is closing;
 * at most `maxConnections` connections are open at once (more are refused at accept).
 */
export interface HttpServerConfig {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** `culture-tourism` is configured by HUB_SUBGRAPH_URL_CULTURE_TOURISM. */
const subgraphUrlVar = (name: string) => envVar('HUB_SUBGRAPH_URL', name);

const subgraphUrlVars = Object.fromEntries(
  SUBGRAPHS.map((s) => [subgraphUrlVar(s.name), url(`the URL of the ${s.name} subgraph`).optional()]),
);

const gatewaySettings = defineConfig({
  vars: {
    HUB_HOST: z.string().default('127.0.0.1'),
    PORT: port(4000),
    HUB_SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
    HUB_SUBGRAPH_TIMEOUT_MS: milliseconds(15000, { min: 100, max: 120000 }),
    LOG_LEVEL: logLevel,
    HUB_MAX_DEPTH: integer(DEFAULT_LIMITS.maxDepth, { min: 1, max: 100 }),
    HUB_MAX_INTROSPECTION_DEPTH: integer(DEFAULT_LIMITS.maxIntrospectionDepth, { min: 1, max: 100 }),
    HUB_MAX_ALIASES: integer(DEFAULT_LIMITS.maxAliases, { min: 0, max: 1000 }),
    HUB_MAX_DIRECTIVES: integer(DEFAULT_LIMITS.maxDirectives, { min: 0, max: 1000 }),
    HUB_MAX_TOKENS: integer(DEFAULT_LIMITS.maxTokens, { min: 50, max: 100000 }),
    HUB_MAX_COST: integer(DEFAULT_LIMITS.maxCost, { min: 1 }),
    HUB_MAX_TEXT_LENGTH: integer(DEFAULT_LIMITS.maxTextLength, { min: 100, max: 1_000_000 }),
    HUB_CONTEXT_PRIVATE_KEY_FILE: keyFile('the context-token signing key', { type: 'private', algorithm: 'ES256' }),
    HUB_SESSION_PRIVATE_KEY_FILE: keyFile('the session-token signing key', { type: 'private', algorithm: 'ES256' }),
    HUB_SESSION_TTL_SECONDS: seconds(900, { min: 60, max: 86400 }),
    HUB_OIDC_ISSUER: z.string().optional(),
    HUB_OIDC_AUDIENCE: z.string().optional(),
    HUB_OIDC_JWKS_URL: url("the URL of the OIDC issuer's JWKS").optional(),
    HUB_OIDC_AGENCY_CLAIM: z.string().default('agency'),
    HUB_OIDC_ROLES_CLAIM: z.string().default('roles'),
    HUB_OIDC_EDITOR_OF_CLAIM: z.string().default('editor_of'),
    HUB_POLICY: onOff('on'),
    HUB_AUDIT: onOff('on'),
    HUB_AUDIT_DB_URL: url('a postgres:// URL of the audit store as its writer').optional(),
    HUB_HTTP_HEADERS_TIMEOUT_MS: milliseconds(20_000, { min: 100, max: 120_000 }),
    HUB_HTTP_REQUEST_TIMEOUT_MS: milliseconds(30_000, { min: 100, max: 600_000 }),
    HUB_HTTP_KEEPALIVE_TIMEOUT_MS: milliseconds(65_000, { min: 100, max: 600_000 }),
    HUB_HTTP_MAX_CONNECTIONS: integer(4096, { min: 1, max: 1_000_000 }),
    HUB_RATE_LIMITS: onOff('on'),
    HUB_RATE_WINDOW_SECONDS: seconds(DEFAULT_RATE_LIMITS.windowSeconds, { min: 1, max: 3600 }),
    HUB_TOKEN_RATE_PER_ADDRESS: integer(DEFAULT_RATE_LIMITS.tokenPerAddress, { min: 1 }),
    HUB_GRAPHQL_RATE_PER_PRINCIPAL: integer(DEFAULT_RATE_LIMITS.graphqlPerPrincipal, { min: 1 }),
    HUB_GRAPHQL_RATE_PER_ADDRESS: integer(DEFAULT_RATE_LIMITS.graphqlPerAddress, { min: 1 }),
    /** `off` (default), a number of proxy hops, or addresses/subnets of the proxies (`loopback, 10.0.0.0/8`). */
    HUB_TRUST_PROXY: commaList().prefault('off'),
    /** Origins of browser apps allowed to call /graphql, /auth/token and the audit export: `https://app.example.gov.vn, …`. */
    HUB_CORS_ORIGINS: commaList().prefault(''),
    /** Manifest files of registered operations (Apollo's persisted query manifest, or a map of id to document). */
    HUB_PERSISTED_DOCUMENTS: commaList().prefault(''),
    /** `public`: callers who are not signed in may run registered operations only. */
    HUB_PERSISTED_ONLY: z.enum(['off', 'public'], { message: 'must be off or public' }).default('off'),
    /** `en` or `vi`: the language of messages for a request whose Accept-Language names neither. */
    HUB_DEFAULT_LANGUAGE: z.enum(LANGUAGES, { message: `must be ${LANGUAGES.join(' or ')}` }).default('en'),
    /** Ed25519 private key (PKCS#8 PEM) that signs audit batches and checkpoints; the audit database never holds it. */
    HUB_AUDIT_SIGNING_KEY_FILE: keyFile('the audit signing key, an Ed25519 private key', {
      type: 'private',
      algorithm: 'Ed25519',
    }).optional(),
    /** Where signed checkpoints of the audit chains are written (outside the audit database; ship them elsewhere). */
    HUB_AUDIT_CHECKPOINT_DIR: z.string().default(join(REPO_ROOT, '.data', 'audit-checkpoints')),
    HUB_AUDIT_CHECKPOINT_SECONDS: seconds(60, { min: 1, max: 3600 }),
    HUB_PUBLIC_INTROSPECTION: flag(false),
    ...subgraphUrlVars,
  },
  check(c, problem) {
    if (c.HUB_PERSISTED_ONLY === 'public' && !(c.HUB_PERSISTED_DOCUMENTS ?? []).length)
      problem('HUB_PERSISTED_ONLY', 'public needs the registered operations: set HUB_PERSISTED_DOCUMENTS to their manifest');
    const badOrigins = (c.HUB_CORS_ORIGINS ?? []).map(originProblem).filter((p): p is string => p !== null);
    if (badOrigins.length) problem('HUB_CORS_ORIGINS', badOrigins.join('; '));
    if (c.HUB_AUDIT) {
      if (!c.HUB_AUDIT_DB_URL) problem('HUB_AUDIT_DB_URL', 'the audit store writer URL is required (HUB_AUDIT=off only for benchmarks)');
      if (!c.HUB_AUDIT_SIGNING_KEY_FILE) {
        problem(
          'HUB_AUDIT_SIGNING_KEY_FILE',
          'must name the PEM file of the audit signing key (Ed25519 private key; npm start makes one in .data/keys/)',
        );
      }
    }
    if (c.HUB_OIDC_ISSUER) {
      if (!c.HUB_OIDC_AUDIENCE) problem('HUB_OIDC_AUDIENCE', 'is required with HUB_OIDC_ISSUER');
      if (!c.HUB_OIDC_JWKS_URL) problem('HUB_OIDC_JWKS_URL', 'is required with HUB_OIDC_ISSUER');
    }
  },
  build: (c): GatewayConfig => ({
    host: c.HUB_HOST,
    port: c.PORT,
    supergraphPath: c.HUB_SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrlsOf(c as unknown as Record<string, string | undefined>),
    subgraphTimeoutMs: c.HUB_SUBGRAPH_TIMEOUT_MS,
    logLevel: c.LOG_LEVEL,
    policy: c.HUB_POLICY,
    auditDbUrl: c.HUB_AUDIT ? c.HUB_AUDIT_DB_URL : undefined,
    auditWriter:
      c.HUB_AUDIT && c.HUB_AUDIT_SIGNING_KEY_FILE
        ? {
            signingKey: c.HUB_AUDIT_SIGNING_KEY_FILE,
            checkpointDir: c.HUB_AUDIT_CHECKPOINT_DIR,
            checkpointIntervalMs: c.HUB_AUDIT_CHECKPOINT_SECONDS * 1000,
          }
        : undefined,
    rateLimits: {
      enabled: c.HUB_RATE_LIMITS,
      windowSeconds: c.HUB_RATE_WINDOW_SECONDS,
      tokenPerAddress: c.HUB_TOKEN_RATE_PER_ADDRESS,
      graphqlPerPrincipal: c.HUB_GRAPHQL_RATE_PER_PRINCIPAL,
      graphqlPerAddress: c.HUB_GRAPHQL_RATE_PER_ADDRESS,
    },
    trustProxy: trustProxyOf(c.HUB_TRUST_PROXY),
    corsOrigins: c.HUB_CORS_ORIGINS,
    persistedDocuments: c.HUB_PERSISTED_DOCUMENTS,
    persistedOnly: c.HUB_PERSISTED_ONLY,
    defaultLanguage: c.HUB_DEFAULT_LANGUAGE,
    auth: {
      sessionPrivateKey: c.HUB_SESSION_PRIVATE_KEY_FILE,
      sessionTtlSeconds: c.HUB_SESSION_TTL_SECONDS,
      oidc: c.HUB_OIDC_ISSUER
        ? {
            issuer: c.HUB_OIDC_ISSUER,
            audience: c.HUB_OIDC_AUDIENCE ?? '',
            jwksUrl: c.HUB_OIDC_JWKS_URL ?? '',
            agencyClaim: c.HUB_OIDC_AGENCY_CLAIM,
            rolesClaim: c.HUB_OIDC_ROLES_CLAIM,
            editorOfClaim: c.HUB_OIDC_EDITOR_OF_CLAIM,
          }
        : undefined,
    },
    contextPrivateKey: c.HUB_CONTEXT_PRIVATE_KEY_FILE,
    http: {
      headersTimeoutMs: c.HUB_HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: c.HUB_HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: c.HUB_HTTP_KEEPALIVE_TIMEOUT_MS,
      maxConnections: c.HUB_HTTP_MAX_CONNECTIONS,
    },
    limits: {
      maxDepth: c.HUB_MAX_DEPTH,
      maxIntrospectionDepth: c.HUB_MAX_INTROSPECTION_DEPTH,
      maxAliases: c.HUB_MAX_ALIASES,
      maxDirectives: c.HUB_MAX_DIRECTIVES,
      maxTokens: c.HUB_MAX_TOKENS,
      maxCost: c.HUB_MAX_COST,
      maxTextLength: c.HUB_MAX_TEXT_LENGTH,
      publicIntrospection: c.HUB_PUBLIC_INTROSPECTION,
    },
  }),
});

function subgraphUrlsOf(values: Record<string, string | undefined>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const s of SUBGRAPHS) {
    const url = values[subgraphUrlVar(s.name)];
    if (url) urls[s.name] = url;
  }
  return urls;
}

/** `off` (or nothing): the address is the TCP peer's; one number: that many proxy hops; else the proxies' addresses. */
function trustProxyOf(list: string[]): boolean | number | string[] {
  if (list.length === 0 || (list.length === 1 && list[0] === 'off')) return false;
  return list.length === 1 && /^\d+$/.test(list[0]) ? Number(list[0]) : list;
}

export function gatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  return parseConfig(env, gatewaySettings);
}
