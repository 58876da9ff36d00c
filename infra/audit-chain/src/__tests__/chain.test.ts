// The chain without a database: a record's hash covers its content and the one before; a batch's signature covers
// its last record; a follower names the first broken link; checkpoints are signed, linked per writer, and name heads.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditHash, canonicalJson, ChainFollower, genesisHash, keyFingerprint, signRecordHash, type AuditContent } from '../chain';
import { checkpointFile, CheckpointLog, loadCheckpoints } from '../checkpoint';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const chainId = randomUUID();

const content = (seq: number, extra: Partial<AuditContent> = {}): AuditContent => ({
  chainId,
  seq,
  at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
  requestId: `r${seq}`,
  principal: { kind: 'PUBLIC' },
  client: {},
  operation: { type: 'query' },
  variables: null,
  requested: ['Query.units'],
  denied: [],
  personal: [],
  subgraphs: ['directory'],
  outcome: 'ok',
  errorCodes: [],
  durationMs: 1,
  responseBytes: 10,
  ...extra,
});

/** Records 1..n as the writer makes them: linked, with the last of each batch (every `batch` records) signed. */
function chain(n: number, batch = 2) {
  let prev = genesisHash(chainId);
  return Array.from({ length: n }, (_, i) => {
    const seq = i + 1;
    const c = content(seq);
    const hash = auditHash(prev, c);
    const record = {
      seq,
      prevHash: prev,
      hash,
      content: c,
      signature: seq % batch === 0 || seq === n ? signRecordHash(privateKey, hash) : null,
    };
    prev = hash;
    return record;
  });
}

const follow = (records: ReturnType<typeof chain>, key = publicKey) => {
  const f = new ChainFollower(chainId, undefined, key);
  for (const r of records) {
    const broken = f.next(r);
    if (broken) return { broken, follower: f };
  }
  return { broken: f.end(), follower: f };
};

describe('hashes', () => {
  it('do not depend on key order, and change with any value', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: null }], c: undefined } })).toBe('{"a":{"d":[1,{"e":null,"f":2}]},"b":1}');
    const c = content(1);
    expect(auditHash('x', c)).toBe(auditHash('x', { ...c }));
    expect(auditHash('x', { ...c, outcome: 'denied' })).not.toBe(auditHash('x', c));
    expect(auditHash('y', c)).not.toBe(auditHash('x', c));
    // A flag hashed only when set: records without it keep the hash they always had.
    expect(auditHash('x', { ...c, escaped: undefined })).toBe(auditHash('x', c));
  });
});

describe('ChainFollower', () => {
  it('follows an intact chain and counts its signatures', () => {
    const { broken, follower } = follow(chain(5));
    expect(broken).toBeUndefined();
    expect(follower).toMatchObject({ records: 5, signatures: 3, head: { seq: 5, signed: true } });
  });

  it('names the first broken link: a changed record, a missing one, a re-chained edit, a cut tail', () => {
    const edited = chain(4);
    edited[1] = { ...edited[1], content: { ...edited[1].content, requestId: 'forged' } };
    expect(follow(edited).broken).toEqual({ seq: 2, reason: expect.stringMatching(/content does not match its hash/) });

    const gap = chain(4);
    gap.splice(1, 1);
    expect(follow(gap).broken).toEqual({ seq: 2, reason: 'record 2 is missing (found 3 next)' });

    // Edited and its link recomputed by someone without the key: the batch signature no longer matches.
    const rechained = chain(2);
    const forged = content(1, { requestId: 'forged' });
    rechained[0] = { ...rechained[0], content: forged, hash: auditHash(rechained[0].prevHash, forged) };
    rechained[1] = { ...rechained[1], prevHash: rechained[0].hash, hash: auditHash(rechained[0].hash, rechained[1].content) };
    expect(follow(rechained).broken).toEqual({
      seq: 2,
      reason: expect.stringMatching(/signature does not match its hash: a record of its batch \(1\.\.2\) was changed/),
    });

    // Cut in the middle of a batch: the chain ends on records no signature covers.
    expect(follow(chain(6, 3)).broken).toBeUndefined();
    expect(follow(chain(6, 3).slice(0, 5)).broken).toEqual({
      seq: 5,
      reason: expect.stringMatching(/ends on records 4\.\.5, which no signature covers/),
    });
  });

  it('refuses a key that is not Ed25519', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(() => new ChainFollower(chainId, undefined, ec)).toThrow('the audit signing key must be Ed25519, got ec');
    expect(keyFingerprint(publicKey)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(keyFingerprint(privateKey)).toBe(keyFingerprint(publicKey));
  });
});

describe('checkpoints', () => {
  const head = (seq: number) => ({ chainId, seq, hash: `h${seq}`, at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString() });

  it('are signed and linked per writer; loading keeps the furthest head of each chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-checkpoints-'));
    const log = new CheckpointLog(dir, 'w1', privateKey);
    await log.append([head(2)], 2);
    await log.append([head(5)], 5);
    const loaded = await loadCheckpoints(dir, publicKey);
    expect(loaded).toMatchObject({
      checkpoints: 2,
      problems: [],
      pins: [{ chainId, seq: 5, hash: 'h5', checkpoint: { writer: 'w1', n: 2 } }],
    });
    // A time range keeps only the heads inside it.
    const early = await loadCheckpoints(dir, publicKey, { to: new Date(Date.UTC(2025, 0, 1, 0, 0, 3)) });
    expect(early.pins.map((p) => p.seq)).toEqual([2]);
  });

  it('name a changed, removed or foreign checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-checkpoints-'));
    const log = new CheckpointLog(dir, 'w1', privateKey);
    for (const seq of [1, 2, 3]) await log.append([head(seq)], seq);
    const file = checkpointFile(dir, 'w1');
    const [first, second, third] = readFileSync(file, 'utf8').trim().split('\n');

    writeFileSync(file, `${first}\n${third}\n`);
    expect((await loadCheckpoints(dir, publicKey)).problems).toEqual([
      expect.stringMatching(/line 2: checkpoint 3 of writer w1 does not follow checkpoint 1/),
    ]);

    writeFileSync(file, `${first}\n${second.replace('"records":2', '"records":20')}\n`);
    expect((await loadCheckpoints(dir, publicKey)).problems).toEqual([expect.stringMatching(/line 2: its signature does not verify/)]);

    writeFileSync(file, `${first}\n`);
    appendFileSync(file, 'not json\n');
    const other = generateKeyPairSync('ed25519').publicKey;
    const foreign = await loadCheckpoints(dir, other);
    expect(foreign.problems).toEqual([
      expect.stringMatching(/line 1: signed by key sha256:\w+, not the given public key/),
      expect.stringMatching(/line 2: not JSON/),
    ]);
  });
});
