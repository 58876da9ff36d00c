// Where the CPU goes: runs the hub with every service under `node --cpu-prof`, puts the benchmark queries on it
// from a separate process, stops the services (each writes its profile on exit), and prints each service's top
// frames by self time.
//   npm run bench:profile -w @hub/e2e            (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_RATE for a fixed load)
//   PROFILE_TARGET=culture-tourism PROFILE_QUERY='{ touristSite(code: "DL-0001") { name } }' npm run bench:profile …
//     loads one subgraph directly (with a valid context token for a PUBLIC caller) instead of the gateway.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contextSigner } from '@hub/runtime/context-token';
import { REPO_ROOT } from '@hub/schema';
import { body, load, type LoadResult, startBenchHub } from './lib';

export const PROFILE_QUERIES = [
  body('{ touristSite(code: "DL-0001") { name category } }'),
  body('{ touristSites(first: 10) { nodes { name commune { name ancestors { name } } } } }'),
  body('{ accommodations(first: 10) { nodes { name licenceNumber ownerName commune { name } } } }'),
];

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  startTime: number;
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export interface Frame {
  frame: string;
  selfMs: number;
  share: number;
}

/**
 * Self time per frame (function, file, line), largest first; `share` is of all samples that were not idle. Samples
 * before `fromUs` (the monotonic clock, as `process.hrtime`) are left out: start-up is not the steady state.
 */
export function topFrames(profile: Profile, n = 20, fromUs = 0): { busyMs: number; frames: Frame[] } {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let busy = 0;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < fromUs) return;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') return;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = url.startsWith('file://') ? relative(REPO_ROOT, url.slice(7)).replace(/^.*node_modules\//, '') : url || '(native)';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    busy += dt;
  });
  const frames = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([frame, selfMs]) => ({ frame, selfMs, share: selfMs / busy }));
  return { busyMs: busy, frames };
}

export interface ServiceProfile {
  service: string;
  busyMs: number;
  msPerRequest: number;
  frames: Frame[];
}

/**
 * Every profile a run left in `dir` (one per service process), named by its service (`gateway`,
 * `subgraphs/directory`…), with its busy time and top frames after `fromUs`; services idle then are left out.
 */
export function servicesOf(dir: string, fromUs: number, top: number): Omit<ServiceProfile, 'msPerRequest'>[] {
  const out: Omit<ServiceProfile, 'msPerRequest'>[] = [];
  for (const file of readdirSync(dir).sort()) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
    const { busyMs, frames } = topFrames(profile, top, fromUs);
    if (busyMs < 200) continue; // idle during the load
    const main = profile.nodes.map((x) => x.callFrame.url).find((u) => /\/(gateway|subgraphs\/[^/]+)\/src\/main\.ts$/.test(u));
    const service = main ? relative(REPO_ROOT, main.replace('file://', '')).replace(/\/src\/main\.ts$/, '') : file;
    out.push({ service, busyMs, frames });
  }
  return out;
}

/** One profiled load: every service under --cpu-prof, the load, then each busy service's top frames by self time. */
export async function profileRun(opts: {
  bodies: string[];
  connections: number;
  seconds: number;
  rate?: number;
  target?: string;
  top?: number;
}): Promise<{ load: LoadResult; services: ServiceProfile[]; profilesDir: string }> {
  const { hub, dir, profiles: p } = await startBenchHub({ profile: true, prefix: 'hub-profile-' });
  const profiles = p!;
  let result: LoadResult;
  let measuredFrom = 0;
  try {
    const url = opts.target ? hub.subgraphUrls[opts.target] : `${hub.gatewayUrl}/graphql`;
    if (!url) throw new Error(`PROFILE_TARGET: no subgraph named ${opts.target}`);
    const sign = await contextSigner(readFileSync(join(dir, 'keys/context-signing.key.pem'), 'utf8'));
    const headers = opts.target ? { 'x-hub-context': await sign({ sub: 'PUBLIC', roles: [] }) } : undefined;
    await load({ url, bodies: opts.bodies, connections: opts.connections, duration: 3, headers });
    measuredFrom = Number(process.hrtime.bigint() / 1000n);
    result = await load({ url, bodies: opts.bodies, connections: opts.connections, duration: opts.seconds, headers, rate: opts.rate });
  } finally {
    await hub.stop();
  }
  const services = servicesOf(profiles, measuredFrom, opts.top ?? 15).map((s) => ({
    ...s,
    msPerRequest: s.busyMs / (result.rps * opts.seconds),
  }));
  return { load: result, services, profilesDir: profiles };
}

async function main(): Promise<void> {
  const r = await profileRun({
    bodies: process.env.PROFILE_QUERY ? [body(process.env.PROFILE_QUERY)] : PROFILE_QUERIES,
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
    seconds: Number(process.env.BENCH_SECONDS ?? 15),
    rate: process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined,
    target: process.env.PROFILE_TARGET,
    top: Number(process.env.PROFILE_TOP ?? 15),
  });
  console.log(`load: ${r.load.rps.toFixed(0)} req/s, p50 ${r.load.p50} ms, p99 ${r.load.p99} ms, errors ${r.load.errors}`);
  for (const s of r.services) {
    console.log(`\n${s.service}: busy ${(s.busyMs / 1000).toFixed(1)} s during the load, ${s.msPerRequest.toFixed(2)} ms per request`);
    for (const f of s.frames)
      console.log(`  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.frame}`);
  }
  console.log(`\nprofiles in ${r.profilesDir} (open in Chrome DevTools or speedscope)`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
