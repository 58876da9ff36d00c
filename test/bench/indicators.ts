// The indicators analytics at full size: a province's ten years of values (generated, deterministic), queried
// through the gateway over HTTP. Prints the median total and the median SQL time (reported by the subgraph).
//   npm run bench:indicators -w @hub/e2e      (targets: (a)–(c) median ≤ 150 ms; (d) ≥ 20,000 values/s)
import { rmSync } from 'node:fs';
import { servicesOf } from './profile';
import { Client } from 'pg';
import { generate } from '@hub/indicators/generator';
import { parsePeriod, periodsBetween } from '@hub/indicators';
import { machine, median, publish, startBenchHub } from './lib';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

let measuredFrom = 0;

async function main(): Promise<void> {
  // BENCH_PROFILE=1: every service under --cpu-prof, top frames printed at the end (the figures are then slower).
  const { hub, dir, profiles } = await startBenchHub({ profile: !!process.env.BENCH_PROFILE });
  try {
    const dbUrl = new URL(hub.pg.adminUrl);
    dbUrl.pathname = '/hub_indicators';
    const gen = await generate(dbUrl.toString(), { log: (m) => console.log(`generator: ${m}`) });
    console.log(`generated ${gen.values} values in ${gen.seconds.toFixed(1)} s`);
    measuredFrom = Number(process.hrtime.bigint() / 1000n);
    const url = `${hub.gatewayUrl}/graphql`;
    const post = async (query: string, variables: unknown, token?: string) => {
      const t = performance.now();
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await r.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return { ms: performance.now() - t, data: body.data };
    };
    const months = periodsBetween('MONTH', parsePeriod('2016'), parsePeriod('2025')).map((p) => p.id);
    const DATA = `query($q: IndicatorDataQuery!) { indicatorData(query: $q) { sqlMs matrix { units periods series { indicator values } } } }`;
    const ROWS = `query($q: IndicatorDataQuery!) { indicatorData(query: $q) { sqlMs rows { indicator unit value status origin } } }`;
    const cases: { key: string; label: string; query: string; q: unknown; cells: (d: any) => number }[] = [
      {
        key: 'a',
        label: '(a) one indicator (monthly), all communes, 10 years (120 months), matrix',
        query: DATA,
        q: { indicators: ['G001'], periods: months, units: { under: '04', level: 'COMMUNE' } },
        cells: (d) =>
          d.indicatorData.matrix.series.reduce((n: number, s: any) => n + s.values.flat().filter((v: unknown) => v != null).length, 0),
      },
      {
        key: 'b',
        label: '(b) 20 indicators for the province, rolled up from communes, one year (2024), rows',
        query: ROWS,
        q: {
          indicators: Array.from({ length: 20 }, (_, i) => `G${String(i + 1).padStart(3, '0')}`),
          periods: ['2024'],
          units: { codes: ['04'] },
        },
        cells: (d) => d.indicatorData.rows.length,
      },
      {
        key: 'c',
        label: '(c) derived indicator (density = population / area) over 5 years for all units, rows',
        query: ROWS,
        q: {
          indicators: ['0202'],
          periods: ['2021', '2022', '2023', '2024', '2025'],
          units: { codes: ['04', '040', '042', '043', '045', '047', '048', '049', '051', '052', '053'], under: '04', level: 'COMMUNE' },
        },
        cells: (d) => d.indicatorData.rows.length,
      },
    ];
    const results: Record<string, { label: string; totalMs: number; sqlMs: number; cells: number; rounds: number[] }> = {};
    for (const c of cases) {
      await post(c.query, { q: c.q }); // warm-up
      const totals: number[] = [];
      const sqls: number[] = [];
      let cells = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const r = await post(c.query, { q: c.q });
        totals.push(r.ms);
        sqls.push(r.data.indicatorData.sqlMs);
        cells = c.cells(r.data);
      }
      results[c.key] = { label: c.label, totalMs: median(totals), sqlMs: median(sqls), cells, rounds: totals };
      console.log(`${c.label}: median ${median(totals).toFixed(0)} ms (SQL ${median(sqls).toFixed(0)} ms), ${cells} values`);
    }

    // (d) 100,000 values through the gateway. Its request body limit (1 MB) takes about 10,000 values per call,
    // so they go in 10 calls of 10,000, each all or nothing, one after the other.
    const signIn = await fetch(`${hub.gatewayUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: 'stc.editor', password: 'demo-password-2025' }),
    });
    const token = ((await signIn.json()) as { access_token: string }).access_token;
    // Communes that exist today (after the July 2025 reform), as the indicators' unit mirror knows them.
    const mirror = new Client({ connectionString: dbUrl.toString() });
    await mirror.connect();
    const communes: string[] = (
      await mirror.query(`select code from unit_version where level = 'COMMUNE' and valid_to >= date '2030-12-31' order by code`)
    ).rows.map((r) => r.code);
    await mirror.end();
    if (communes.length * 56 * 60 < 100_000) throw new Error(`only ${communes.length} current communes in the mirror`);
    const values: unknown[] = [];
    const monthsAhead = periodsBetween('MONTH', parsePeriod('2026'), parsePeriod('2030')).map((p) => p.id);
    for (let g = 1; values.length < 100_000; g++) {
      const code = `G${String(g).padStart(3, '0')}`;
      if ((g - 1) % 18 >= 7) continue; // monthly indicators only
      for (const period of monthsAhead)
        for (const unit of communes)
          values.push({ indicator: code, period, unit, value: 1000 + (values.length % 997), status: 'PROVISIONAL' });
    }
    values.length = 100_000;
    const UPSERT = `mutation($v: [IndicatorValueInput!]!) { upsertIndicatorValues(values: $v, source: "benchmark", reason: "benchmark") { inserted updated sqlMs } }`;
    const CHUNK = 10_000;
    const t0 = performance.now();
    let writeSql = 0;
    for (let i = 0; i < values.length; i += CHUNK) {
      const r = await post(UPSERT, { v: values.slice(i, i + CHUNK) }, token);
      writeSql += r.data.upsertIndicatorValues.sqlMs;
    }
    const seconds = (performance.now() - t0) / 1000;
    const rate = values.length / seconds;
    console.log(
      `(d) bulk upsert of 100,000 values: ${seconds.toFixed(2)} s, ${rate.toFixed(0)} values/s (subgraph service time ${(writeSql / 1000).toFixed(2)} s)`,
    );

    const table = [
      '## Indicators: analytics and bulk writes at full size',
      '',
      `Generated province: ${gen.values.toLocaleString('en')} values (200 indicators, 2016–2025, every commune-level unit valid in each period, each indicator's period types and disaggregations) in ${gen.seconds.toFixed(0)} s.`,
      `Through the gateway over HTTP (policy and audit on), ${ROUNDS} rounds after a warm-up, medians. SQL: time the indicators subgraph spent in PostgreSQL (reported in \`sqlMs\`).`,
      `Machine: ${machine()}. Targets: (a)–(c) median ≤ 150 ms; (d) ≥ 20,000 values/s.`,
      '',
      '| query | values | total (ms) | SQL (ms) |',
      '| --- | ---: | ---: | ---: |',
      ...Object.values(results).map((r) => `| ${r.label} | ${r.cells} | ${r.totalMs.toFixed(0)} | ${r.sqlMs.toFixed(0)} |`),
      '',
      `(d) bulk upsert of 100,000 values (10 calls of 10,000: the gateway's 1 MB body limit), each call one transaction with per-value history: **${rate.toFixed(0)} values/s** (${seconds.toFixed(2)} s; subgraph time ${(writeSql / 1000).toFixed(2)} s).`,
    ].join('\n');
    console.log(`\n${table}\n`);
    publish('indicators', table, {
      generated: gen,
      results,
      upsert: { values: values.length, seconds, rate, subgraphSeconds: writeSql / 1000 },
    });
  } finally {
    await hub.stop();
    if (profiles) {
      for (const sv of servicesOf(profiles, measuredFrom, 14)) {
        console.log(`\n${sv.service}: busy ${(sv.busyMs / 1000).toFixed(1)} s`);
        for (const f of sv.frames) console.log(`  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.frame}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
