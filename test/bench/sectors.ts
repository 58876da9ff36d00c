// F. "What is in this commune?": one query answered by five subgraphs (directory, industry-trade, environment,
// agriculture, information-communications, culture-tourism), through the hub gateway and through vanilla Apollo
// Gateway on the same subgraphs and supergraph, side by side: saturated throughput (closed loop) and latency at a
// fixed offered load below saturation (open loop, half of the slower side's saturated rate), and the SQL
// statements each subgraph runs per request.
//   npm run bench:sectors -w @hub/e2e        (target: hub / Apollo ≥ 0.95, printed, not asserted)
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextSigner } from '@hub/runtime/context-token';
import { body, load, machine, median, memoryOf, percentile, runAsScript, spread, startBenchHub, type LoadResult } from './lib';
import { startPeer, supergraphFor } from './gateways';

/** PUBLIC fields only, so that both gateways do the same work (the hub's policy denies nothing here). */
export const COMMUNE_QUERY = `{
  administrativeUnit(code: "01435") {
    code name
    markets(first: 20) { totalCount nodes { code name marketClass } }
    monitoringStations(first: 20) { totalCount nodes { code name kind } }
    forestPlots { totalCount }
    postalPoints(first: 20) { totalCount nodes { code name kind } }
    touristSites(first: 20) { totalCount nodes { code name category } }
  }
}`;

interface Side {
  label: string;
  url: string;
  saturated: LoadResult[];
  fixed: LoadResult[];
}

