// B. The data layer: lists of N records with two nested references (accommodation → commune → its parent), split
// into its parts, each measured side by side with its baseline, sides alternating:
//   B1 the culture-tourism subgraph alone over HTTP vs raw `pg` on its table + JSON.stringify  (target ≤ 2× at 10,000)
//   B2 the hub gateway vs vanilla @apollo/gateway over the same subgraphs                      (target ≤ 1.05×)
//   B3 the whole path through the hub vs raw `pg` on both databases, joined in JS, stringified  (target ≤ 6×)
// Every pair's answers are checked equal. Also prints the SQL statements each subgraph sent per request (they must
// not grow with N) and the response size.
//   npm run bench:data-layer -w @hub/e2e
//   BENCH_ROUNDS (default 31), BENCH_SIZES (default 1000,10000), BENCH_PROFILE=1 (every service under --cpu-prof,
//   top frames printed and published)
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import { Agent, request } from 'undici';
import { type Hub } from '@hub/infra';
import { REPO_ROOT } from '@hub/schema';
import { contextSigner } from '@hub/runtime/context-token';
import { startPeer, supergraphFor } from './gateways';
import { machine, median, publish, spread, startBenchHub } from './lib';
import { topFrames, type Frame } from './profile';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const LARGEST = Math.max(...SIZES);
const PROFILE = process.env.BENCH_PROFILE === '1';
/** The issue's targets for each part at the largest N. */
const TARGETS = { subgraph: 2, gateway: 1.05, whole: 6 };
const PART = {
  subgraph: 'B1 subgraph alone over HTTP vs raw pg (one table)',
  gateway: 'B2 hub gateway vs vanilla @apollo/gateway',
  whole: 'B3 whole path through the hub vs raw pg (both databases)',
} as const;
type Part = keyof typeof PART;

const QUERY = `query DataLayer($n: Int!) {
  accommodations(first: $n) { nodes { code name type commune { code name parent { code name } } } }
}`;

/** What the culture-tourism subgraph answers by itself: the commune as a reference (its key), resolved by the directory. */
const SUBGRAPH_QUERY = `query DataLayerSubgraph($n: Int!) {
  accommodations(first: $n) { nodes { code name type commune { code } } }
}`;

interface Unit {
  code: string;
  name: string;
}
interface Node {
  code: string;
  name: string;
  type: string;
  commune: (Unit & { parent: Unit | null }) | null;
}

/** The rows of the benchmark: LARGEST accommodations in the culture-tourism database, spread over every commune code of the directory. */
async function generate(hub: Hub): Promise<{ communes: number; seconds: number }> {
  const t = performance.now();
  const directory = new Pool({ connectionString: dbUrl(hub, 'hub_directory'), max: 1 });
  const tourism = new Pool({ connectionString: dbUrl(hub, 'hub_culture_tourism'), max: 1 });
  try {
    const codes = (
      await directory.query<{ code: string }>(`select distinct code from administrative_unit where level = 'COMMUNE' order by code`)
    ).rows.map((r) => r.code);
    if (!codes.length) throw new Error('the directory has no communes: is the demo seed loaded?');
    // Codes BN-… sort before the demo's own (LT-…), so `first: N` returns generated rows only.
    await tourism.query(
      `insert into accommodation_establishment (id, created_at, updated_at, version, code, name, type, star_rating, rooms, commune_code, address, licence_number, owner_name, annual_revenue, search_text)
       select gen_random_uuid(), now(), now(), 1, 'BN-' || lpad(i::text, 6, '0'), 'Cơ sở lưu trú số ' || i,
              (array['HOTEL','RESORT','GUESTHOUSE','HOMESTAY','TOURIST_VILLA'])[1 + i % 5],
              case when i % 3 = 0 then null else 1 + i % 5 end, 5 + i % 200, ($2::text[])[1 + i % cardinality($2::text[])],
              'Số ' || i || ', đường Bench', 'GP-' || i, 'Chủ hộ ' || i, (i % 997) * 10.5, 'co so luu tru so ' || i
       from generate_series(1, $1::int) as i`,
      [LARGEST, codes],
    );
    await tourism.query('analyze accommodation_establishment');
    return { communes: codes.length, seconds: (performance.now() - t) / 1000 };
  } finally {
    await Promise.all([directory.end(), tourism.end()]);
  }
}

