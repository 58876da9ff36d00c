// The gateway's configuration, parsed once from the environment; every problem is listed before exit.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { pemFile } from '@hub/kit/config';
import { envVar, REPO_ROOT, SUBGRAPHS, SUPERGRAPH_PATH } from '@hub/schema';
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
  trustProxy: boolean | number | string;
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
export const subgraphUrlVar = (name: string) => envVar('HUB_SUBGRAPH_URL', name);

const env = z.object({
  HUB_HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HUB_SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
  HUB_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(15000),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  HUB_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(DEFAULT_LIMITS.maxDepth),
  HUB_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(DEFAULT_LIMITS.maxAliases),
  HUB_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(DEFAULT_LIMITS.maxDirectives),
  HUB_MAX_TOKENS: z.coerce.number().int().min(50).max(100000).default(DEFAULT_LIMITS.maxTokens),
  HUB_MAX_COST: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxCost),
  HUB_MAX_TEXT_LENGTH: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_LIMITS.maxTextLength),
  HUB_CONTEXT_PRIVATE_KEY_FILE: pemFile('the context-token signing key', 'PRIVATE KEY'),
  HUB_SESSION_PRIVATE_KEY_FILE: pemFile('the session-token signing key', 'PRIVATE KEY'),
  HUB_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  HUB_OIDC_ISSUER: z.string().optional(),
  HUB_OIDC_AUDIENCE: z.string().optional(),
  HUB_OIDC_JWKS_URL: z.string().url().optional(),
  HUB_OIDC_AGENCY_CLAIM: z.string().default('agency'),
  HUB_OIDC_ROLES_CLAIM: z.string().default('roles'),
  HUB_POLICY: z.enum(['on', 'off']).default('on'),
  HUB_AUDIT: z.enum(['on', 'off']).default('on'),
  HUB_AUDIT_DB_URL: z.string().url().optional(),
  HUB_HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  HUB_HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  HUB_HTTP_KEEPALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(65_000),
  HUB_HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(4096),
  HUB_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  HUB_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULT_RATE_LIMITS.windowSeconds),
  HUB_TOKEN_RATE_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.tokenPerAddress),
  HUB_GRAPHQL_RATE_PER_PRINCIPAL: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.graphqlPerPrincipal),
  HUB_GRAPHQL_RATE_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.graphqlPerAddress),
  /** `off` (default), a number of proxy hops, or addresses/subnets of the proxies (`loopback, 10.0.0.0/8`). */
  HUB_TRUST_PROXY: z
    .string()
    .default('off')
    .transform((v): boolean | number | string => (v === 'off' || v === '' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  /** Ed25519 private key (PKCS#8 PEM) that signs audit batches and checkpoints; the audit database never holds it. */
  HUB_AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  /** Where signed checkpoints of the audit chains are written (outside the audit database; ship them elsewhere). */
  HUB_AUDIT_CHECKPOINT_DIR: z.string().default(join(REPO_ROOT, '.data', 'audit-checkpoints')),
  HUB_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  HUB_PUBLIC_INTROSPECTION: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVar(s.name), z.string().url().optional()])),
});

