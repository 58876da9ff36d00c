// C. Audit throughput: sustained audited requests/s through the hub gateway at 50 and at 200 concurrent clients,
// and proof of no loss: every response the load generator received has its committed record (records counted in
// the audit store before and after each run), and every chain verifies afterwards. The query is `{ __typename }`:
// audited like any operation but answered by the gateway itself, so the figure is the ceiling of the audited path
// (gateway + audit), not of a subgraph.
//   npm run bench:audit-throughput -w @hub/e2e     (target: ≥ 2,000 audited requests/s with zero loss)
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { verifyAuditChain } from '@hub/audit-chain';
import { body, load, machine, runAsScript, startBenchHub } from './lib';

export interface ThroughputRow {
  clients: number;
  rps: number;
  p50: number;
  p99: number;
  answered: number;
  records: number;
  lost: number;
  cpuMsPerRequest: number;
  /** The same load on a second gateway with the audit off (the baseline): what the gateway does without it. */
  baselineRps: number;
  baselineP99: number;
}

export async function runAuditThroughput(): Promise<{ rows: ThroughputRow[]; chainOk: boolean; seconds: number }> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 8) + 2;
  const { hub, dir, base } = await startBenchHub();
  const reader = new Client({ connectionString: hub.auditReaderUrl });
  await reader.connect();
  const count = async () => Number((await reader.query('select count(*)::bigint n from audit_record')).rows[0].n);
  try {
    const url = `${hub.gatewayUrl}/graphql`;
    const bodies = [body('{ __typename }')];
    const baselineUrl = `${await hub.startGateway('gateway-baseline', base + 2, { HUB_AUDIT: 'off' })}/graphql`;
    await load({ url, bodies, connections: 50, duration: 3 }); // warm-up
    await load({ url: baselineUrl, bodies, connections: 50, duration: 3 });
    const rows: ThroughputRow[] = [];
    for (const clients of [50, 200]) {
      const before = await count();
      const r = await load({ url, bodies, connections: clients, duration: seconds });
      // Responses still in flight when the load stopped may add records after it: wait for the writer to settle.
      await new Promise((res) => setTimeout(res, 500));
      const records = (await count()) - before;
      const b = await load({ url: baselineUrl, bodies, connections: clients, duration: seconds });
      rows.push({
        clients,
        rps: r.rps,
        p50: r.p50,
        p99: r.p99,
        answered: r.answered,
        records,
        lost: Math.max(0, r.answered - records),
        cpuMsPerRequest: r.cpuMsPerRequest,
        baselineRps: b.rps,
        baselineP99: b.p99,
      });
      console.log(
        `${clients} clients: ${r.rps.toFixed(0)} audited req/s (audit off: ${b.rps.toFixed(0)}), ${r.answered} answered, ${records} records`,
      );
    }
    const chainOk = (await verifyAuditChain(reader)).ok;
    return { rows, chainOk, seconds };
  } finally {
    await reader.end();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function auditThroughputMarkdown(r: Awaited<ReturnType<typeof runAuditThroughput>>): string {
  return [
    '## C. Audit throughput',
    '',
    `Audited requests through the hub gateway (\`{ __typename }\`: recorded like any operation, answered by the gateway itself), ${r.seconds} s per run. "Lost" = responses received without a committed record (records counted in the audit store before and after). Baseline: the same load, right after, on a second gateway of the same hub with the audit off: the ceiling of the gateway itself on this machine. Machine: ${machine()}. Target: ≥ 2,000 audited requests/s with zero loss.`,
    '',
    '| clients | audited requests/s | p50 (ms) | p99 (ms) | responses | records | lost | CPU ms / request | audit off (baseline) requests/s | ratio | baseline p99 (ms) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map(
      (x) =>
        `| ${x.clients} | ${x.rps.toFixed(0)} | ${x.p50} | ${x.p99} | ${x.answered} | ${x.records} | ${x.lost} | ${x.cpuMsPerRequest.toFixed(2)} | ${x.baselineRps.toFixed(0)} | ${(x.rps / x.baselineRps).toFixed(3)} | ${x.baselineP99} |`,
    ),
    '',
    `Every chain verified afterwards: ${r.chainOk ? 'yes' : '**NO**'}.`,
  ].join('\n');
}

runAsScript(module, 'audit-throughput', runAuditThroughput, auditThroughputMarkdown);
