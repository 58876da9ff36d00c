// The data layer: lists of N records with two nested references (accommodation → commune → its parent), through
// the gateway over HTTP, against the same rows read with raw `pg` from the two databases, joined in JS and
// serialised with JSON.stringify. Prints both medians, their ratio, the SQL statements each subgraph sent per
// request (they must not grow with N) and the response size.
//   npm run bench:data-layer -w @hub/e2e      (target: hub within 3× of raw pg + JSON.stringify at N = 10,000)
//   BENCH_ROUNDS (default 7), BENCH_SIZES (default 1000,10000), BENCH_PROFILE=1 (every service under --cpu-prof,
//   top frames printed and published)
import { freePortRun } from '@hub/infra/ports';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import { startHub, type Hub } from '@hub/infra';
import { REPO_ROOT } from '@hub/schema';
import { machine, median, publish, spread } from './lib';
import { topFrames, type Frame } from './profile';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const LARGEST = Math.max(...SIZES);
const PROFILE = process.env.BENCH_PROFILE === '1';
const TARGET_RATIO = 3;

const QUERY = `query DataLayer($n: Int!) {
  accommodations(first: $n) { nodes { code name type commune { code name parent { code name } } } }
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
    const codes = (await directory.query<{ code: string }>(`select distinct code from administrative_unit where level = 'COMMUNE' order by code`)).rows.map((r) => r.code);
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
  const rows = (await tourism.query<{ code: string; name: string; type: string; commune_code: string }>(
    'select code, name, type, commune_code from accommodation_establishment order by code limit $1', [n],
  )).rows;
  const communeCodes = [...new Set(rows.map((r) => r.commune_code))];
  // As the directory resolves a reference by code: the current version, or the most recent one if retired.
  const communes = (await directory.query<{ id: string; code: string; name: string; parent_id: string | null }>(
    `select distinct on (u.code) u.id, u.code, u.name, u.parent_id from administrative_unit u where u.code = any($1)
     order by u.code, (u.valid_to is null) desc, u.valid_to desc, u.valid_from desc nulls last`, [communeCodes],
  )).rows;
  const parentIds = [...new Set(communes.map((c) => c.parent_id).filter((id): id is string => id !== null))];
  const parents = (await directory.query<{ id: string; code: string; name: string }>('select id, code, name from administrative_unit where id = any($1)', [parentIds])).rows;
  const parentById = new Map(parents.map((p) => [p.id, { code: p.code, name: p.name }]));
  const communeByCode = new Map(communes.map((c) => [c.code, { code: c.code, name: c.name, parent: c.parent_id ? parentById.get(c.parent_id) ?? null : null }]));
  const nodes: Node[] = rows.map((r) => ({ code: r.code, name: r.name, type: r.type, commune: communeByCode.get(r.commune_code) ?? null }));
  return JSON.stringify({ data: { accommodations: { nodes } } });
}

async function throughHub(url: string, n: number): Promise<string> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { n } }) });
  const text = await r.text();
  if (!r.ok) throw new Error(`hub answered ${r.status}: ${text.slice(0, 500)}`);
  return text;
}

/** Each subgraph's `hub_sql_statements_total`. */
async function sqlCounts(hub: Hub): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(hub.subgraphUrls)) {
    const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
    out[name] = Number(/^hub_sql_statements_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
  }
  return out;
}

interface SizeResult {
  n: number;
  hubMs: number;
  rawMs: number;
  ratio: number;
  hubSpread: string;
  rawSpread: string;
  hubRounds: number[];
  rawRounds: number[];
  /** SQL statements per request, per subgraph that sent any. */
  sql: Record<string, number>;
  hubBytes: number;
  rawBytes: number;
}

async function measure(hub: Hub, url: string, tourism: Pool, directory: Pool, n: number): Promise<SizeResult> {
  // The answers agree, node for node.
  const hubText = await throughHub(url, n);
  const hubBody = JSON.parse(hubText) as { data?: unknown; errors?: unknown[] };
  if (hubBody.errors) throw new Error(`hub errors: ${JSON.stringify(hubBody.errors).slice(0, 500)}`);
  const rawText = await raw(tourism, directory, n);
  if (!isDeepStrictEqual(hubBody.data, (JSON.parse(rawText) as { data: unknown }).data)) throw new Error(`N = ${n}: the hub's answer differs from the raw one`);
  if ((hubBody.data as { accommodations: { nodes: unknown[] } }).accommodations.nodes.length !== n) throw new Error(`N = ${n}: fewer nodes than asked`);

  // SQL statements of one request, per subgraph (nothing else is in flight).
  const before = await sqlCounts(hub);
  await throughHub(url, n);
  const after = await sqlCounts(hub);
  const sql = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]).filter(([, d]) => d !== 0));

  await raw(tourism, directory, n); // warm-up of the raw side (the hub's ran above)
  const hubRounds: number[] = [];
  const rawRounds: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternating which side goes first, so drift of the shared machine hits both alike.
    for (const side of i % 2 ? (['raw', 'hub'] as const) : (['hub', 'raw'] as const)) {
      const t = performance.now();
      if (side === 'hub') await throughHub(url, n);
      else await raw(tourism, directory, n);
      (side === 'hub' ? hubRounds : rawRounds).push(performance.now() - t);
    }
  }
  const hubMs = median(hubRounds);
  const rawMs = median(rawRounds);
  const r = { n, hubMs, rawMs, ratio: hubMs / rawMs, hubSpread: spread(hubRounds), rawSpread: spread(rawRounds), hubRounds, rawRounds, sql, hubBytes: Buffer.byteLength(hubText), rawBytes: Buffer.byteLength(rawText) };
  console.log(`N = ${n}: hub ${hubMs.toFixed(1)} ms (${r.hubSpread}), raw ${rawMs.toFixed(1)} ms (${r.rawSpread}), ratio ${r.ratio.toFixed(2)}, SQL per request ${JSON.stringify(sql)}, ${r.hubBytes} bytes`);
  return r;
}

