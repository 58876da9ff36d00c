// Shared pieces of the benchmark scripts: load from a separate process, medians, the machine, and the
// benchmark document (each scenario rewrites its own section between markers).
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@hub/schema';
import { startHub, type Hub } from '@hub/infra';
import { freePortRun } from '@hub/infra/ports';

const run = promisify(execFile);

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Responses received (any status). */
  answered: number;
  /**
   * CPU time spent per answered request during the run by the hub's processes, PostgreSQL and the load generator
   * (ms). Steadier than requests/s on a shared machine: at saturation, throughput is the cores' time divided by it.
   */
  cpuMsPerRequest: number;
  /** Every request's latency (ms, 0.1 ms steps), at a fixed offered load only: rounds pooled into one percentile. */
  latencies?: number[];
}

/** The p-th percentile (0–100) of latencies, rounded to 0.1 ms, as load.js computes it. */
export function percentile(latencies: number[], p: number): number {
  if (!latencies.length) return 0;
  const s = [...latencies].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
}

/**
 * CPU time (ms) used so far by this process and every process under it: the hub's services, PostgreSQL and its
 * backends, the load generator. Finished children count through their parent (Linux `/proc`, 100 ticks/s), so
 * other work on the machine does not.
 */
export function treeCpuMs(root = process.pid): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // After the command: state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from field 3.
      stats.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // the process ended while we looked
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks * 10;
}

export async function load(opts: {
  url: string;
  bodies: string[];
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  /** Requests per second over all connections (a fixed offered load); unset = as fast as the server answers. */
  rate?: number;
}): Promise<LoadResult> {
  const before = treeCpuMs();
  const { stdout } = await run(process.execPath, [join(__dirname, 'load.js'), JSON.stringify(opts)], { maxBuffer: 1 << 24 });
  const busyMs = treeCpuMs() - before;
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as Omit<LoadResult, 'cpuMsPerRequest'>;
  return { ...result, cpuMsPerRequest: Math.round((busyMs / Math.max(1, result.rps * opts.duration)) * 1000) / 1000 };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/**
 * A scenario run as a script (`mod` is the caller's `module`): runs it, prints its section, publishes it with the
 * raw figures, and exits 1 on failure. Imported by another script (npm run bench), it does nothing.
 */
export function runAsScript<R>(mod: NodeModule, name: string, run: () => Promise<R>, markdown: (r: R) => string): void {
  if (require.main !== mod) return;
  run()
    .then((r) => {
      const md = markdown(r);
      console.log(`\n${md}\n`);
      publish(name, md, r);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

/** Replaces the section `name` of docs/benchmarks.md (and writes the raw figures to test/bench/results/). */
export function publish(name: string, markdown: string, raw: unknown): void {
  const resultsDir = join(REPO_ROOT, 'test/bench/results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(raw, null, 2)}\n`);
  const doc = join(REPO_ROOT, 'docs/benchmarks.md');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(doc)
    ? readFileSync(doc, 'utf8')
    : '# Benchmarks\n\nEvery figure on this page is written by a benchmark script (`npm run bench:<scenario> -w @hub/e2e`); none is edited by hand.\n';
  text = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(doc, text);
}

export interface BenchHub {
  hub: Hub;
  /** The run's data folder (keys, logs, the profiles folder). */
  dir: string;
  /** First of the run's 20 free ports: PostgreSQL, +1 the gateway, +2 … +9 for other processes, +10 … the subgraphs. */
  base: number;
  /** Where the services write their CPU profiles, when started with `profile`. */
  profiles?: string;
}

/**
 * The whole hub with its demo data on 20 free ports and a fresh data folder, as every benchmark starts it: services
 * log warnings only and the gateway's rate limits are off (the load comes from one address). `profile`: every
 * service under `--cpu-prof`.
 */
export async function startBenchHub(
  opts: { gatewayEnv?: Record<string, string>; subgraphEnv?: Record<string, string>; profile?: boolean; prefix?: string } = {},
): Promise<BenchHub> {
  const dir = mkdtempSync(join(tmpdir(), opts.prefix ?? 'hub-bench-'));
  chmodSync(dir, 0o755);
  const profiles = opts.profile ? join(dir, 'profiles') : undefined;
  const base = await freePortRun(20);
  const hub = await startHub({
    dataDir: dir,
    pgPort: base,
    gatewayPort: base + 1,
    subgraphBasePort: base + 10,
    seed: 'demo',
    gatewayEnv: { LOG_LEVEL: 'warn', HUB_RATE_LIMITS: 'off', ...opts.gatewayEnv },
    subgraphEnv: opts.subgraphEnv,
    nodeArgs: profiles ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : undefined,
  });
  return { hub, dir, base, profiles };
}

/** Resident memory of a set of processes (Linux /proc): RSS summed, and PSS summed (shared pages split among their users). */
export interface ProcessMemory {
  processes: number;
  rssMiB: number;
  pssMiB: number;
  /** RSS per command (node entry or program), summed over its processes. */
  byCommand: Record<string, number>;
}

function kB(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/**
 * The memory of every process under `root` (itself included), or with `group`, of every process in that process
 * group and under it: the whole hub started by `npm start` (PostgreSQL and its backends, every subgraph, the gateway).
 */
export function memoryOf(sel: { root?: number; group?: number; exclude?: number[] }): ProcessMemory {
  const procs = new Map<number, { ppid: number; pgrp: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(f[1]), pgrp: Number(f[2]) });
    } catch {
      // ended meanwhile
    }
  }
  // The roots and every process under them (PostgreSQL runs in a process group of its own, under the runner).
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  const roots =
    sel.group !== undefined ? [...procs].filter(([, p]) => p.pgrp === sel.group).map(([pid]) => pid) : [sel.root ?? process.pid];
  const skip = new Set(sel.exclude ?? []);
  const chosen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop()!;
    if (skip.has(pid) || chosen.has(pid)) continue;
    chosen.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  const out: ProcessMemory = { processes: 0, rssMiB: 0, pssMiB: 0, byCommand: {} };
  for (const pid of chosen) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = kB(status, 'VmRSS') / 1024;
      if (!rss) continue; // a kernel thread or a zombie
      const pss = kB(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss') / 1024;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const command = commandName(argv);
      out.processes++;
      out.rssMiB += rss;
      out.pssMiB += pss;
      out.byCommand[command] = (out.byCommand[command] ?? 0) + rss;
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/** `postgres`, `gateway`, `subgraph culture-tourism`, `npm`…: what a process is, from its command line. */
function commandName(argv: string[]): string {
  const program = (argv[0] ?? '?').split('/').pop()!;
  if (program.startsWith('postgres')) return 'postgres';
  const serve = argv.findIndex((a) => a.endsWith('bin/serve.ts') || a.endsWith('bin/serve.js'));
  if (serve >= 0) {
    const names = argv.slice(serve + 1);
    return names.length > 1 ? `subgraphs (${names.length} in one process: ${names.join(', ')})` : `subgraph ${names[0] ?? '?'}`;
  }
  if (argv.some((a) => /gateway\/src\/(main|index)\.[tj]s$/.test(a))) return 'gateway';
  const script = argv.slice(1).find((a) => !a.startsWith('-') && /\.[cm]?[tj]s$/.test(a));
  return script ? `${program} ${script.split('/').slice(-2).join('/')}` : program;
}
