// Signed checkpoints of the audit chains, kept outside the audit database. Every minute (and when it closes) each
// gateway process appends one line to its own JSON-lines file: the head of each of its chains (and the last record
// of a month a chain has just left), how many records it has committed, the time, the hash of its previous
// checkpoint, signed with the gateway's Ed25519 key. A database superuser can rewrite records and recompute their
// links, but not these lines, so verify finds a rewritten, re-chained or truncated tail up to the last checkpoint.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { auditPublicKey, canonicalJson, keyFingerprint, type CheckpointPin } from './chain';

export const CHECKPOINT_FORMAT = 'hub-audit-checkpoint/1';

/** A record a checkpoint names (see CheckpointPin). */
export interface CheckpointHead {
  chainId: string;
  seq: number;
  hash: string;
  at: string;
}

export interface Checkpoint {
  format: string;
  /** The gateway process (one writer) whose chains these are. */
  writer: string;
  /** 1, 2, … for this writer. */
  n: number;
  at: string;
  /** checkpointHash of this writer's checkpoint n − 1 (null for the first). */
  prev: string | null;
  /** keyFingerprint of the key that signed it. */
  key: string;
  heads: CheckpointHead[];
  /** Records this writer has committed since it started. */
  records: number;
  /** Ed25519 over the canonical JSON of every other field (base64). */
  signature: string;
}

export type CheckpointBody = Omit<Checkpoint, 'signature'>;

