// A. The gateway's cost, and E. memory: the same subgraphs, the same supergraph and the same queries served by
// (1) vanilla @apollo/gateway on @apollo/server, (2) the hub gateway with policy and audit on, (3) Hive Gateway.
// Each gateway is one Node process; rounds rotate among them so drift hits all alike; load from a separate process.
// The peers send the header the sealed subgraphs demand (a valid context token for a PUBLIC caller) through their
// own header configuration, so all three do the same work; the queries ask for PUBLIC fields only.
//   npm run bench:gateways -w @hub/e2e       (targets: (2)/(1) ≥ 0.95; nested p99 through the hub ≤ 50 ms at 50 connections)
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Hub } from '@hub/infra';
import { readSupergraph, REPO_ROOT } from '@hub/schema';
import { contextSigner } from '@hub/runtime/context-token';
import { body, load, machine, median, runAsScript, spread, type LoadResult, startBenchHub } from './lib';

export const GATEWAY_QUERIES = {
  small: body('{ touristSite(code: "DL-0001") { name category } }'),
  nested: body('{ touristSites(first: 10) { nodes { name category commune { name ancestors { name } } } } }'),
  heavy: body(
    '{ administrativeUnits(asOf: "2025-06-30", first: 140) { totalCount nodes { code name kind level validFrom validTo currentCommuneCodes parent { code name } ancestors { code name kind level } children { code name kind } successors { code name kind } touristSites(first: 10) { nodes { code name category address location { latitude longitude } commune { code name } } } } } }',
  ),
};

export interface GatewaySide {
  key: '1' | '2' | '3';
  label: string;
  url: string;
  pid: number;
}

/** RSS of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The supergraph with the subgraph URLs of this hub written in, for the peers. */
export function supergraphFor(hub: Hub): string {
  return readSupergraph().replace(
    /@join__graph\(name: "([^"]+)", url: "[^"]+"\)/g,
    (_, name: string) => `@join__graph(name: "${name}", url: "${hub.subgraphUrls[name]}")`,
  );
}

export function startPeer(entry: string, env: Record<string, string>, onExit: () => void): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', join(__dirname, 'peers', entry)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.on('exit', onExit);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within 60 s`)), 60_000);
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line.startsWith('ready')) {
        clearTimeout(timer);
        resolve(proc);
      }
    });
    createInterface({ input: proc.stderr! }).on('line', (line) => process.stderr.write(`[${entry}] ${line}\n`));
  });
}

export interface GatewayResult {
  query: string;
  bytes: number;
  sides: Record<
    string,
    { label: string; rps: number; p50: number; p99: number; rpsSpread: string; failures: number; rounds: LoadResult[] }
  >;
  ratio21: number;
  ratio23: number;
}