export function gatewayConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `Invalid gateway configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const c = parsed.data as Record<string, unknown>;
  const auditProblems: string[] = [];
  let auditWriter: AuditWriterOptions | undefined;
  if (c.HUB_AUDIT === 'on') {
    if (!c.HUB_AUDIT_DB_URL) auditProblems.push('HUB_AUDIT_DB_URL: the audit store writer URL is required (HUB_AUDIT=off only for benchmarks)');
    const keyFile = c.HUB_AUDIT_SIGNING_KEY_FILE as string | undefined;
    if (!keyFile) {
      auditProblems.push('HUB_AUDIT_SIGNING_KEY_FILE: must name the PEM file of the audit signing key (Ed25519 private key; npm start makes one in .data/keys/)');
    } else {
      try {
        const pem = readFileSync(keyFile, 'utf8');
        const type = createPrivateKey(pem).asymmetricKeyType;
        if (type !== 'ed25519') throw new Error(`it is a ${type} key, not Ed25519`);
        auditWriter = { signingKey: pem, checkpointDir: c.HUB_AUDIT_CHECKPOINT_DIR as string, checkpointIntervalMs: (c.HUB_AUDIT_CHECKPOINT_SECONDS as number) * 1000 };
      } catch (e) {
        auditProblems.push(`HUB_AUDIT_SIGNING_KEY_FILE: must name a readable PEM file of an Ed25519 private key (${(e as Error).message})`);
      }
    }
  }
  if (auditProblems.length) throw new Error(`Invalid gateway configuration:\n${auditProblems.map((p) => `  - ${p}`).join('\n')}`);
  if (c.HUB_OIDC_ISSUER && (!c.HUB_OIDC_AUDIENCE || !c.HUB_OIDC_JWKS_URL)) {
    throw new Error('Invalid gateway configuration:\n  - HUB_OIDC_ISSUER needs HUB_OIDC_AUDIENCE and HUB_OIDC_JWKS_URL');
  }
  const subgraphUrls: Record<string, string> = {};
  for (const s of SUBGRAPHS) {
    const url = c[subgraphUrlVar(s.name)];
    if (typeof url === 'string') subgraphUrls[s.name] = url;
  }
  return {
    host: c.HUB_HOST as string,
    port: c.PORT as number,
    supergraphPath: c.HUB_SUPERGRAPH_PATH as string,
    subgraphUrls,
    subgraphTimeoutMs: c.HUB_SUBGRAPH_TIMEOUT_MS as number,
    logLevel: c.LOG_LEVEL as string,
    policy: c.HUB_POLICY === 'on',
    auditDbUrl: c.HUB_AUDIT === 'on' ? (c.HUB_AUDIT_DB_URL as string) : undefined,
    rateLimits: {
      enabled: c.HUB_RATE_LIMITS === 'on',
      windowSeconds: c.HUB_RATE_WINDOW_SECONDS as number,
      tokenPerAddress: c.HUB_TOKEN_RATE_PER_ADDRESS as number,
      graphqlPerPrincipal: c.HUB_GRAPHQL_RATE_PER_PRINCIPAL as number,
      graphqlPerAddress: c.HUB_GRAPHQL_RATE_PER_ADDRESS as number,
    },
    trustProxy: c.HUB_TRUST_PROXY as boolean | number | string,
    auditWriter,
    auth: {
      sessionPrivateKey: readFileSync(c.HUB_SESSION_PRIVATE_KEY_FILE as string, 'utf8'),
      sessionTtlSeconds: c.HUB_SESSION_TTL_SECONDS as number,
      oidc: c.HUB_OIDC_ISSUER
        ? {
            issuer: c.HUB_OIDC_ISSUER as string,
            audience: (c.HUB_OIDC_AUDIENCE as string | undefined) ?? '',
            jwksUrl: (c.HUB_OIDC_JWKS_URL as string | undefined) ?? '',
            agencyClaim: c.HUB_OIDC_AGENCY_CLAIM as string,
            rolesClaim: c.HUB_OIDC_ROLES_CLAIM as string,
          }
        : undefined,
    },
    contextPrivateKey: readFileSync(c.HUB_CONTEXT_PRIVATE_KEY_FILE as string, 'utf8'),
    http: {
      headersTimeoutMs: c.HUB_HTTP_HEADERS_TIMEOUT_MS as number,
      requestTimeoutMs: c.HUB_HTTP_REQUEST_TIMEOUT_MS as number,
      keepAliveTimeoutMs: c.HUB_HTTP_KEEPALIVE_TIMEOUT_MS as number,
      maxConnections: c.HUB_HTTP_MAX_CONNECTIONS as number,
    },
    limits: {
      maxDepth: c.HUB_MAX_DEPTH as number,
      maxAliases: c.HUB_MAX_ALIASES as number,
      maxDirectives: c.HUB_MAX_DIRECTIVES as number,
      maxTokens: c.HUB_MAX_TOKENS as number,
      maxCost: c.HUB_MAX_COST as number,
      maxTextLength: c.HUB_MAX_TEXT_LENGTH as number,
      publicIntrospection: c.HUB_PUBLIC_INTROSPECTION as boolean,
    },
  };
}
