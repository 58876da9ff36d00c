// The audit's cost: two gateways on the same subgraphs, audit off (baseline) and on, at 50 connections; then
// the writer alone, to show how many records/s the store takes with group commit.
//   npm run bench:audit -w @hub/e2e      (targets: ratio ≥ 0.9, added p99 ≤ the floor's p99 + 2 ms, ≥ 2,000 records/s)
import { closeSync, fdatasyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { AuditWriter } from '@hub/gateway/audit';
import { verifyAuditChain } from '@hub/audit-chain';
import { generateAuditSigningKeyPair } from '@hub/infra/keys';
import { body, load, percentile, publish } from './lib';
import { compareGateways, comparisonTable, fixedRateTable, pairedTable } from './compare';

const QUERIES = {
  small: body('{ touristSite(code: "DL-0001") { name category } }'),
  nested: body('{ touristSites(first: 10) { nodes { name commune { name ancestors { name } } } } }'),
  'partly denied': body('{ accommodations(first: 10) { nodes { name licenceNumber ownerName commune { name } } } }'),
};

/** Offered load per gateway in the fixed-load phase (both at once: twice this on the machine). */
const FIXED_RATE = Number(process.env.BENCH_FIXED_RATE ?? 50);

let writer: { records: number; seconds: number; perSecond: number; chainOk: boolean } | undefined;
/**
 * The floor under the audit's added latency on this machine, with the hub idle: one record at a time through the
 * writer (a durable commit each), and the disk's own flush (8 KB written and fdatasync'd), both every 10 ms.
 */
let floor: { commit: Quantiles; fdatasync: Quantiles } | undefined;
interface Quantiles {
  n: number;
  p50: number;
  p90: number;
  p99: number;
}

const quantiles = (xs: number[]): Quantiles => ({
  n: xs.length,
  p50: percentile(xs, 50),
  p90: percentile(xs, 90),
  p99: percentile(xs, 99),
});
const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const pause = (t: number) => new Promise((r) => setTimeout(r, t));
/** The writers measured here sign like the gateway's (no checkpoints: they are off the commit path). */
const signingKey = generateAuditSigningKeyPair().privateKey;

const benchRecord = (requestId: string) => ({
  requestId,
  principal: { kind: 'PUBLIC' },
  client: {},
  operation: { type: 'query', name: 'Bench', hash: 'h', document: '{ __typename }' },
  variables: null,
  requested: ['Query.touristSite'],
  denied: [],
  personal: [],
  subgraphs: ['culture-tourism'],
  outcome: 'ok',
  errorCodes: [],
  durationMs: 1,
  responseBytes: 10,
});

/** Durable commits one at a time (nothing to batch with), and the disk's flush, at 100 per second each. */
async function measureFloor(auditWriterUrl: string, dataDir: string): Promise<NonNullable<typeof floor>> {
  const w = new AuditWriter(auditWriterUrl, pino({ level: 'silent' }), { signingKey });
  await w.open();
  const commit: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = process.hrtime.bigint();
    await w.append(benchRecord(`floor-${i}`));
    commit.push(ms(t0));
    await pause(10);
  }
  await w.close();
  const file = join(dataDir, 'bench-fdatasync.tmp');
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(8192, 1);
  const flush: number[] = [];
  try {
    for (let i = 0; i < 1000; i++) {
      const t0 = process.hrtime.bigint();
      writeSync(fd, page, 0, page.length, (i % 256) * page.length);
      fdatasyncSync(fd);
      flush.push(ms(t0));
      await pause(10);
    }
  } finally {
    closeSync(fd);
    unlinkSync(file);
  }
  return { commit: quantiles(commit), fdatasync: quantiles(flush) };
}

/**
 * What the intent record costs a write: the same editor's updates, one at a time, alternating between the audit-off
 * and the audit-on gateway (a write through the audited one commits its intent before the subgraph is called, then
 * its outcome), and a read the same way for comparison (one commit).
 */
let writes: { n: number; off: Quantiles; on: Quantiles; readOff: Quantiles; readOn: Quantiles } | undefined;
const WRITES = Number(process.env.BENCH_WRITES ?? 300);

