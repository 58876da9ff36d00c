// Where the time goes, for the targets the other scenarios miss: the hub under the nested query at 50 connections
// (A's p99 target) and under `{ __typename }` at 200 connections (C's audited requests/s), every service profiled
// with `node --cpu-prof`; each busy service's CPU per request and its top frames by self time. Profiling slows
// every service down, so the load figures here are not comparable with the other sections.
//   npm run bench:profiles -w @hub/e2e
import { machine, publish } from './lib';
import { GATEWAY_QUERIES } from './gateways';
import { body } from './lib';
import { profileRun } from './profile';

const CASES = [
  { label: 'nested query, 50 connections (target A: p99 ≤ 50 ms)', bodies: [GATEWAY_QUERIES.nested], connections: 50 },
  { label: '`{ __typename }`, 200 connections (target C: ≥ 2,000 audited requests/s)', bodies: [body('{ __typename }')], connections: 200 },
];

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 8) + 2;
  const lines = [
    '## Where the time goes (profiles)',
    '',
    `Every service under \`node --cpu-prof\` (which slows it), ${seconds} s of load after a warm-up; per busy service: CPU per request and the top frames by self time (share of its busy time). Machine: ${machine()}.`,
  ];
  const raw = [];
  for (const c of CASES) {
    const r = await profileRun({ bodies: c.bodies, connections: c.connections, seconds, top: 8 });
    raw.push({ case: c.label, ...r });
    lines.push('', `### ${c.label}: ${r.load.rps.toFixed(0)} req/s under the profiler, p99 ${r.load.p99} ms`, '');
    lines.push('| service | CPU ms / request | top frames (self time share) |', '| --- | ---: | --- |');
    for (const s of r.services) {
      lines.push(
        `| ${s.service} | ${s.msPerRequest.toFixed(2)} | ${s.frames.map((f) => `${(f.share * 100).toFixed(1)} % \`${f.frame.replace(/\|/g, '\\|')}\``).join('<br>')} |`,
      );
    }
  }
  const md = lines.join('\n');
  console.log(`\n${md}\n`);
  publish('profiles', md, raw);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
