// The gateway's audit writer: one record per operation, hash-chained, written in batches (group commit) so that
// many concurrent requests share one INSERT; append() resolves only once its record is committed, and rejects if
// the store cannot be reached, so the caller answers 503 rather than serve an unlogged response. The last record of
// every batch is signed with the gateway's Ed25519 key (the database never holds it), and every minute a signed
// checkpoint of the chain heads is written outside the database: a superuser who rewrites and re-chains records,
// or cuts a chain's tail, is found by verify. Every record is made storable before it joins a batch, and a batch the
// store refuses for its data is retried record by record, so one client cannot fail other clients' requests.
import { ErrorCode, LOCALIZED_EXTENSION } from '@hub/schema';
import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { Counter, Histogram, type Registry } from 'prom-client';
import {
  auditHash,
  CheckpointLog,
  genesisHash,
  signRecordHash,
  type AuditContent,
  type Checkpoint,
  type CheckpointHead,
} from '@hub/audit-chain';
import { storable } from './audit-storable';

/**
 * What a request contributes to its record; the writer adds the chain, the sequence number and `at`, the time the
 * record was committed (never earlier than the record before it), so each month's partition holds an unbroken
 * run of every chain. The request started `durationMs` before.
 */
export type AuditInput = Omit<AuditContent, 'chainId' | 'seq' | 'at' | 'escaped' | 'unstorable'>;

export interface AuditWriterOptions {
  /** The gateway's Ed25519 private key (PEM or KeyObject): signs each batch's last record and every checkpoint. */
  signingKey: KeyObject | string;
  /** Where checkpoints are written, outside the audit database; without one none are (the writer's own tests). */
  checkpointDir?: string;
  /** How often a checkpoint is written (one more when the writer closes). */
  checkpointIntervalMs?: number;
  maxBatch?: number;
  lanes?: number;
}

interface Pending {
  input: AuditContentInput;
  resolve: () => void;
  reject: (e: Error) => void;
}

const COLUMNS = [
  'chain_id',
  'seq',
  'at',
  'request_id',
  'principal',
  'client',
  'operation',
  'variables',
  'requested',
  'denied',
  'personal',
  'subgraphs',
  'outcome',
  'error_codes',
  'duration_ms',
  'response_bytes',
  'prev_hash',
  'hash',
  'signature',
  'escaped',
  'unstorable',
];

/**
 * The fields of a record of a request that never became a GraphQL operation (refused before it, a sign-in, an
 * export): nothing asked, denied, read or called. Callers add who, the outcome and what they know.
 */
export const NOTHING_ASKED = {
  operation: { type: null, name: null, hash: null, document: null },
  variables: null,
  requested: [],
  denied: [],
  personal: [],
  subgraphs: [],
  durationMs: 0,
  responseBytes: 0,
} as const satisfies Partial<AuditInput>;

/** A PostgreSQL error caused by the data sent (class 22, data exception; 23, integrity), not by the connection. */
function isDataError(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/** Stored in place of a record the store refused: the request keeps its record, with why the rest is missing. */
function standIn(input: AuditInput, code: string): AuditContentInput {
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : null);
  const p = (input.principal ?? {}) as Record<string, unknown>;
  const { value, escaped } = storable({
    ...NOTHING_ASKED,
    requestId: text(input.requestId, 200) ?? '',
    principal: { kind: text(p.kind, 40), accountId: text(p.accountId, 200), agency: text(p.agency, 200) },
    client: {},
    outcome: text(input.outcome, 40) ?? 'error',
    errorCodes: [],
    durationMs: Number.isFinite(input.durationMs) ? input.durationMs : 0,
  } satisfies AuditInput);
  return { ...value, escaped: escaped || undefined, unstorable: `record could not be stored as sent (PostgreSQL error ${code})` };
}

const monthOf = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();

/** A record's content before the writer gives it its place in a chain. */
type AuditContentInput = Omit<AuditContent, 'chainId' | 'seq' | 'at'>;

/** Batches of up to this many records use prepared statements (one per size, per connection). */
const PREPARED_UP_TO = 8;

/** How long opening a connection to the store may take, and one INSERT, before the request is refused (503). */
const CONNECT_TIMEOUT_MS = 1000;
const QUERY_TIMEOUT_MS = 5000;

class AuditUnavailable extends Error {}

