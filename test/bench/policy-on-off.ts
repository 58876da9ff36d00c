// The policy's cost: the same subgraphs behind two gateways, field-level policy on and off, the same mixed
// query set, rounds alternating between them. Prints requests/s and p99 of each and the ratio on/off.
//   npm run bench:policy -w @hub/e2e      (target: ratio ≥ 0.95)
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '@hub/infra';
import { body, load, machine, median, publish, spread, type LoadResult } from './lib';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const QUERIES = {
  small: body('{ touristSite(code: "DL-0001") { name category } }'),
  nested: body('{ touristSites(first: 10) { nodes { name commune { name ancestors { name } } } } }'),
  'partly denied': body('{ accommodations(first: 10) { nodes { name licenceNumber ownerName commune { name } } } }'),
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  chmodSync(dir, 0o755);
  const base = 31000 + Math.floor(Math.random() * 15000);
  const hub = await startHub({
    dataDir: dir,
    pgPort: base,
    gatewayPort: base + 1,
    subgraphBasePort: base + 10,
    seed: 'demo',
    gatewayEnv: { LOG_LEVEL: 'warn' },
  });
  try {
    const on = hub.gatewayUrl;
    const off = await hub.startGateway('gateway-policy-off', base + 2, { HUB_POLICY: 'off' });
    const bodies = Object.values(QUERIES);
    const urls = { on: `${on}/graphql`, off: `${off}/graphql` };
    for (const url of Object.values(urls)) await load({ url, bodies, connections: CONNECTIONS, duration: 3 }); // warm-up
    const rounds: Record<'on' | 'off', LoadResult[]> = { on: [], off: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const side of i % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        rounds[side].push(await load({ url: urls[side], bodies, connections: CONNECTIONS, duration: DURATION }));
      }
    }
    const summary = (side: 'on' | 'off') => ({
      rps: median(rounds[side].map((r) => r.rps)),
      p99: median(rounds[side].map((r) => r.p99)),
      rpsSpread: spread(rounds[side].map((r) => r.rps)),
      failures: rounds[side].reduce((a, r) => a + r.errors, 0),
    });
    const s = { on: summary('on'), off: summary('off') };
    const ratio = s.on.rps / s.off.rps;
    const table = [
      `## Field-level policy: on vs off`,
      '',
      `Same subgraphs, two gateways (policy on / off), ${Object.keys(QUERIES).join(', ')} queries in rotation, ${CONNECTIONS} connections,`,
      `${ROUNDS} rounds × ${DURATION} s alternating, medians (spread in brackets). Machine: ${machine()}. Target: ratio ≥ 0.95.`,
      '',
      '| gateway | requests/s | p99 (ms) | failed requests |',
      '| --- | ---: | ---: | ---: |',
      `| policy off (baseline) | ${s.off.rps.toFixed(0)} (${s.off.rpsSpread}) | ${s.off.p99} | ${s.off.failures} |`,
      `| policy on | ${s.on.rps.toFixed(0)} (${s.on.rpsSpread}) | ${s.on.p99} | ${s.on.failures} |`,
      `| **ratio on/off** | **${ratio.toFixed(3)}** | | |`,
    ].join('\n');
    console.log(`\n${table}\n`);
    publish('policy-on-off', table, { machine: machine(), rounds, summary: s, ratio, queries: QUERIES });
  } finally {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