export async function runSectors() {
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
  const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const { hub, dir, base } = await startBenchHub({ prefix: 'hub-bench-sectors-' });
  let stopping = false;
  const peers: ChildProcess[] = [];
  try {
    const supergraph = join(dir, 'supergraph.graphql');
    writeFileSync(supergraph, supergraphFor(hub));
    const sign = await contextSigner(readFileSync(join(dir, 'keys/context-signing.key.pem'), 'utf8'), 3600);
    const env = { SUPERGRAPH: supergraph, CONTEXT_TOKEN: await sign({ sub: 'PUBLIC', roles: [] }) };
    const apollo = await startPeer('apollo-gateway.ts', { ...env, PORT: String(base + 4) }, () => {
      if (!stopping) console.error('Apollo Gateway exited during the benchmark');
    });
    peers.push(apollo);
    const sides: Side[] = [
      { label: 'Apollo Gateway (vanilla)', url: `http://127.0.0.1:${base + 4}/graphql`, saturated: [], fixed: [] },
      { label: 'hub gateway (policy + audit on)', url: `${hub.gatewayUrl}/graphql`, saturated: [], fixed: [] },
    ];
    const q = body(COMMUNE_QUERY);
    // The same answer, with no error, from both: five subgraphs, every list filled.
    const answers = await Promise.all(
      sides.map(async (s) =>
        JSON.parse(await (await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q })).text()),
      ),
    );
    for (const [i, a] of answers.entries()) {
      if (a.errors || JSON.stringify(a.data) !== JSON.stringify(answers[1].data))
        throw new Error(`${sides[i].label} answered differently: ${JSON.stringify(a).slice(0, 400)}`);
    }
    const unit = answers[1].data.administrativeUnit;
    const counts = {
      markets: unit.markets.totalCount,
      monitoringStations: unit.monitoringStations.totalCount,
      forestPlots: unit.forestPlots.totalCount,
      postalPoints: unit.postalPoints.totalCount,
      touristSites: unit.touristSites.totalCount,
    };
    if (Object.values(counts).some((n) => !n)) throw new Error(`a list of the commune is empty: ${JSON.stringify(counts)}`);

    // SQL statements per request, per subgraph (their /metrics), over 20 requests through the hub.
    const statements = async () => {
      const out: Record<string, number> = {};
      for (const [name, url] of Object.entries(hub.subgraphUrls)) {
        const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
        out[name] = Number(/hub_sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
      }
      return out;
    };
    const before = await statements();
    for (let i = 0; i < 20; i++) await fetch(sides[1].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q });
    const after = await statements();
    const sqlPerRequest = Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] - before[k]) / 20]));

    for (const s of sides) await load({ url: s.url, bodies: [q], connections: CONNECTIONS, duration: 3 }); // warm-up
    for (let r = 0; r < ROUNDS; r++)
      for (let k = 0; k < sides.length; k++) {
        const s = sides[(k + r) % sides.length];
        s.saturated.push(await load({ url: s.url, bodies: [q], connections: CONNECTIONS, duration: DURATION }));
      }
    const saturatedRps = sides.map((s) => median(s.saturated.map((x) => x.rps)));
    const rate = Math.max(5, Math.round(Math.min(...saturatedRps) / 2));
    for (let r = 0; r < ROUNDS; r++)
      for (let k = 0; k < sides.length; k++) {
        const s = sides[(k + r) % sides.length];
        s.fixed.push(await load({ url: s.url, bodies: [q], connections: CONNECTIONS, duration: DURATION, rate }));
      }
    const memory = memoryOf({ root: process.pid, exclude: peers.map((p) => p.pid!).filter(Boolean) });
    const summary = sides.map((s) => {
      const pooled = s.fixed.flatMap((x) => x.latencies ?? []);
      return {
        label: s.label,
        rps: median(s.saturated.map((x) => x.rps)),
        rpsSpread: spread(s.saturated.map((x) => x.rps)),
        cpuMsPerRequest: median(s.saturated.map((x) => x.cpuMsPerRequest)),
        fixedP50: percentile(pooled, 50),
        fixedP99: percentile(pooled, 99),
        failures: [...s.saturated, ...s.fixed].reduce((a, x) => a + x.errors + x.non2xx, 0),
      };
    });
    const result = {
      settings: { rounds: ROUNDS, seconds: DURATION, connections: CONNECTIONS, rate },
      bytes: Buffer.byteLength(JSON.stringify(answers[1])),
      counts,
      sqlPerRequest,
      sides: summary,
      ratio: summary[1].rps / summary[0].rps,
      hubMemoryMiB: { rss: memory.rssMiB, pss: memory.pssMiB, processes: memory.processes },
    };
    console.log(
      `commune query: ${summary.map((s) => `${s.label} ${s.rps.toFixed(0)} req/s, at ${rate} req/s p50 ${s.fixedP50} ms p99 ${s.fixedP99} ms`).join(' · ')} · ratio ${result.ratio.toFixed(3)}`,
    );
    return result;
  } finally {
    stopping = true;
    for (const p of peers) p.kill('SIGTERM');
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sectorsMarkdown(r: Awaited<ReturnType<typeof runSectors>>): string {
  const s = r.settings;
  return [
    '## F. "What is in this commune?": five subgraphs in one query',
    '',
    `\`administrativeUnit(code: "01435")\` with its markets, monitoring stations, forest plots (count), postal points and tourist sites (${Object.entries(
      r.counts,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}; ${(r.bytes / 1024).toFixed(1)} KB), PUBLIC fields only, sent without signing in. Same subgraphs, same supergraph, each gateway one Node process, answers checked equal first. Saturated: ${s.connections} connections, ${s.rounds} rounds × ${s.seconds} s alternating, medians (spread). Fixed load: ${s.rate} requests/s (half the slower side's saturated rate), ${s.rounds} rounds × ${s.seconds} s alternating, every request's latency pooled.`,
    `Machine: ${machine()}. Target: hub / Apollo ≥ 0.95 (printed, not asserted).`,
    '',
    `| gateway | saturated requests/s | CPU ms / request | p50 at ${s.rate} req/s (ms) | p99 at ${s.rate} req/s (ms) | failed |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.sides.map(
      (x) => `| ${x.label} | ${x.rps.toFixed(0)} (${x.rpsSpread}) | ${x.cpuMsPerRequest} | ${x.fixedP50} | ${x.fixedP99} | ${x.failures} |`,
    ),
    `| **hub / Apollo** | **${r.ratio.toFixed(3)}** | | | | |`,
    '',
    'SQL statements per request, by subgraph (their `/metrics`, over 20 requests through the hub):',
    '',
    '| subgraph | statements / request |',
    '| --- | ---: |',
    ...Object.entries(r.sqlPerRequest).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `Resident memory of the hub's processes after the load (PostgreSQL, every subgraph, the gateway; the load generator and Apollo Gateway left out): RSS ${r.hubMemoryMiB.rss.toFixed(0)} MiB, PSS ${r.hubMemoryMiB.pss.toFixed(0)} MiB, ${r.hubMemoryMiB.processes} processes.`,
  ].join('\n');
}

runAsScript(module, 'sectors', runSectors, sectorsMarkdown);
