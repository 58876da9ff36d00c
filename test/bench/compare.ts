// Two gateways on the same subgraphs, differing only by their environment, the same query set in rotation,
// rounds alternating between them, load from a separate process. Used by the on/off benchmarks.
import { rmSync } from 'node:fs';
import { type Hub } from '@hub/infra';
import { load, machine, median, percentile, spread, type LoadResult, startBenchHub } from './lib';

export interface Side {
  label: string;
  env: Record<string, string>;
}

export interface Comparison {
  baseline: Summary;
  candidate: Summary;
  ratio: number;
  /** Baseline CPU per request over the candidate's: the throughput ratio a CPU-bound machine would show. */
  cpuRatio: number;
  addedP99: number;
  /**
   * Side by side: both gateways loaded at the same time (each with its own connections), so drift of the shared
   * machine hits both in the same instant; `ratios` are per round.
   */
  paired?: { baseline: Summary; candidate: Summary; ratios: number[]; ratio: number; addedP99: number };
  /** The fixed-rate phase, when asked for. */
  fixed?: {
    rate: number;
    baseline: Summary;
    candidate: Summary;
    /**
     * Every request of every round pooled, per side: p50 and p99 over thousands of requests (a round's p99 alone is
     * about its 8th-worst request). The added figures are the candidate's minus the baseline's.
     */
    pooled: Record<'baseline' | 'candidate', { requests: number; p50: number; p99: number }>;
    addedP50: number;
    addedP99: number;
    /** Per-round differences of p99 (candidate − baseline, same seconds), and their median. */
    addedP99Rounds: number[];
    addedP99MedianOfRounds: number;
    rounds: Comparison['rounds'];
  };
  rounds: Record<'baseline' | 'candidate', LoadResult[]>;
  machine: string;
  settings: { rounds: number; seconds: number; connections: number };
}

export interface Summary {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  rpsSpread: string;
  failures: number;
  /** Median CPU time per request of the hub's processes, PostgreSQL and the load generator (ms). */
  cpuMs: number;
}