async function measureWrites(urls: { baseline: string; candidate: string }): Promise<NonNullable<typeof writes>> {
  const post = async (url: string, payload: string, token?: string) => {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: payload,
    });
    return (await r.json()) as { data?: any; errors?: unknown[] };
  };
  const signIn = await fetch(urls.candidate.replace(/\/graphql$/, '/auth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: 'vhttdl.editor', password: 'demo-password-2025' }),
  });
  const token = ((await signIn.json()) as { access_token: string }).access_token;
  const read = body('{ touristSite(code: "DL-0005") { version } }');
  let version = (await post(urls.candidate, read)).data.touristSite.version as number;
  const update = (v: number, i: number) =>
    body(
      'mutation($v: Int!, $d: String!) { updateTouristSite(code: "DL-0005", input: { description: $d }, expectedVersion: $v, reason: "Đo hiệu năng") { version } }',
      { v, d: `Lần ${i}` },
    );
  const t = { off: [] as number[], on: [] as number[], readOff: [] as number[], readOn: [] as number[] };
  for (let i = 0; i < WRITES; i++) {
    for (const side of i % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      const url = side === 'on' ? urls.candidate : urls.baseline;
      const t0 = process.hrtime.bigint();
      const r = await post(url, update(version, i), token);
      t[side].push(ms(t0));
      if (!r.data?.updateTouristSite) throw new Error(`write failed: ${JSON.stringify(r.errors)}`);
      version = r.data.updateTouristSite.version;
      const t1 = process.hrtime.bigint();
      await post(url, read);
      t[side === 'on' ? 'readOn' : 'readOff'].push(ms(t1));
      await pause(10);
    }
  }
  return { n: WRITES, off: quantiles(t.off), on: quantiles(t.on), readOff: quantiles(t.readOff), readOn: quantiles(t.readOn) };
}

/** The commit wait as the gateway measured it (its histogram), per phase. */
const waits: { phase: string; requests: number; p50: string; p99: string }[] = [];

/** Cumulative bucket counts of the gateway's commit-wait histogram. */
async function commitWaitBuckets(gatewayUrl: string): Promise<Map<number, number>> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const out = new Map<number, number>();
  for (const m of text.matchAll(/^hub_audit_commit_wait_seconds_bucket\{le="([^"]+)"\} (\d+)/gm))
    out.set(m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2]));
  return out;
}

/** The smallest bucket bound under which at least q of the waits fell (ms), as "≤ x ms". */
function quantileOf(before: Map<number, number>, after: Map<number, number>, q: number): { n: number; text: string } {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const n = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  const bound = bounds.find((b) => after.get(b)! - (before.get(b) ?? 0) >= q * n) ?? Infinity;
  return { n, text: bound === Infinity ? '> 1000 ms' : `≤ ${+(bound * 1000).toFixed(1)} ms` };
}

