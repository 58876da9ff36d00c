// The gateway's audit writer: one record per operation, hash-chained, written in batches (group commit) so that
// many concurrent requests share one INSERT; append() resolves only once its record is committed, and rejects if
// the store cannot be reached, so the caller answers 503 rather than serve an unlogged response.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { Counter, Histogram, type Registry } from 'prom-client';
import { auditHash, genesisHash, type AuditContent } from '@hub/infra/audit';

/**
 * What a request contributes to its record; the writer adds the chain, the sequence number and `at`, the time the
 * record was committed (never earlier than the record before it), so each month's partition holds an unbroken
 * run of every chain. The request started `durationMs` before.
 */
export type AuditInput = Omit<AuditContent, 'chainId' | 'seq' | 'at'>;

interface Pending {
  input: AuditInput;
  resolve: () => void;
  reject: (e: Error) => void;
}

const COLUMNS = [
  'chain_id', 'seq', 'at', 'request_id', 'principal', 'client', 'operation', 'variables', 'requested', 'denied',
  'personal', 'subgraphs', 'outcome', 'error_codes', 'duration_ms', 'response_bytes', 'prev_hash', 'hash',
];

/** Batches of up to this many records use prepared statements (one per size, per connection). */
const PREPARED_UP_TO = 8;

/** How long opening a connection to the store may take, and one INSERT, before the request is refused (503). */
const CONNECT_TIMEOUT_MS = 1000;
const QUERY_TIMEOUT_MS = 5000;

export class AuditUnavailable extends Error {}

/** What a caller gets while the store cannot record: the hub answers nothing it cannot record. */
export const AUDIT_DOWN_ERROR = {
  message: 'The audit store is unavailable: the hub answers nothing it cannot record. Try again shortly.',
  extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'audit' },
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
  readonly failures = new Counter({ name: 'hub_audit_refused_total', help: 'Requests refused (503) because their record could not be committed.', registers: [] });

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly maxBatch = 500,
    lanes = 2,
  ) {
    this.lanes = Array.from({ length: lanes }, () => new Lane());
  }

  /** A new connection to the store; `onGone` hears of it if it fails or ends later (server restarted, network). */
  private async connect(onGone: (c: Client) => void = () => undefined): Promise<Client> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS, keepAlive: true });
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
    for (const m of [this.commitWait, this.records, this.failures]) registry.registerMetric(m);
  }

  /** The chains this writer appends to (one per lane). */
  get chainIds(): string[] {
    return this.lanes.map((l) => l.chainId);
  }

  append(input: AuditInput): Promise<void> {
    // An idle lane commits at once; otherwise the shortest queue joins the next batch.
    const lane = this.lanes.find((l) => !l.flushing) ?? this.lanes.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    const stop = this.commitWait.startTimer();
    return new Promise<void>((resolve, reject) => {
      lane.queue.push({ input, resolve, reject });
      if (!lane.flushing) void this.flush(lane);
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

  private async flush(lane: Lane): Promise<void> {
    lane.flushing = true;
    try {
      while (lane.queue.length) {
        const batch = lane.queue.splice(0, this.maxBatch);
        let prev = lane.prevHash;
        let seq = lane.seq;
        const at = new Date(Math.max(Date.now(), lane.lastAt)).toISOString();
        const values: unknown[] = [];
        const rows: string[] = [];
        for (const p of batch) {
          seq += 1;
          const content: AuditContent = { chainId: lane.chainId, seq, at, ...p.input };
          const hash = auditHash(prev, content);
          const base = values.length;
          rows.push(`(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(',')})`);
          values.push(
            content.chainId, seq, content.at, content.requestId, JSON.stringify(content.principal), JSON.stringify(content.client),
            JSON.stringify(content.operation), JSON.stringify(content.variables ?? null), content.requested, JSON.stringify(content.denied),
            content.personal, content.subgraphs, content.outcome, content.errorCodes, content.durationMs, content.responseBytes, prev, hash,
          );
          prev = hash;
        }
        try {
          // Small batches (the usual case below saturation) use a statement prepared once per connection, so
          // PostgreSQL does not parse and plan the same INSERT for every request.
          const text = `insert into audit_record (${COLUMNS.join(',')}) values ${rows.join(',')}`;
          const client = await this.clientOf(lane);
          try {
            await client.query(batch.length <= PREPARED_UP_TO ? { name: `hub_audit_insert_${batch.length}`, text, values } : { text, values });
          } catch (e) {
            // A connection that failed a commit (timeout, server gone) is not trusted with the next one.
            void this.drop(lane, client);
            throw e;
          }
          // Only a committed batch moves the chain on; a failed one is recomputed from the same point next time.
          lane.seq = seq;
          lane.prevHash = prev;
          lane.lastAt = Date.parse(at);
          if (!this.healthy) this.log.info('audit store reachable again');
          this.healthy = true;
          for (const p of batch) p.resolve();
        } catch (e) {
          if (this.healthy) this.log.error({ err: { message: (e as Error).message } }, 'audit store unreachable: refusing requests');
          this.healthy = false;
          for (const p of batch) p.reject(new AuditUnavailable((e as Error).message));
        }
      }
    } finally {
      lane.flushing = false;
    }
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

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.lanes.map((lane) => this.drop(lane, lane.client)));
  }
}
