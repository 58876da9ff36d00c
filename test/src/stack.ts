// The real hub for cross-service tests: both subgraphs on their own databases (embedded PostgreSQL of the
// jest run), each serving HTTP on its own port, and the gateway in front of them over real HTTP.
import {
  createTestDatabases,
  dropDatabases,
  generateAuditSigningKeyPair,
  generateContextKeyPair,
  generateHistoryKey,
  provisionAuditStore,
  provisionDatabases,
  testAdminUrl,
} from '@hub/infra';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadSubgraph, readHistoryKey, startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@hub/kit';
import { createLogger } from '@hub/runtime';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@hub/directory';
import type { AuditSettings } from '@hub/audit/config';
import { gatewayConfig, startGateway, type RunningGateway } from '@hub/gateway';
import pino from 'pino';
import { REPO_ROOT, SUBGRAPHS } from '@hub/schema';

/** Every subgraph of the registry, by name, assembled from its folder by the kit. */
export const DEFINITIONS: Record<string, SubgraphDefinition<any, any>> = Object.fromEntries(
  SUBGRAPHS.map((s) => [s.name, loadSubgraph(join(REPO_ROOT, s.dir))]),
);

export interface GraphQLResponse {
  status: number;
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface Stack {
  gateway: RunningGateway;
  /** Every operation each subgraph received, in order. */
  received: Record<string, { query?: string; variables?: Record<string, unknown> }[]>;
  /**
   * The audit store: reader URL (SELECT only) and the superuser URL of its database (tamper tests); the gateway's
   * audit signing public key (PEM) and the directory its checkpoints go to.
   */
  audit: { readerUrl: string; writerUrl: string; superuserUrl: string; publicKey: string; signingKeyFile: string; checkpointDir: string };
  /** The gateway's session-signing key (tests forge tokens with it). */
  sessionPrivateKey: string;
  /** The key pair of this stack's context tokens (tests forge and check tokens with it). */
  keys: { privateKey: string; publicKey: string };
  subgraphs: Record<string, RunningSubgraph>;
  dbUrls: Record<string, string>;
  query(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse>;
  /** Signs in through the gateway's token endpoint; returns the access and refresh tokens. */
  signIn(username: string, password?: string): Promise<{ status: number; body: any }>;
  /** Posts any body to the gateway's /graphql and returns status and parsed JSON. */
  post(body: unknown): Promise<{ status: number; body: any }>;
  /** SQL statements each subgraph has sent so far, read from its /metrics endpoint. */
  sqlStatements(): Promise<Record<string, number>>;
  /** Starts another gateway on the same subgraphs and audit store (a second replica), stopped with the stack. */
  startReplica(gatewayEnv?: Record<string, string>): Promise<RunningGateway>;
  stopSubgraph(name: string): Promise<void>;
  restartSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

const quiet = (name: string) => createLogger(name, process.env.LOG_LEVEL ?? 'silent');

export interface StackOptions {
  gatewayEnv?: Record<string, string>;
  /** Receives every line the gateway logs (JSON, every level from debug up), for tests that search the logs. */
  gatewayLog?: (line: string) => void;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const names = Object.keys(DEFINITIONS);
  const own = names.filter((n) => !DEFINITIONS[n].readOnlyDatabase);
  const dbs = await createTestDatabases(own);
  const auditName = `t${randomBytes(4).toString('hex')}_audit`;
  await provisionDatabases(testAdminUrl(), [{ name: auditName, password: randomBytes(8).toString('hex') }]);
  const auditStore = await provisionAuditStore(
    testAdminUrl(),
    { writer: randomBytes(8).toString('hex'), reader: randomBytes(8).toString('hex') },
    auditName,
  );
  // The audit subgraph reads the audit store with the reader role.
  dbs.urls.audit = auditStore.readerUrl;
  const keys = generateContextKeyPair();
  const keyDir = mkdtempSync(join(tmpdir(), 'hub-keys-'));
  const keyFile = join(keyDir, 'context.key.pem');
  writeFileSync(keyFile, keys.privateKey, { mode: 0o600 });
  const sessionKeyFile = join(keyDir, 'session.key.pem');
  const sessionPrivateKey = generateContextKeyPair().privateKey;
  writeFileSync(sessionKeyFile, sessionPrivateKey, { mode: 0o600 });
  // The audit signing key: the gateway gets the private key, the audit subgraph the public key and the checkpoints.
  const auditKeys = generateAuditSigningKeyPair();
  const auditKeyFile = join(keyDir, 'audit-signing.key.pem');
  writeFileSync(auditKeyFile, auditKeys.privateKey, { mode: 0o600 });
  const checkpointDir = join(keyDir, 'audit-checkpoints');
  // Settings a subgraph's process would parse from its environment, given directly (the others take their defaults).
  const settings: Record<string, unknown> = { audit: { publicKey: auditKeys.publicKey, checkpointDir } satisfies AuditSettings };
  // Each subgraph's change-history key, written to a file and read back as a subgraph reads HUB_HISTORY_KEY_FILE.
  const historyKeys: Record<string, Buffer> = {};
  for (const name of names) {
    const file = join(keyDir, `history-${name}.key`);
    writeFileSync(file, generateHistoryKey(), { mode: 0o600 });
    historyKeys[name] = readHistoryKey(file);
  }
  const subgraphs: Record<string, RunningSubgraph> = {};
  const received: Stack['received'] = Object.fromEntries(names.map((n) => [n, []]));
  const observe = (name: string) => (op: Stack['received'][string][number]) => received[name].push(op);
  for (const name of names) {
    subgraphs[name] = await startSubgraph(DEFINITIONS[name], {
      dbUrl: dbs.urls[name],
      seed: 'demo',
      contextPublicKey: keys.publicKey,
      historyKey: historyKeys[name],
      log: quiet(name),
      onOperation: observe(name),
      settings: settings[name],
    });
  }
  const gatewayEnv = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    HUB_CONTEXT_PRIVATE_KEY_FILE: keyFile,
    HUB_SESSION_PRIVATE_KEY_FILE: sessionKeyFile,
    HUB_AUDIT_DB_URL: auditStore.writerUrl,
    HUB_AUDIT_SIGNING_KEY_FILE: auditKeyFile,
    HUB_AUDIT_CHECKPOINT_DIR: checkpointDir,
    ...opts.gatewayEnv,
  };
  const launch = (env: Record<string, string>) => {
    const config = gatewayConfig(env);
    config.subgraphUrls = Object.fromEntries(names.map((n) => [n, subgraphs[n].url]));
    const gatewayLog = opts.gatewayLog;
    return startGateway(
      config,
      gatewayLog
        ? pino({ level: 'debug' }, { write: (line: string) => gatewayLog(line) })
        : pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    );
  };
  const gateway = await launch(gatewayEnv);
  const replicas: RunningGateway[] = [];

  return {
    gateway,
    received,
    keys,
    sessionPrivateKey,
    audit: {
      readerUrl: auditStore.readerUrl,
      writerUrl: auditStore.writerUrl,
      superuserUrl: (() => {
        const u = new URL(testAdminUrl());
        u.pathname = `/${auditStore.ownerDb}`;
        return u.toString();
      })(),
      publicKey: auditKeys.publicKey,
      signingKeyFile: auditKeyFile,
      checkpointDir,
    },
    subgraphs,
    dbUrls: dbs.urls,
    async signIn(username, password = DEMO_PASSWORD) {
      const r = await fetch(`${gateway.url}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', username, password }),
      });
      return { status: r.status, body: await r.json() };
    },
    async query(query, variables, token) {
      const r = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: r.status, ...((await r.json()) as object) };
    },
    async post(body) {
      const r = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: r.status, body: parsed };
    },
    async sqlStatements() {
      const out: Record<string, number> = {};
      for (const [name, sg] of Object.entries(subgraphs)) {
        const text = await (await fetch(sg.url.replace(/\/graphql$/, '/metrics'))).text();
        out[name] = Number(/hub_sql_statements_total\{[^}]*\} (\d+)/.exec(text)![1]);
      }
      return out;
    },
    async startReplica(env = {}) {
      const replica = await launch({ ...gatewayEnv, ...env });
      replicas.push(replica);
      return replica;
    },
    async stopSubgraph(name) {
      await subgraphs[name].stop();
    },
    async restartSubgraph(name) {
      subgraphs[name] = await startSubgraph(DEFINITIONS[name], {
        dbUrl: dbs.urls[name],
        port: subgraphs[name].port,
        contextPublicKey: keys.publicKey,
        historyKey: historyKeys[name],
        log: quiet(name),
        onOperation: observe(name),
        settings: settings[name],
      });
    },
    async stop() {
      for (const r of replicas) await r.stop();
      await gateway.stop();
      for (const sg of Object.values(subgraphs)) await sg.stop();
      await dbs.drop();
      await dropDatabases(testAdminUrl(), [auditName]);
      const c = new Client({ connectionString: testAdminUrl() });
      await c.connect();
      await c.query(`drop role if exists ${auditStore.ownerDb}_writer`);
      await c.query(`drop role if exists ${auditStore.ownerDb}_reader`);
      await c.end();
    },
  };
}