export async function compareGateways(opts: {
  baseline: Side;
  candidate: Side;
  bodies: string[];
  connections?: number;
  /**
   * Also alternate rounds at this fixed offered load (requests/s over the same connections), below saturation, so
   * that latency shows the work added rather than queueing behind a saturated CPU.
   */
  fixedRate?: number;
  /** Also run rounds with both gateways under load at once (see Comparison.paired). */
  paired?: boolean;
  /** Rounds per phase (BENCH_ROUNDS overrides; 3 by default). */
  rounds?: number;
  /** Runs with the hub up, after the comparison (extra measurements). */
  extra?: (hub: Hub, urls: { baseline: string; candidate: string }) => Promise<void>;
}): Promise<Comparison> {
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? opts.rounds ?? 3);
  const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
  const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? opts.connections ?? 20);
  const { hub, dir, base } = await startBenchHub();
  try {
    const urls = {
      baseline: `${await hub.startGateway('gateway-baseline', base + 2, opts.baseline.env)}/graphql`,
      candidate: `${await hub.startGateway('gateway-candidate', base + 3, opts.candidate.env)}/graphql`,
    };
    for (const url of Object.values(urls)) await load({ url, bodies: opts.bodies, connections: CONNECTIONS, duration: 3 }); // warm-up
    // Rounds alternate sides (baseline first in even rounds) so drift over time hits both alike.
    const runRounds = async (): Promise<Comparison['rounds']> => {
      const out: Comparison['rounds'] = { baseline: [], candidate: [] };
      for (let i = 0; i < ROUNDS; i++) {
        for (const side of i % 2 ? (['candidate', 'baseline'] as const) : (['baseline', 'candidate'] as const)) {
          out[side].push(await load({ url: urls[side], bodies: opts.bodies, connections: CONNECTIONS, duration: DURATION }));
        }
      }
      return out;
    };
    // Side by side: both gateways under load in the same seconds, each with its own connections.
    const runSideBySide = async (rounds: number, duration: number, rate?: number): Promise<Comparison['rounds']> => {
      const out: Comparison['rounds'] = { baseline: [], candidate: [] };
      for (let i = 0; i < rounds; i++) {
        const [b, c] = await Promise.all(
          (['baseline', 'candidate'] as const).map((side) =>
            load({ url: urls[side], bodies: opts.bodies, connections: CONNECTIONS, duration, rate }),
          ),
        );
        out.baseline.push(b);
        out.candidate.push(c);
      }
      return out;
    };
    const summarise = (rounds: Comparison['rounds'], side: 'baseline' | 'candidate'): Summary => ({
      label: opts[side].label,
      rps: median(rounds[side].map((r) => r.rps)),
      p50: median(rounds[side].map((r) => r.p50)),
      p99: median(rounds[side].map((r) => r.p99)),
      rpsSpread: spread(rounds[side].map((r) => r.rps)),
      failures: rounds[side].reduce((a, r) => a + r.errors, 0),
      cpuMs: median(rounds[side].map((r) => r.cpuMsPerRequest)),
    });
    const rounds = await runRounds();
    const baseline = summarise(rounds, 'baseline');
    const candidate = summarise(rounds, 'candidate');
    let paired: Comparison['paired'];
    if (opts.paired) {
      const out = await runSideBySide(ROUNDS, DURATION);
      const ratios = out.candidate.map((c, i) => Math.round((c.rps / out.baseline[i].rps) * 1000) / 1000);
      const b = summarise(out, 'baseline');
      const c = summarise(out, 'candidate');
      paired = { baseline: b, candidate: c, ratios, ratio: median(ratios), addedP99: c.p99 - b.p99 };
    }
    let fixed: Comparison['fixed'];
    if (opts.fixedRate) {
      // Side by side too: both gateways get the same offered load in the same seconds, so a stall of the shared
      // machine (another process, a GC, the disk) lands on both; the added latency compares each side's p50 and p99
      // over every request of every round (pooled), the per-round differences kept beside it.
      const out = await runSideBySide(Number(process.env.BENCH_FIXED_ROUNDS ?? 5), DURATION * 2, opts.fixedRate);
      const pool = (side: 'baseline' | 'candidate') => {
        const all = out[side].flatMap((r) => r.latencies ?? []);
        for (const r of out[side]) delete r.latencies; // the raw results keep the per-round figures only
        return { requests: all.length, p50: percentile(all, 50), p99: percentile(all, 99) };
      };
      const pooled = { baseline: pool('baseline'), candidate: pool('candidate') };
      const r1 = (n: number) => Math.round(n * 10) / 10;
      const p99s = out.candidate.map((x, i) => r1(x.p99 - out.baseline[i].p99));
      fixed = {
        rate: opts.fixedRate,
        baseline: summarise(out, 'baseline'),
        candidate: summarise(out, 'candidate'),
        pooled,
        addedP50: r1(pooled.candidate.p50 - pooled.baseline.p50),
        addedP99: r1(pooled.candidate.p99 - pooled.baseline.p99),
        addedP99Rounds: p99s,
        addedP99MedianOfRounds: median(p99s),
        rounds: out,
      };
    }
    await opts.extra?.(hub, urls);
    return {
      baseline,
      candidate,
      ratio: candidate.rps / baseline.rps,
      cpuRatio: baseline.cpuMs / candidate.cpuMs,
      addedP99: candidate.p99 - baseline.p99,
      fixed,
      paired,
      rounds,
      machine: machine(),
      settings: { rounds: ROUNDS, seconds: DURATION, connections: CONNECTIONS },
    };
  } finally {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function comparisonTable(c: Comparison): string {
  const row = (s: Summary) =>
    `| ${s.label} | ${s.rps.toFixed(0)} (${s.rpsSpread}) | ${s.p50} | ${s.p99} | ${s.cpuMs.toFixed(2)} | ${s.failures} |`;
  return [
    '| gateway | requests/s | p50 (ms) | p99 (ms) | CPU ms / request | failed requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(c.baseline),
    row(c.candidate),
    `| **ratio / added p99** | **${c.ratio.toFixed(3)}** | | **${c.addedP99 >= 0 ? '+' : ''}${c.addedP99} ms** | **${c.cpuRatio.toFixed(3)}** | |`,
  ].join('\n');
}

/** The side-by-side phase as a table: both under load at once, ratio per round and its median. */
export function pairedTable(c: Comparison): string {
  if (!c.paired) return '';
  const p = c.paired;
  const row = (s: Summary) => `| ${s.label} | ${s.rps.toFixed(0)} (${s.rpsSpread}) | ${s.p50} | ${s.p99} | ${s.failures} |`;
  return [
    `| gateway (both loaded at once, ${c.settings.connections} connections each) | requests/s | p50 (ms) | p99 (ms) | failed requests |`,
    '| --- | ---: | ---: | ---: | ---: |',
    row(p.baseline),
    row(p.candidate),
    `| **ratio (median of rounds: ${p.ratios.map((r) => r.toFixed(3)).join(', ')}) / added p99** | **${p.ratio.toFixed(3)}** | | **${p.addedP99 >= 0 ? '+' : ''}${p.addedP99} ms** | |`,
  ].join('\n');
}

/** The fixed-rate phase as a table: same offered load on both sides at the same time, so only latency differs. */
export function fixedRateTable(c: Comparison): string {
  if (!c.fixed) return '';
  const f = c.fixed;
  const sign = (n: number) => `${n >= 0 ? '+' : ''}${Math.round(n * 10) / 10}`;
  const row = (side: 'baseline' | 'candidate') =>
    `| ${f[side].label} | ${f[side].rps.toFixed(0)} | ${f.pooled[side].requests} | ${f.pooled[side].p50} | ${f.pooled[side].p99} | ${f[side].p99} (${spread(f.rounds[side].map((r) => r.p99))}) | ${f[side].failures} |`;
  return [
    `| gateway (offered ${f.rate} req/s each, both at once) | requests/s | requests | p50 (ms) | p99 (ms) | p99 per round: median (range) | failed requests |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('baseline'),
    row('candidate'),
    `| **added** (per round: ${f.addedP99Rounds.map(sign).join(', ')} ms; median ${sign(f.addedP99MedianOfRounds)} ms) | | | **${sign(f.addedP50)} ms** | **${sign(f.addedP99)} ms** | | |`,
  ].join('\n');
}
