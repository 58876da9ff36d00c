// Two gateways on the same subgraphs, differing only by their environment, the same query set in rotation,
// rounds alternating between them, load from a separate process. Used by the on/off benchmarks.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type Hub } from '@hub/infra';
import { load, machine, median, spread, type LoadResult } from './lib';

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
  /** The fixed-rate phase, when asked for. */
  fixed?: { rate: number; baseline: Summary; candidate: Summary; addedP50: number; addedP99: number };
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
  /** Runs with the hub up, after the comparison (extra measurements). */
  extra?: (hub: Hub) => Promise<void>;
}): Promise<Comparison> {
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
  const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? opts.connections ?? 20);
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  chmodSync(dir, 0o755);
  const base = 31000 + Math.floor(Math.random() * 15000);
  const hub = await startHub({ dataDir: dir, pgPort: base, gatewayPort: base + 1, subgraphBasePort: base + 10, seed: 'demo', gatewayEnv: { LOG_LEVEL: 'warn' } });
  try {
    const urls = {
      baseline: `${await hub.startGateway('gateway-baseline', base + 2, opts.baseline.env)}/graphql`,
      candidate: `${await hub.startGateway('gateway-candidate', base + 3, opts.candidate.env)}/graphql`,
    };
    for (const url of Object.values(urls)) await load({ url, bodies: opts.bodies, connections: CONNECTIONS, duration: 3 }); // warm-up
    // Rounds alternate sides (baseline first in even rounds) so drift over time hits both alike.
    const runRounds = async (rate?: number): Promise<Comparison['rounds']> => {
      const out: Comparison['rounds'] = { baseline: [], candidate: [] };
      for (let i = 0; i < ROUNDS; i++) {
        for (const side of i % 2 ? (['candidate', 'baseline'] as const) : (['baseline', 'candidate'] as const)) {
          out[side].push(await load({ url: urls[side], bodies: opts.bodies, connections: CONNECTIONS, duration: DURATION, rate }));
        }
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
    let fixed: Comparison['fixed'];
    if (opts.fixedRate) {
      const fixedRounds = await runRounds(opts.fixedRate);
      const b = summarise(fixedRounds, 'baseline');
      const c = summarise(fixedRounds, 'candidate');
      const r1 = (n: number) => Math.round(n * 10) / 10;
      fixed = { rate: opts.fixedRate, baseline: b, candidate: c, addedP50: r1(c.p50 - b.p50), addedP99: r1(c.p99 - b.p99) };
    }
    await opts.extra?.(hub);
    return {
      baseline,
      candidate,
      ratio: candidate.rps / baseline.rps,
      cpuRatio: baseline.cpuMs / candidate.cpuMs,
      addedP99: candidate.p99 - baseline.p99,
      fixed,
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
  const row = (s: Summary) => `| ${s.label} | ${s.rps.toFixed(0)} (${s.rpsSpread}) | ${s.p50} | ${s.p99} | ${s.cpuMs.toFixed(2)} | ${s.failures} |`;
  return [
    '| gateway | requests/s | p50 (ms) | p99 (ms) | CPU ms / request | failed requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(c.baseline),
    row(c.candidate),
    `| **ratio / added p99** | **${c.ratio.toFixed(3)}** | | **${c.addedP99 >= 0 ? '+' : ''}${c.addedP99} ms** | **${c.cpuRatio.toFixed(3)}** | |`,
  ].join('\n');
}

/** The fixed-rate phase as a table: same offered load on both sides, so only latency differs. */
export function fixedRateTable(c: Comparison): string {
  if (!c.fixed) return '';
  const f = c.fixed;
  const row = (s: Summary) => `| ${s.label} | ${s.rps.toFixed(0)} | ${s.p50} | ${s.p99} | ${s.cpuMs.toFixed(2)} | ${s.failures} |`;
  const sign = (n: number) => `${n >= 0 ? '+' : ''}${Math.round(n * 10) / 10}`;
  return [
    `| gateway (offered ${f.rate} req/s) | requests/s | p50 (ms) | p99 (ms) | CPU ms / request | failed requests |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(f.baseline),
    row(f.candidate),
    `| **added** | | **${sign(f.addedP50)} ms** | **${sign(f.addedP99)} ms** | **${sign(f.candidate.cpuMs - f.baseline.cpuMs)}** | |`,
  ].join('\n');
}