/** Each service's top frames by self time (profiles written by `--cpu-prof` when the services stopped). */
function profileFrames(dir: string, fromUs: number): { service: string; busyMs: number; frames: Frame[] }[] {
  const out = [];
  for (const file of readdirSync(dir).sort()) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Parameters<typeof topFrames>[0] & { nodes: { callFrame: { url: string } }[] };
    const { busyMs, frames } = topFrames(profile, Number(process.env.PROFILE_TOP ?? 12), fromUs);
    if (busyMs < 200) continue;
    const main = profile.nodes.map((x) => x.callFrame.url).find((u) => /\/(gateway|subgraphs\/[^/]+)\/src\/main\.ts$/.test(u));
    out.push({ service: main ? relative(REPO_ROOT, main.replace('file://', '')).replace(/\/src\/main\.ts$/, '') : file, busyMs, frames });
  }
  return out.sort((a, b) => b.busyMs - a.busyMs);
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  chmodSync(dir, 0o755);
  const profiles = join(dir, 'profiles');
  const base = await freePortRun(20);
  const hub = await startHub({
    dataDir: dir, pgPort: base, gatewayPort: base + 1, subgraphBasePort: base + 10, seed: 'demo',
    // One request returns the largest list: the page-size cap and the query-cost limit raised to fit it.
    gatewayEnv: { LOG_LEVEL: 'warn', HUB_RATE_LIMITS: 'off', HUB_MAX_COST: String(LARGEST * 100) },
    subgraphEnv: { LOG_LEVEL: 'warn', HUB_MAX_PAGE_SIZE: String(LARGEST) },
    nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : undefined,
  });
  const results: SizeResult[] = [];
  let gen: { communes: number; seconds: number };
  let measuredFrom = 0;
  const tourism = new Pool({ connectionString: dbUrl(hub, 'hub_culture_tourism'), max: 2 });
  const directory = new Pool({ connectionString: dbUrl(hub, 'hub_directory'), max: 2 });
  try {
    gen = await generate(hub);
    console.log(`generated ${LARGEST} accommodations over ${gen.communes} commune codes in ${gen.seconds.toFixed(1)} s`);
    const url = `${hub.gatewayUrl}/graphql`;
    for (let i = 0; i < 3; i++) await throughHub(url, Math.min(LARGEST, 1000)); // warm-up: JIT, pools, query plans
    measuredFrom = Number(process.hrtime.bigint() / 1000n);
    for (const n of SIZES) results.push(await measure(hub, url, tourism, directory, n));
  } finally {
    await Promise.all([tourism.end(), directory.end()]);
    await hub.stop();
  }
  // The top frames come from the last run under the profiler (BENCH_PROFILE=1 writes them to results/), so the
  // published times stay free of the profiler's overhead.
  const profileFile = join(REPO_ROOT, 'test/bench/results/data-layer-profile.json');
  const frames: { service: string; busyMs: number; frames: Frame[] }[] = PROFILE
    ? profileFrames(profiles, measuredFrom)
    : existsSync(profileFile) ? (JSON.parse(readFileSync(profileFile, 'utf8')) as { services: { service: string; busyMs: number; frames: Frame[] }[] }).services : [];
  if (PROFILE) writeFileSync(profileFile, `${JSON.stringify({ machine: machine(), sizes: SIZES, rounds: ROUNDS, services: frames }, null, 2)}\n`);
  if (!PROFILE) rmSync(dir, { recursive: true, force: true });

  const subgraphs = [...new Set(results.flatMap((r) => Object.keys(r.sql)))].sort();
  const largest = results.find((r) => r.n === LARGEST)!;
  const sqlFlat = subgraphs.every((s) => new Set(results.map((r) => r.sql[s] ?? 0)).size === 1);
  const met = largest.ratio <= TARGET_RATIO;
  const fmt = (n: number) => n.toLocaleString('en');
  const table = [
    '## The data layer: lists through the hub vs raw `pg` + `JSON.stringify`',
    '',
    `\`accommodations(first: N) { nodes { code name type commune { code name parent { code name } } } }\` through the gateway over HTTP`,
    '(PUBLIC caller, policy and audit on; the commune and its parent are resolved by the directory subgraph through federation),',
    'against the same rows read with raw `pg` (accommodations from the culture-tourism database, communes and their parents from the',
    'directory\'s: three statements, joined in JS by code and id) and serialised with `JSON.stringify`. Both answers are checked equal.',
    `${fmt(LARGEST)} generated accommodations over the demo directory's ${gen!.communes} commune codes; subgraphs started with \`HUB_MAX_PAGE_SIZE=${LARGEST}\`,`,
    `gateway with \`HUB_MAX_COST=${LARGEST * 100}\`. ${ROUNDS} rounds after a warm-up, sides alternating, medians (spread in brackets).`,
    `Machine: ${machine()}.${PROFILE ? ' **Run under `--cpu-prof`** (times inflated by the profiler).' : ''}`,
    '',
    `| N | hub (ms) | raw pg + JSON.stringify (ms) | ratio | ${subgraphs.map((s) => `SQL / request (${s})`).join(' | ')} | response (bytes) |`,
    `| ---: | ---: | ---: | ---: | ${subgraphs.map(() => '---:').join(' | ')} | ---: |`,
    ...results.map((r) => `| ${fmt(r.n)} | ${r.hubMs.toFixed(1)} (${r.hubSpread}) | ${r.rawMs.toFixed(1)} (${r.rawSpread}) | **${r.ratio.toFixed(2)}×** | ${subgraphs.map((s) => r.sql[s] ?? 0).join(' | ')} | ${fmt(r.hubBytes)} |`),
    '',
    `Targets: hub within ${TARGET_RATIO}× of raw at N = ${fmt(LARGEST)}: **${met ? 'met' : 'missed'}** (${largest.ratio.toFixed(2)}×); SQL statements per request do not grow with N: **${sqlFlat ? 'met' : 'missed'}**.`,
    ...(frames.length
      ? ['', `Top frames by self time during the measured requests of a run with every service under \`--cpu-prof\` (\`BENCH_PROFILE=1\`, ${PROFILE ? 'this run' : 'test/bench/results/data-layer-profile.json'}):`, '',
        ...frames.flatMap((f) => [`- **${f.service}**: busy ${(f.busyMs / 1000).toFixed(1)} s`, ...f.frames.slice(0, 8).map((x) => `  - ${(x.share * 100).toFixed(1)} % ${x.selfMs.toFixed(0)} ms \`${x.frame}\``)])]
      : []),
  ].join('\n');
  console.log(`\n${table}\n`);
  if (PROFILE) {
    for (const f of frames) {
      console.log(`\n${f.service}: busy ${(f.busyMs / 1000).toFixed(1)} s`);
      for (const x of f.frames) console.log(`  ${(x.share * 100).toFixed(1).padStart(5)} %  ${x.selfMs.toFixed(0).padStart(6)} ms  ${x.frame}`);
    }
    console.log(`\nprofiles in ${profiles}; not published (times under the profiler are not comparable)`);
  } else {
    publish('data-layer', table, { machine: machine(), rounds: ROUNDS, generated: gen!, results, targets: { ratio: TARGET_RATIO, met, sqlFlat } });
  }
  console.log(`run time ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