/** The SHA-256 of a checkpoint's signed content (what the next checkpoint's `prev` names). */
export function checkpointHash(c: CheckpointBody | Checkpoint): string {
  const { signature: _s, ...body } = c as Checkpoint;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function signCheckpoint(privateKey: KeyObject, body: CheckpointBody): Checkpoint {
  const { signature: _s, ...clean } = body as Checkpoint;
  return { ...clean, signature: sign(null, Buffer.from(canonicalJson(clean)), privateKey).toString('base64') };
}

export function checkpointSignatureValid(publicKey: KeyObject, c: Checkpoint): boolean {
  const { signature, ...body } = c;
  try {
    return typeof signature === 'string' && verify(null, Buffer.from(canonicalJson(body)), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The file a writer appends its checkpoints to. */
export const checkpointFile = (dir: string, writer: string) => join(dir, `audit-checkpoints-${writer}.jsonl`);

/**
 * One writer's checkpoint file: each checkpoint is appended as a line and fsynced before append() resolves, so a
 * checkpoint reported written survives a crash of the machine. Calls are serialized by the caller (AuditWriter).
 */
export class CheckpointLog {
  private n = 0;
  private prev: string | null = null;
  private created = false;
  readonly file: string;
  private readonly fingerprint: string;

  constructor(
    private readonly dir: string,
    readonly writer: string,
    private readonly privateKey: KeyObject,
  ) {
    this.file = checkpointFile(dir, writer);
    this.fingerprint = keyFingerprint(privateKey);
  }

  async append(heads: CheckpointHead[], records: number, at = new Date()): Promise<Checkpoint> {
    const body: CheckpointBody = {
      format: CHECKPOINT_FORMAT,
      writer: this.writer,
      n: this.n + 1,
      at: at.toISOString(),
      prev: this.prev,
      key: this.fingerprint,
      heads,
      records,
    };
    const checkpoint = signCheckpoint(this.privateKey, body);
    if (!this.created) await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const fh = await open(this.file, 'a', 0o600);
    try {
      await fh.write(`${JSON.stringify(checkpoint)}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (!this.created) {
      // The new file's name must survive a crash too.
      const d = await open(this.dir, 'r');
      await d.sync().finally(() => d.close());
      this.created = true;
    }
    this.n = body.n;
    this.prev = checkpointHash(body);
    return checkpoint;
  }
}

/** The checkpoint files of a directory, or the files given. */
function checkpointFiles(source: string | string[]): string[] {
  const list = Array.isArray(source) ? source : [source];
  return list.flatMap((s) => {
    if (!existsSync(s)) return [];
    if (!statSync(s).isDirectory()) return [s];
    return readdirSync(s)
      .filter((f) => /^audit-checkpoints-.*\.jsonl$/.test(f))
      .sort()
      .map((f) => join(s, f));
  });
}

export interface LoadedCheckpoints {
  /** Per chain, the furthest record a valid checkpoint names with its time in the range. */
  pins: CheckpointPin[];
  /** The checkpoint each pin comes from (an archive carries these). */
  covering: Checkpoint[];
  /** Checkpoints read and verified. */
  checkpoints: number;
  /** The newest checkpoint's time. */
  latest?: string;
  /** What is wrong with the checkpoints themselves; a verification reports the first. */
  problems: string[];
}

/**
 * Reads every checkpoint (a directory of checkpoint files, files, or checkpoints already parsed, as an archive
 * carries them), checks each one's signature and its link to the writer's previous one, and keeps per chain the
 * furthest record named with its time in [from, to). Streams the files: memory holds one pin per chain.
 */
export async function loadCheckpoints(
  source: string | string[] | Checkpoint[],
  publicKey: KeyObject | string,
  range: { from?: Date | null; to?: Date | null } = {},
): Promise<LoadedCheckpoints> {
  const key = auditPublicKey(publicKey);
  const fingerprint = keyFingerprint(key);
  const best = new Map<string, { pin: CheckpointPin; checkpoint: Checkpoint }>();
  const last = new Map<string, Checkpoint>();
  const problems: string[] = [];
  let checkpoints = 0;
  let latest: string | undefined;
  const take = (c: Checkpoint, where: string, complete: boolean) => {
    if (c.format !== CHECKPOINT_FORMAT) return void problems.push(`${where}: not a checkpoint (format ${JSON.stringify(c.format)})`);
    if (c.key !== fingerprint) return void problems.push(`${where}: signed by key ${c.key}, not the given public key (${fingerprint})`);
    if (!checkpointSignatureValid(key, c))
      return void problems.push(`${where}: its signature does not verify (the checkpoint was changed)`);
    const before = last.get(c.writer);
    if (before && (c.n !== before.n + 1 || c.prev !== checkpointHash(before))) {
      problems.push(
        `${where}: checkpoint ${c.n} of writer ${c.writer} does not follow checkpoint ${before.n} (a checkpoint was removed or replaced)`,
      );
    } else if (!before && complete && (c.n !== 1 || c.prev !== null)) {
      // A writer's file starts at its first checkpoint.
      problems.push(
        `${where}: checkpoint ${c.n} of writer ${c.writer} does not follow checkpoint ${c.n - 1}, which is missing (a checkpoint was removed)`,
      );
    }
    last.set(c.writer, c);
    checkpoints += 1;
    if (!latest || c.at > latest) latest = c.at;
    for (const h of c.heads) {
      const at = new Date(h.at);
      if ((range.from && at < range.from) || (range.to && at >= range.to)) continue;
      const b = best.get(h.chainId);
      if (!b || h.seq > b.pin.seq)
        best.set(h.chainId, { pin: { ...h, checkpoint: { writer: c.writer, n: c.n, at: c.at } }, checkpoint: c });
    }
  };
  if (Array.isArray(source) && source.length && typeof source[0] === 'object') {
    const list = [...(source as Checkpoint[])].sort((a, b) => (a.writer === b.writer ? a.n - b.n : a.writer < b.writer ? -1 : 1));
    // An archive carries only the checkpoints it needs: links are checked between consecutive ones only.
    for (const c of list) {
      const before = last.get(c.writer);
      if (before && c.n !== before.n + 1) last.delete(c.writer);
      take(c, `checkpoint ${c.n} of writer ${c.writer}`, false);
    }
  } else {
    for (const file of checkpointFiles(source as string | string[])) {
      let line = 0;
      for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        line += 1;
        if (!text.trim()) continue;
        let c: Checkpoint;
        try {
          c = JSON.parse(text) as Checkpoint;
        } catch {
          problems.push(`${basename(file)} line ${line}: not JSON`);
          continue;
        }
        take(c, `${basename(file)} line ${line}`, true);
      }
    }
  }
  const covering = [...new Set([...best.values()].map((b) => b.checkpoint))];
  return { pins: [...best.values()].map((b) => b.pin), covering, checkpoints, latest, problems };
}