/** What a caller gets while the store cannot record: the hub answers nothing it cannot record. */
export const AUDIT_DOWN_ERROR = {
  message: 'The audit store is unavailable: the hub answers nothing it cannot record. Try again shortly.',
  extensions: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    serviceName: 'audit',
    [LOCALIZED_EXTENSION]: {
      vi: 'Kho nhật ký kiểm toán hiện không hoạt động: hệ thống không trả lời điều gì mà nó không ghi lại được. Hãy thử lại sau ít phút.',
    },
  },
};

/**
 * One hash chain and its queue. A lane commits one batch at a time, so a batch's previous hash is always the last
 * committed one: a failed batch leaves no gap, it is recomputed from the same point next time.
 */
class Lane {
  readonly chainId = randomUUID();
  seq = 0;
  prevHash = genesisHash(this.chainId);
  lastAt = 0;
  queue: Pending[] = [];
  flushing = false;
  /** The flush in progress (close() waits for it before the last checkpoint). */
  flushed: Promise<void> = Promise.resolve();
  /** The last record of a month this chain has just left, for the next checkpoint (archives end on it). */
  monthEnd?: CheckpointHead;
  /**
   * The lane's own connection, opened at start-up and kept: a pool closes connections idle for a while and opens
   * new ones later, and a new connection costs a SCRAM handshake (milliseconds of CPU on both sides) that the
   * response waiting for its record would pay. Dropped after an error and opened again by the next batch.
   */
  client?: Client;
}

export class AuditWriter {
  /**
   * Each gateway process writes its own chains (`lanes`, two by default): replicas never contend for "the previous
   * record", and while one lane waits for its commit the next request goes straight into the other's, so a
   * response waits for about one commit rather than the rest of another batch's plus its own.
   */
  private readonly lanes: Lane[];
  /** The probe in flight while the store is down (one at a time, whatever the number of waiting requests). */
  private probing?: Promise<boolean>;
  private closed = false;
  healthy = true;
  /** How long each response waited for its record's commit: the latency the audit adds. */
  readonly commitWait = new Histogram({
    name: 'hub_audit_commit_wait_seconds',
    help: 'Time a response waited for its audit record to be committed.',
    buckets: [0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.004, 0.005, 0.006, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [],
  });
  readonly records = new Counter({ name: 'hub_audit_records_total', help: 'Audit records committed.', registers: [] });
  readonly failures = new Counter({
    name: 'hub_audit_refused_total',
    help: 'Requests refused (503) because their record could not be committed.',
    registers: [],
  });
  readonly escapedRecords = new Counter({
    name: 'hub_audit_escaped_total',
    help: 'Records with a NUL or lone surrogate, stored escaped.',
    registers: [],
  });
  readonly standIns = new Counter({
    name: 'hub_audit_unstorable_total',
    help: 'Records the store refused for their data, stored as a minimal record.',
    registers: [],
  });
  readonly checkpointFailures = new Counter({
    name: 'hub_audit_checkpoint_failures_total',
    help: 'Checkpoints that could not be written.',
    registers: [],
  });
  /** This process: names its checkpoint file. */
  readonly writerId = randomUUID();
  private readonly signingKey: KeyObject;
  private readonly maxBatch: number;
  private readonly checkpoints?: CheckpointLog;
  private checkpointing: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private committed = 0;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    options: AuditWriterOptions,
  ) {
    this.signingKey = typeof options.signingKey === 'string' ? createPrivateKey(options.signingKey) : options.signingKey;
    if (this.signingKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`the audit signing key must be an Ed25519 private key, got ${this.signingKey.asymmetricKeyType}`);
    this.maxBatch = options.maxBatch ?? 500;
    this.lanes = Array.from({ length: options.lanes ?? 2 }, () => new Lane());
    if (options.checkpointDir) {
      this.checkpoints = new CheckpointLog(options.checkpointDir, this.writerId, this.signingKey);
      this.timer = setInterval(() => void this.checkpoint(), options.checkpointIntervalMs ?? 60_000);
      this.timer.unref();
    }
  }

  /** A new connection to the store; `onGone` hears of it if it fails or ends later (server restarted, network). */
  private async connect(onGone: (c: Client) => void = () => undefined): Promise<Client> {
    const client = new Client({
      connectionString: this.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
    client.on('error', (e) => {
      this.log.warn({ err: { message: e.message } }, 'audit store connection error');
      onGone(client);
    });
    client.on('end', () => onGone(client));
    try {
      await client.connect();
      return client;
    } catch (e) {
      void client.end().catch(() => undefined);
      throw e;
    }
  }

  /** The lane's connection, opened if it has none (see Lane.client). */
  private async clientOf(lane: Lane): Promise<Client> {
    if (!lane.client) {
      if (this.closed) throw new Error('the audit writer is closed');
      const client = await this.connect((c) => void this.drop(lane, c));
      if (this.closed) {
        void client.end().catch(() => undefined);
        throw new Error('the audit writer is closed');
      }
      lane.client = client;
    }
    return lane.client;
  }

  /** Opens every lane's connection ahead of the first request (a lane that cannot connect tries again when used). */
  async open(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => this.clientOf(lane).catch(() => undefined)));
  }