export async function runGateways(): Promise<{ results: GatewayResult[]; memory: Record<string, number>; settings: object }> {
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
  const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const { hub, dir, base } = await startBenchHub();
  const peers: ChildProcess[] = [];
  let stopping = false;
  try {
    const supergraph = join(dir, 'supergraph.graphql');
    writeFileSync(supergraph, supergraphFor(hub));
    const sign = await contextSigner(readFileSync(join(dir, 'keys/context-signing.key.pem'), 'utf8'), 3600);
    const env = { SUPERGRAPH: supergraph, CONTEXT_TOKEN: await sign({ sub: 'PUBLIC', roles: [] }) };
    const died = (name: string) => () => {
      if (!stopping) console.error(`${name} exited during the benchmark`);
    };
    const apollo = await startPeer('apollo-gateway.ts', { ...env, PORT: String(base + 4) }, died('Apollo Gateway'));
    const hive = await startPeer('hive-gateway.ts', { ...env, PORT: String(base + 5) }, died('Hive Gateway'));
    peers.push(apollo, hive);
    const sides: GatewaySide[] = [
      { key: '1', label: '(1) Apollo Gateway (vanilla)', url: `http://127.0.0.1:${base + 4}/graphql`, pid: apollo.pid! },
      { key: '2', label: '(2) hub gateway (policy + audit on)', url: `${hub.gatewayUrl}/graphql`, pid: hub.pids().gateway },
      { key: '3', label: '(3) Hive Gateway', url: `http://127.0.0.1:${base + 5}/graphql`, pid: hive.pid! },
    ];
    // Same answer from all three, or the comparison means nothing.
    const results: GatewayResult[] = [];
    for (const [name, q] of Object.entries(GATEWAY_QUERIES)) {
      const answers = await Promise.all(
        sides.map(async (s) => (await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q })).text()),
      );
      for (const [i, a] of answers.entries()) {
        const parsed = JSON.parse(a) as { data?: unknown; errors?: unknown };
        if (parsed.errors || JSON.stringify(parsed.data) !== JSON.stringify((JSON.parse(answers[1]) as { data?: unknown }).data)) {
          throw new Error(`${sides[i].label} answered ${name} differently: ${a.slice(0, 300)}`);
        }
      }
      for (const s of sides) await load({ url: s.url, bodies: [q], connections: CONNECTIONS, duration: 3 }); // warm-up
      const rounds: Record<string, LoadResult[]> = { 1: [], 2: [], 3: [] };
      for (let r = 0; r < ROUNDS; r++) {
        // Rotate the order each round.
        for (let k = 0; k < sides.length; k++) {
          const s = sides[(k + r) % sides.length];
          rounds[s.key].push(await load({ url: s.url, bodies: [q], connections: CONNECTIONS, duration: DURATION }));
        }
      }
      const summary = Object.fromEntries(
        sides.map((s) => [
          s.key,
          {
            label: s.label,
            rps: median(rounds[s.key].map((x) => x.rps)),
            p50: median(rounds[s.key].map((x) => x.p50)),
            p99: median(rounds[s.key].map((x) => x.p99)),
            rpsSpread: spread(rounds[s.key].map((x) => x.rps)),
            failures: rounds[s.key].reduce((a, x) => a + x.errors + x.non2xx, 0),
            rounds: rounds[s.key],
          },
        ]),
      );
      results.push({
        query: name,
        bytes: Buffer.byteLength(answers[1]),
        sides: summary,
        ratio21: summary[2].rps / summary[1].rps,
        ratio23: summary[2].rps / summary[3].rps,
      });
      console.log(
        `${name}: ${sides.map((s) => `${s.label} ${summary[s.key].rps.toFixed(0)} req/s p99 ${summary[s.key].p99} ms`).join(' · ')}`,
      );
    }
    // E. Memory after the load, every process of the hub and the peers.
    const memory: Record<string, number> = {};
    for (const s of sides) memory[s.label] = rssMiB(s.pid);
    for (const [name, pid] of Object.entries(hub.pids())) if (name !== 'gateway') memory[`subgraph ${name}`] = rssMiB(pid);
    return { results, memory, settings: { rounds: ROUNDS, seconds: DURATION, connections: CONNECTIONS } };
  } finally {
    stopping = true;
    for (const p of peers) p.kill('SIGTERM');
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function gatewaysMarkdown(r: Awaited<ReturnType<typeof runGateways>>): string {
  const s = r.settings as { rounds: number; seconds: number; connections: number };
  const lines = [
    "## A. The gateway's cost: hub vs Apollo Gateway vs Hive Gateway",
    '',
    `Same subgraphs, same supergraph, same queries (PUBLIC fields; each gateway's answer checked equal first), each gateway one Node process, ${s.connections} connections, ${s.rounds} rounds × ${s.seconds} s rotating among the three, medians (spread in brackets).`,
    `Machine: ${machine()}. Targets: (2)/(1) ≥ 0.95; p99 of the nested query through the hub ≤ 50 ms at ${s.connections} connections.`,
    '',
    '| query (response) | gateway | requests/s | p50 (ms) | p99 (ms) | failed |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const q of r.results) {
    for (const k of ['1', '2', '3']) {
      const x = q.sides[k];
      lines.push(
        `| ${k === '1' ? `${q.query} (${(q.bytes / 1024).toFixed(1)} KB)` : ''} | ${x.label} | ${x.rps.toFixed(0)} (${x.rpsSpread}) | ${x.p50} | ${x.p99} | ${x.failures} |`,
      );
    }
    lines.push(`| | **(2)/(1) = ${q.ratio21.toFixed(3)}, (2)/(3) = ${q.ratio23.toFixed(3)}** | | | | |`);
  }
  lines.push('', '## E. Memory (resident, MiB, after the load of A)', '', '| process | RSS (MiB) |', '| --- | ---: |');
  for (const [k, v] of Object.entries(r.memory)) lines.push(`| ${k} | ${v.toFixed(0)} |`);
  return lines.join('\n');
}

runAsScript(module, 'gateways', runGateways, gatewaysMarkdown);