function dbUrl(hub: Hub, database: string): string {
  const u = new URL(hub.pg.adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same answer without the hub: three statements on two databases, joined by code and id in JS, then JSON.stringify. */
async function raw(tourism: Pool, directory: Pool, n: number): Promise<string> {
  const rows = (
    await tourism.query<{ code: string; name: string; type: string; commune_code: string }>(
      'select code, name, type, commune_code from accommodation_establishment order by code limit $1',
      [n],
    )
  ).rows;
  const communeCodes = [...new Set(rows.map((r) => r.commune_code))];
  // As the directory resolves a reference by code: the current version, or the most recent one if retired.
  const communes = (
    await directory.query<{ id: string; code: string; name: string; parent_id: string | null }>(
      `select distinct on (u.code) u.id, u.code, u.name, u.parent_id from administrative_unit u where u.code = any($1)
     order by u.code, (u.valid_to is null) desc, u.valid_to desc, u.valid_from desc nulls last`,
      [communeCodes],
    )
  ).rows;
  const parentIds = [...new Set(communes.map((c) => c.parent_id).filter((id): id is string => id !== null))];
  const parents = (
    await directory.query<{ id: string; code: string; name: string }>('select id, code, name from administrative_unit where id = any($1)', [
      parentIds,
    ])
  ).rows;
  const parentById = new Map(parents.map((p) => [p.id, { code: p.code, name: p.name }]));
  const communeByCode = new Map(
    communes.map((c) => [c.code, { code: c.code, name: c.name, parent: c.parent_id ? (parentById.get(c.parent_id) ?? null) : null }]),
  );
  const nodes: Node[] = rows.map((r) => ({ code: r.code, name: r.name, type: r.type, commune: communeByCode.get(r.commune_code) ?? null }));
  return JSON.stringify({ data: { accommodations: { nodes } } });
}

/** The subgraph's share without the hub: one statement on its table, the commune as its key, JSON.stringify. */
async function rawSubgraph(tourism: Pool, n: number): Promise<string> {
  const rows = (
    await tourism.query<{ code: string; name: string; type: string; commune_code: string }>(
      'select code, name, type, commune_code from accommodation_establishment order by code limit $1',
      [n],
    )
  ).rows;
  return JSON.stringify({
    data: { accommodations: { nodes: rows.map((r) => ({ code: r.code, name: r.name, type: r.type, commune: { code: r.commune_code } })) } },
  });
}

/**
 * One request, through undici's own request API with a keep-alive pool (what the gateway uses towards subgraphs):
 * the WHATWG fetch on top of it adds its stream machinery to every megabyte read, which is the harness's cost, not the
 * hub's.
 */
const client = new Agent({ connections: 4, keepAliveTimeout: 30_000 });
async function post(url: string, query: string, n: number, headers: Record<string, string> = {}): Promise<string> {
  const r = await request(url, {
    dispatcher: client,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables: { n } }),
  });
  const text = await r.body.text();
  if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}: ${text.slice(0, 500)}`);
  return text;
}

const throughHub = (url: string, n: number) => post(url, QUERY, n);

/** Each subgraph's `hub_sql_statements_total`. */
async function sqlCounts(hub: Hub): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(hub.subgraphUrls)) {
    const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
    out[name] = Number(/^hub_sql_statements_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
  }
  return out;
}

/** One part at one N: the measured side and its baseline, medians of alternating rounds. */
interface PairResult {
  part: Part;
  label: string;
  baseline: string;
  ms: number;
  baselineMs: number;
  ratio: number;
  spread: string;
  baselineSpread: string;
  rounds: number[];
  baselineRounds: number[];
  /**
   * B1 only: the floor the machine sets, measured in the same rounds: the same answer's bytes served over HTTP by a
   * process that computes nothing (peers/static-answer.ts), and the ratio of what the subgraph adds above it to the
   * baseline.
   */
  floor?: { ms: number; spread: string; rounds: number[]; aboveRatio: number };
}

interface SizeResult {
  n: number;
  pairs: PairResult[];
  /** SQL statements per request through the hub, per subgraph that sent any. */
  sql: Record<string, number>;
  hubBytes: number;
  rawBytes: number;
}

type Side = () => Promise<string>;

/**
 * Both sides answer the same data, then alternate for ROUNDS rounds (which goes first alternates too); a floor, when
 * given, takes its turn in the same rounds.
 */
async function pair(part: Part, label: string, side: Side, baseline: string, base: Side, n: number, floor?: Side): Promise<PairResult> {
  const [a, b] = [
    JSON.parse(await side()) as { data?: unknown; errors?: unknown[] },
    JSON.parse(await base()) as { data?: unknown; errors?: unknown[] },
  ];
  if (a.errors || b.errors) throw new Error(`${PART[part]}, N = ${n}: errors ${JSON.stringify(a.errors ?? b.errors).slice(0, 500)}`);
  if (!isDeepStrictEqual(a.data, b.data)) throw new Error(`${PART[part]}, N = ${n}: ${label} and ${baseline} answer differently`);
  if ((a.data as { accommodations: { nodes: unknown[] } }).accommodations.nodes.length !== n)
    throw new Error(`${PART[part]}, N = ${n}: fewer nodes than asked`);
  const rounds: number[] = [];
  const baselineRounds: number[] = [];
  const floorRounds: number[] = [];
  const turns = { side: [side, rounds], base: [base, baselineRounds], floor: [floor, floorRounds] } as const;
  const order = (floor ? ['side', 'base', 'floor'] : ['side', 'base']) as (keyof typeof turns)[];
  for (let i = 0; i < ROUNDS; i++) {
    // Each side goes first, second (and third) in turn.
    for (let j = 0; j < order.length; j++) {
      const [run, into] = turns[order[(i + j) % order.length]];
      const t = performance.now();
      await run!();
      into.push(performance.now() - t);
    }
  }
  const ms = median(rounds);
  const baselineMs = median(baselineRounds);
  const floorMs = floor ? median(floorRounds) : undefined;
  const r = {
    part,
    label,
    baseline,
    ms,
    baselineMs,
    ratio: ms / baselineMs,
    spread: spread(rounds),
    baselineSpread: spread(baselineRounds),
    rounds,
    baselineRounds,
    ...(floorMs === undefined
      ? {}
      : { floor: { ms: floorMs, spread: spread(floorRounds), rounds: floorRounds, aboveRatio: (ms - floorMs) / baselineMs } }),
  };
  console.log(
    `N = ${n} ${PART[part]}: ${ms.toFixed(1)} ms (${r.spread}) vs ${baselineMs.toFixed(1)} ms (${r.baselineSpread}), ratio ${r.ratio.toFixed(2)}` +
      (r.floor ? `; HTTP floor ${r.floor.ms.toFixed(1)} ms (${r.floor.spread}), above the floor ${r.floor.aboveRatio.toFixed(2)}` : ''),
  );
  return r;
}

interface Targets {
  hubUrl: string;
  vanillaUrl: string;
  subgraphUrl: string;
  /** The B1 floor: a process that answers with stored bytes (peers/static-answer.ts). */
  floorUrl: string;
  /** The context token the sealed subgraph demands, for a PUBLIC caller (what the gateway would send). */
  contextToken: string;
  tourism: Pool;
  directory: Pool;
}

async function measure(hub: Hub, t: Targets, n: number): Promise<SizeResult> {
  const hubText = await throughHub(t.hubUrl, n);
  const rawText = await raw(t.tourism, t.directory, n);

  // SQL statements of one request through the hub, per subgraph: the fewest of three requests, since the gateway's
  // own background reads (the directory's policy facts, refreshed on a timer) can fall inside one of them.
  const tries: Record<string, number>[] = [];
  for (let i = 0; i < 3; i++) {
    const before = await sqlCounts(hub);
    await throughHub(t.hubUrl, n);
    const after = await sqlCounts(hub);
    tries.push(Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]])));
  }
  const sql = Object.fromEntries(
    Object.keys(tries[0])
      .map((k) => [k, Math.min(...tries.map((d) => d[k]))])
      .filter(([, d]) => d !== 0),
  );

  const header = { 'x-hub-context': t.contextToken };
  // The floor serves the subgraph's own answer, byte for byte.
  const subgraphText = await post(t.subgraphUrl, SUBGRAPH_QUERY, n, header);
  const stored = await request(t.floorUrl.replace(/\/graphql$/, '/answer'), { dispatcher: client, method: 'PUT', body: subgraphText });
  await stored.body.dump();
  const pairs = [
    await pair(
      'subgraph',
      'culture-tourism subgraph',
      () => post(t.subgraphUrl, SUBGRAPH_QUERY, n, header),
      'raw pg + JSON.stringify',
      () => rawSubgraph(t.tourism, n),
      n,
      () => post(t.floorUrl, SUBGRAPH_QUERY, n),
    ),
    await pair(
      'gateway',
      'hub gateway',
      () => throughHub(t.hubUrl, n),
      'vanilla @apollo/gateway',
      () => throughHub(t.vanillaUrl, n),
      n,
    ),
    await pair(
      'whole',
      'hub',
      () => throughHub(t.hubUrl, n),
      'raw pg + JSON.stringify',
      () => raw(t.tourism, t.directory, n),
      n,
    ),
  ];
  console.log(`N = ${n}: SQL per request ${JSON.stringify(sql)}, ${Buffer.byteLength(hubText)} bytes`);
  return { n, pairs, sql, hubBytes: Buffer.byteLength(hubText), rawBytes: Buffer.byteLength(rawText) };
}

/** Each service's top frames by self time (profiles written by `--cpu-prof` when the services stopped). */
function profileFrames(dir: string, fromUs: number, pids: Record<string, number>): { service: string; busyMs: number; frames: Frame[] }[] {
  const byPid = new Map(Object.entries(pids).map(([name, pid]) => [pid, name]));
  const out = [];
  for (const file of readdirSync(dir).sort()) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Parameters<typeof topFrames>[0] & {
      nodes: { callFrame: { url: string } }[];
    };
    const { busyMs, frames } = topFrames(profile, Number(process.env.PROFILE_TOP ?? 12), fromUs);
    if (busyMs < 200) continue;
    // Files are named CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; every subgraph runs the kit's one bin.
    const pid = Number(file.split('.')[3]);
    out.push({ service: byPid.get(pid) ?? file, busyMs, frames });
  }
  return out.sort((a, b) => b.busyMs - a.busyMs);
}

async function main(): Promise<void> {
  const started = performance.now();
  const { hub, dir, base, profiles } = await startBenchHub({
    // One request returns the largest list: the page-size cap and the query-cost limit raised to fit it.
    gatewayEnv: { HUB_MAX_COST: String(LARGEST * 100) },
    subgraphEnv: { LOG_LEVEL: 'warn', HUB_MAX_PAGE_SIZE: String(LARGEST) },
    profile: PROFILE,
  });
  const results: SizeResult[] = [];
  let gen: { communes: number; seconds: number };
  let measuredFrom = 0;
  let stopping = false;
  let vanilla: ChildProcess | undefined;
  let floorPeer: ChildProcess | undefined;
  let pids: Record<string, number> = {};
  const tourism = new Pool({ connectionString: dbUrl(hub, 'hub_culture_tourism'), max: 2 });
  const directory = new Pool({ connectionString: dbUrl(hub, 'hub_directory'), max: 2 });
  try {
    gen = await generate(hub);
    console.log(`generated ${LARGEST} accommodations over ${gen.communes} commune codes in ${gen.seconds.toFixed(1)} s`);
    const supergraph = join(dir, 'supergraph.graphql');
    writeFileSync(supergraph, supergraphFor(hub));
    const sign = await contextSigner(readFileSync(join(dir, 'keys/context-signing.key.pem'), 'utf8'), 3600);
    const contextToken = await sign({ sub: 'PUBLIC', roles: [] });
    vanilla = await startPeer('apollo-gateway.ts', { SUPERGRAPH: supergraph, CONTEXT_TOKEN: contextToken, PORT: String(base + 4) }, () => {
      if (!stopping) console.error('the vanilla Apollo Gateway exited during the benchmark');
    });
    floorPeer = await startPeer('static-answer.ts', { PORT: String(base + 5) }, () => {
      if (!stopping) console.error('the B1 floor peer exited during the benchmark');
    });
    const targets: Targets = {
      hubUrl: `${hub.gatewayUrl}/graphql`,
      vanillaUrl: `http://127.0.0.1:${base + 4}/graphql`,
      subgraphUrl: hub.subgraphUrls['culture-tourism'],
      floorUrl: `http://127.0.0.1:${base + 5}/graphql`,
      contextToken,
      tourism,
      directory,
    };
    // Warm-up of every side: JIT, pools, query plans.
    const warm = Math.min(LARGEST, 1000);
    for (let i = 0; i < 3; i++) {
      await throughHub(targets.hubUrl, warm);
      await throughHub(targets.vanillaUrl, warm);
      await post(targets.subgraphUrl, SUBGRAPH_QUERY, warm, { 'x-hub-context': contextToken });
      await raw(tourism, directory, warm);
    }
    measuredFrom = Number(process.hrtime.bigint() / 1000n);
    for (const n of SIZES) results.push(await measure(hub, targets, n));
    pids = { ...hub.pids(), 'vanilla @apollo/gateway': vanilla.pid! };
  } finally {
    stopping = true;
    vanilla?.kill('SIGTERM');
    floorPeer?.kill('SIGTERM');
    await Promise.all([tourism.end(), directory.end(), client.close()]);
    await hub.stop();
  }
  // The top frames come from the last run under the profiler (BENCH_PROFILE=1 writes them to results/), so the
  // published times stay free of the profiler's overhead.
  const profileFile = join(REPO_ROOT, 'test/bench/results/data-layer-profile.json');
  const frames: { service: string; busyMs: number; frames: Frame[] }[] = PROFILE
    ? profileFrames(profiles!, measuredFrom, pids)
    : existsSync(profileFile)
      ? (JSON.parse(readFileSync(profileFile, 'utf8')) as { services: { service: string; busyMs: number; frames: Frame[] }[] }).services
      : [];
  if (PROFILE)
    writeFileSync(profileFile, `${JSON.stringify({ machine: machine(), sizes: SIZES, rounds: ROUNDS, services: frames }, null, 2)}\n`);
  if (!PROFILE) rmSync(dir, { recursive: true, force: true });

  const subgraphs = [...new Set(results.flatMap((r) => Object.keys(r.sql)))].sort();
  const largest = results.find((r) => r.n === LARGEST)!;
  const sqlFlat = subgraphs.every((s) => new Set(results.map((r) => r.sql[s] ?? 0)).size === 1);
  const ratioAt = (part: Part) => largest.pairs.find((p) => p.part === part)!.ratio;
  const met = Object.fromEntries((Object.keys(TARGETS) as Part[]).map((p) => [p, ratioAt(p) <= TARGETS[p]])) as Record<Part, boolean>;
  const fmt = (n: number) => n.toLocaleString('en');
  const table = [
    '## B. The data layer: lists through the hub, split into parts, each against its baseline',
    '',
    `\`accommodations(first: N) { nodes { code name type commune { code name parent { code name } } } }\` (PUBLIC caller, policy and audit on;`,
    'the commune and its parent are resolved by the directory subgraph through federation). Each part runs side by side with its baseline,',
    `sides alternating, ${ROUNDS} rounds after a warm-up, medians (spread in brackets); every pair's answers are checked equal first.`,
    '- **B1** the culture-tourism subgraph alone over HTTP (`accommodations(first: N) { nodes { code name type commune { code } } }`, with the',
    '  context token the gateway would send) vs raw `pg` on its table (one statement) + `JSON.stringify` of the same shape;',
    '- **B2** the hub gateway vs vanilla `@apollo/gateway` on `@apollo/server` over the same subgraphs and supergraph (no policy, no audit);',
    '- **B3** the whole path through the hub vs raw `pg` on both databases (three statements, joined in JS by code and id) + `JSON.stringify`.',
    "- **B1 floor**: what the machine charges for carrying the subgraph's answer over HTTP at all: the same bytes served by a process that",
    '  computes nothing (node:http, test/bench/peers/static-answer.ts), measured in the same rounds as B1. The raw baseline pays none of it;',
    '  "above the floor" is (B1 − floor) / baseline: what the subgraph itself adds, against the target.',
    `${fmt(LARGEST)} generated accommodations over the demo directory's ${gen!.communes} commune codes; subgraphs started with \`HUB_MAX_PAGE_SIZE=${LARGEST}\`,`,
    `gateway with \`HUB_MAX_COST=${LARGEST * 100}\`. Machine: ${machine()}.${PROFILE ? ' **Run under `--cpu-prof`** (times inflated by the profiler).' : ''}`,
    '',
    '| N | part | measured (ms) | baseline (ms) | ratio | target at the largest N |',
    '| ---: | --- | ---: | ---: | ---: | --- |',
    ...results.flatMap((r) =>
      r.pairs.map(
        (p) =>
          `| ${fmt(r.n)} | ${PART[p.part]} | ${p.ms.toFixed(1)} (${p.spread}) | ${p.baselineMs.toFixed(1)} (${p.baselineSpread}) | **${p.ratio.toFixed(2)}×** | ${r.n === LARGEST ? `≤ ${TARGETS[p.part]}×: **${met[p.part] ? 'met' : 'missed'}**` : ''} |`,
      ),
    ),
    '',
    `| N | ${subgraphs.map((s) => `SQL / request (${s})`).join(' | ')} | response (bytes) |`,
    `| ---: | ${subgraphs.map(() => '---:').join(' | ')} | ---: |`,
    ...results.map((r) => `| ${fmt(r.n)} | ${subgraphs.map((s) => r.sql[s] ?? 0).join(' | ')} | ${fmt(r.hubBytes)} |`),
    '',
    `SQL statements per request do not grow with N: **${sqlFlat ? 'met' : 'missed'}**.`,
    '',
    '| N | B1 subgraph (ms) | HTTP floor, same bytes (ms) | raw baseline (ms) | B1 ratio | above the floor |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.flatMap((r) =>
      r.pairs
        .filter((p) => p.floor)
        .map(
          (p) =>
            `| ${fmt(r.n)} | ${p.ms.toFixed(1)} | ${p.floor!.ms.toFixed(1)} (${p.floor!.spread}) | ${p.baselineMs.toFixed(1)} | ${p.ratio.toFixed(2)}× | **${p.floor!.aboveRatio.toFixed(2)}×** |`,
        ),
    ),
    ...(frames.length
      ? [
          '',
          `Top frames by self time during the measured requests of a run with every service under \`--cpu-prof\` (\`BENCH_PROFILE=1\`, ${PROFILE ? 'this run' : 'test/bench/results/data-layer-profile.json'}):`,
          '',
          ...frames.flatMap((f) => [
            `- **${f.service}**: busy ${(f.busyMs / 1000).toFixed(1)} s`,
            ...f.frames.slice(0, 8).map((x) => `  - ${(x.share * 100).toFixed(1)} % ${x.selfMs.toFixed(0)} ms \`${x.frame}\``),
          ]),
        ]
      : []),
  ].join('\n');
  console.log(`\n${table}\n`);
  if (PROFILE) {
    for (const f of frames) {
      console.log(`\n${f.service}: busy ${(f.busyMs / 1000).toFixed(1)} s`);
      for (const x of f.frames)
        console.log(`  ${(x.share * 100).toFixed(1).padStart(5)} %  ${x.selfMs.toFixed(0).padStart(6)} ms  ${x.frame}`);
    }
    console.log(`\nprofiles in ${profiles}; not published (times under the profiler are not comparable)`);
  } else {
    publish('data-layer', table, { machine: machine(), rounds: ROUNDS, generated: gen!, results, targets: { ...TARGETS, met, sqlFlat } });
  }
  console.log(`run time ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