  /** Forgets the lane's connection if it is still `client`, and closes it. */
  private async drop(lane: Lane, client: Client | undefined): Promise<void> {
    if (!client || lane.client !== client) return;
    lane.client = undefined;
    await client.end().catch(() => undefined);
  }

  /** Adds this writer's metrics to a registry (the gateway's `/metrics`). */
  register(registry: Registry): void {
    for (const m of [this.commitWait, this.records, this.failures, this.escapedRecords, this.standIns, this.checkpointFailures])
      registry.registerMetric(m);
  }

  /** The chains this writer appends to (one per lane). */
  get chainIds(): string[] {
    return this.lanes.map((l) => l.chainId);
  }

  append(input: AuditInput): Promise<void> {
    // Storable before it joins a batch: a NUL or lone surrogate is escaped here, in every path that records.
    const { value, escaped } = storable(input);
    if (escaped) this.escapedRecords.inc();
    // An idle lane commits at once; otherwise the shortest queue joins the next batch.
    const lane = this.lanes.find((l) => !l.flushing) ?? this.lanes.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    const stop = this.commitWait.startTimer();
    return new Promise<void>((resolve, reject) => {
      lane.queue.push({ input: escaped ? { ...value, escaped: true } : value, resolve, reject });
      if (!lane.flushing) lane.flushed = this.flush(lane);
    }).then(
      () => {
        stop();
        this.records.inc();
      },
      (e: Error) => {
        this.failures.inc();
        throw e;
      },
    );
  }

  /**
   * Inserts `inputs` as the lane's next records in one statement, the last one signed; moves the chain on only once
   * committed (a failed batch is recomputed from the same point next time, so it leaves no gap).
   */
  private async commit(lane: Lane, inputs: AuditContentInput[]): Promise<void> {
    let prev = lane.prevHash;
    let seq = lane.seq;
    const at = new Date(Math.max(Date.now(), lane.lastAt)).toISOString();
    const values: unknown[] = [];
    const rows: string[] = [];
    inputs.forEach((input, i) => {
      seq += 1;
      const content: AuditContent = { chainId: lane.chainId, seq, at, ...input };
      const hash = auditHash(prev, content);
      // One signature per batch (tens of microseconds): re-chaining any record of it breaks this one.
      const signature = i === inputs.length - 1 ? signRecordHash(this.signingKey, hash) : null;
      const base = values.length;
      rows.push(`(${COLUMNS.map((_, k) => `$${base + k + 1}`).join(',')})`);
      values.push(
        content.chainId,
        seq,
        content.at,
        content.requestId,
        JSON.stringify(content.principal),
        JSON.stringify(content.client),
        JSON.stringify(content.operation),
        JSON.stringify(content.variables ?? null),
        content.requested,
        JSON.stringify(content.denied),
        content.personal,
        content.subgraphs,
        content.outcome,
        content.errorCodes,
        content.durationMs,
        content.responseBytes,
        prev,
        hash,
        signature,
        content.escaped ?? false,
        content.unstorable ?? null,
      );
      prev = hash;
    });
    // Small batches (the usual case below saturation) use a statement prepared once per connection, so
    // PostgreSQL does not parse and plan the same INSERT for every request.
    const text = `insert into audit_record (${COLUMNS.join(',')}) values ${rows.join(',')}`;
    const client = await this.clientOf(lane);
    try {
      await client.query(inputs.length <= PREPARED_UP_TO ? { name: `hub_audit_insert_${inputs.length}`, text, values } : { text, values });
    } catch (e) {
      // A connection that failed a commit (timeout, server gone) is not trusted with the next one; one that merely
      // refused the data is fine.
      if (!isDataError(e)) void this.drop(lane, client);
      throw e;
    }
    const before = lane.lastAt;
    if (lane.seq > 0 && monthOf(before) !== monthOf(Date.parse(at))) {
      // The chain has left a month: its last record there is pinned by a checkpoint now, so that month's archive
      // can prove its own end.
      lane.monthEnd = { chainId: lane.chainId, seq: lane.seq, hash: lane.prevHash, at: new Date(before).toISOString() };
      void this.checkpoint();
    }
    lane.seq = seq;
    lane.prevHash = prev;
    lane.lastAt = Date.parse(at);
    this.committed += inputs.length;
  }