compareGateways({
  baseline: { label: 'audit off (baseline)', env: { HUB_AUDIT: 'off' } },
  candidate: { label: 'audit on', env: {} },
  bodies: Object.values(QUERIES),
  connections: 50,
  // The ratio is a few per cent from 1 and the shared machine moves throughput by more between rounds: five rounds.
  rounds: 5,
  // Per gateway, both at once: 100 req/s in all, about half of what the machine serves saturated.
  fixedRate: FIXED_RATE,
  paired: true,
  extra: async (hub, urls) => {
    // The latency the audit adds, measured where it happens: how long each response waited for its commit.
    const phaseSeconds = Number(process.env.BENCH_SECONDS ?? 8) * 2;
    const rate = 2 * FIXED_RATE; // the machine's load in the fixed phase, on one gateway
    for (const [phase, r] of [
      [`fixed ${rate} req/s`, rate],
      ['saturated', undefined],
    ] as const) {
      const before = await commitWaitBuckets(urls.candidate);
      await load({ url: urls.candidate, bodies: Object.values(QUERIES), connections: 50, duration: phaseSeconds, rate: r });
      const after = await commitWaitBuckets(urls.candidate);
      const p50 = quantileOf(before, after, 0.5);
      waits.push({ phase, requests: p50.n, p50: p50.text, p99: quantileOf(before, after, 0.99).text });
    }
    await pause(2000); // let the store settle after the saturated phase
    floor = await measureFloor(hub.auditWriterUrl, hub.logDir);
    writes = await measureWrites(urls);
    // The writer alone: 20,000 records appended by 200 concurrent callers.
    const w = new AuditWriter(hub.auditWriterUrl, pino({ level: 'silent' }), { signingKey });
    const N = 20000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < N; i += 200) await Promise.all(Array.from({ length: 200 }, (_, j) => w.append(benchRecord(`bench-${i + j}`))));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await w.close();
    const c = new Client({ connectionString: hub.auditReaderUrl });
    await c.connect();
    const report = await verifyAuditChain(c);
    await c.end();
    writer = { records: N, seconds, perSecond: N / seconds, chainOk: report.ok };
  },
})
  .then((c) => {
    const table = [
      '## Audit: on vs off',
      '',
      `Same subgraphs, two gateways (audit off / on, policy on in both), ${Object.keys(QUERIES).join(', ')} queries in rotation,`,
      `${c.settings.connections} connections, ${c.settings.rounds} rounds × ${c.settings.seconds} s alternating, medians (spread in brackets).`,
      `Machine: ${c.machine}. Targets: ratio ≥ 0.9, added p99 at a fixed load ≤ 2 ms above the floor (one durable commit alone, measured below in the same run), ≥ 2,000 records/s with no loss.`,
      '',
      'Saturated (as fast as each gateway answers; on 2 cores the CPU is shared by load generator, gateway, three subgraphs and PostgreSQL, so p99 is mostly queueing):',
      '',
      comparisonTable(c),
      '',
      "Side by side (both gateways under load in the same seconds, so the shared machine's drift hits both alike; the steadiest throughput ratio here):",
      '',
      pairedTable(c),
      '',
      `Fixed offered load, side by side (open loop: ${c.fixed!.rate} req/s to each gateway at the same time, arriving evenly over a pool of ${c.settings.connections} keep-alive connections each; ${c.fixed!.rounds.baseline.length} rounds of ${2 * c.settings.seconds} s): below saturation, so latency shows the work per request rather than queueing, and any stall of the shared machine lands on both. p50 and p99 are over every request of the phase (all rounds pooled, per gateway); the added figures are the audit-on gateway's minus the baseline's: the audit's own cost (the commit each response waits for, and its CPU). Each round's own p99 (about its 8th-worst request) is shown with its range for comparison.`,
      '',
      fixedRateTable(c),
      '',
      "The audit's own added latency, measured in the audit-on gateway (histogram `hub_audit_commit_wait_seconds` on its `/metrics`): how long each response waited for its record's commit, 50 connections:",
      '',
      '| load | responses | p50 wait | p99 wait |',
      '| --- | ---: | ---: | ---: |',
      ...waits.map((w) => `| ${w.phase} | ${w.requests} | ${w.p50} | ${w.p99} |`),
      '',
      `The floor on this machine, with the hub idle, 1,000 of each, one every 10 ms: an audit record appended alone (one durable commit, nothing to batch with): p50 ${floor!.commit.p50} ms, p90 ${floor!.commit.p90} ms, **p99 ${floor!.commit.p99} ms**; the disk's own flush (8 KB written, then \`fdatasync\`): p50 ${floor!.fdatasync.p50} ms, p90 ${floor!.fdatasync.p90} ms, p99 ${floor!.fdatasync.p99} ms. A response released only after its record is durable waits at least this long.`,
      '',
      `What the intent costs a write (issue 13: a mutation's intent is committed before any subgraph is called, its outcome after): ${writes!.n} updates of one tourist site by its editor, one at a time, alternating between the gateways, each followed by a read of the same site; the hub otherwise idle.`,
      '',
      '| request | audit off p50 / p99 | audit on p50 / p99 | added p50 / p99 | commits waited for |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| write (mutation) | ${writes!.off.p50.toFixed(1)} / ${writes!.off.p99.toFixed(1)} ms | ${writes!.on.p50.toFixed(1)} / ${writes!.on.p99.toFixed(1)} ms | ${(writes!.on.p50 - writes!.off.p50).toFixed(1)} / ${(writes!.on.p99 - writes!.off.p99).toFixed(1)} ms | 2 (intent, outcome) |`,
      `| read (query) | ${writes!.readOff.p50.toFixed(1)} / ${writes!.readOff.p99.toFixed(1)} ms | ${writes!.readOn.p50.toFixed(1)} / ${writes!.readOn.p99.toFixed(1)} ms | ${(writes!.readOn.p50 - writes!.readOff.p50).toFixed(1)} / ${(writes!.readOn.p99 - writes!.readOff.p99).toFixed(1)} ms | 1 (outcome) |`,
      '',
      `So the intent adds about ${(writes!.on.p50 - writes!.off.p50 - (writes!.readOn.p50 - writes!.readOff.p50)).toFixed(1)} ms at p50 to a write beyond what the outcome record costs (one durable commit alone: p50 ${floor!.commit.p50} ms above).`,
      '',
      `Writer alone (group commit, 200 concurrent callers): **${writer!.perSecond.toFixed(0)} records/s** (${writer!.records} records in ${writer!.seconds.toFixed(2)} s); every chain verified afterwards: ${writer!.chainOk ? 'yes' : '**NO**'}.`,
    ].join('\n');
    console.log(`\n${table}\n`);
    publish('audit-on-off', table, { ...c, writer, floor, waits, writes, queries: QUERIES });
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