  private async flush(lane: Lane): Promise<void> {
    lane.flushing = true;
    try {
      while (lane.queue.length) {
        const batch = lane.queue.splice(0, this.maxBatch);
        try {
          await this.commit(
            lane,
            batch.map((p) => p.input),
          );
          this.markReachable();
          for (const p of batch) p.resolve();
        } catch (e) {
          if (isDataError(e)) await this.isolate(lane, batch);
          else this.markUnreachable(e as Error, batch);
        }
      }
    } finally {
      lane.flushing = false;
    }
  }

  /**
   * A batch the store refused for its data: each record is tried on its own, and one still refused is replaced by a
   * minimal record, so every request keeps a record and one client's data cannot fail the others'.
   */
  private async isolate(lane: Lane, batch: Pending[]): Promise<void> {
    for (const [i, p] of batch.entries()) {
      try {
        try {
          await this.commit(lane, [p.input]);
        } catch (e) {
          if (!isDataError(e)) throw e;
          const code = (e as { code: string }).code;
          this.log.warn(
            { requestId: p.input.requestId, code },
            'audit record refused by the store for its data: a minimal record stands in for it',
          );
          await this.commit(lane, [standIn(p.input, code)]);
          this.standIns.inc();
        }
        this.markReachable();
        p.resolve();
      } catch (e) {
        if (isDataError(e)) {
          // Even the minimal record was refused: this request alone is answered 503; the store is fine.
          p.reject(new AuditUnavailable((e as Error).message));
          continue;
        }
        this.markUnreachable(e as Error, batch.slice(i));
        return;
      }
    }
  }

  private markReachable(): void {
    if (!this.healthy) this.log.info('audit store reachable again');
    this.healthy = true;
  }

  private markUnreachable(e: Error, batch: Pending[]): void {
    if (this.healthy) this.log.error({ err: { message: e.message } }, 'audit store unreachable: refusing requests');
    this.healthy = false;
    for (const p of batch) p.reject(new AuditUnavailable(e.message));
  }

  /**
   * Writes a signed checkpoint now (the timer does every interval; tests and close() call it): each chain's head,
   * and the last record of a month a chain has just left. Resolves with it, or undefined when there is no
   * checkpoint directory or the write failed (logged; the records themselves are committed regardless).
   */
  checkpoint(): Promise<Checkpoint | undefined> {
    const log = this.checkpoints;
    if (!log) return Promise.resolve(undefined);
    const next = this.checkpointing.then(async () => {
      const monthEnds = this.lanes.flatMap((l) => (l.monthEnd ? [l.monthEnd] : []));
      const heads: CheckpointHead[] = [
        ...monthEnds,
        ...this.lanes
          .filter((l) => l.seq > 0)
          .map((l) => ({ chainId: l.chainId, seq: l.seq, hash: l.prevHash, at: new Date(l.lastAt).toISOString() })),
      ];
      try {
        const written = await log.append(heads, this.committed);
        for (const l of this.lanes) if (l.monthEnd && monthEnds.includes(l.monthEnd)) l.monthEnd = undefined;
        return written;
      } catch (e) {
        this.checkpointFailures.inc();
        this.log.error({ err: { message: (e as Error).message }, file: log.file }, 'audit checkpoint could not be written');
        return undefined;
      }
    });
    this.checkpointing = next;
    return next;
  }

  /**
   * Whether a request may proceed: the store was fine at the last commit, or answers a probe now (while it is known
   * to be down, so recovery needs no manual step).
   */
  async reachable(): Promise<boolean> {
    return this.healthy || this.probe();
  }

  /**
   * Whether the store answers now (used while it is known to be down, so recovery needs no manual step). Requests
   * arriving while a probe is in flight share its answer.
   */
  probe(): Promise<boolean> {
    this.probing ??= (async () => {
      try {
        const c = await this.connect();
        try {
          await c.query('select 1');
        } finally {
          await c.end().catch(() => undefined);
        }
        this.healthy = true;
        return true;
      } catch {
        return false;
      } finally {
        this.probing = undefined;
      }
    })();
    return this.probing;
  }

  /** Lets the batches in flight commit, writes a last checkpoint, and closes the connections. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.lanes.map((lane) => lane.flushed));
    this.closed = true;
    await this.checkpoint();
    await Promise.all(this.lanes.map((lane) => this.drop(lane, lane.client)));
  }
}
