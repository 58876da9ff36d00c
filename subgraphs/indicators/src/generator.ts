// Full-size data for benchmarks: the catalogue grown to 200 indicators (the demo's plus synthetic ones at
// commune level) and ten years (2016–2025) of values for every commune-level unit valid in each period (the
// former communes and districts before July 2025, the merged communes after), for every period type each
// indicator allows, with its disaggregations. Values are a fixed arithmetic hash of their keys: the same
// database on every run. Runs in PostgreSQL (INSERT … SELECT over generate_series-built plans), primary key
// dropped during the load and rebuilt after (as the migrations define it, value columns included). Needs a database the subgraph has migrated and seeded.
import { Client } from 'pg';
import { INDICATORS } from './seed/catalogue';
import { parsePeriod, periodsBetween, PERIODICITIES, type Periodicity } from './periods';

const FIRST_YEAR = 2016;
const LAST_YEAR = 2025;

/** Synthetic indicators: G001… (monthly, quarterly or yearly; none, SEX or AREA breakdowns). */
function syntheticIndicators(count: number): { code: string; types: Periodicity[]; dims: string; max: number | null }[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 18 < 7 ? 'M' : i % 18 < 12 ? 'Q' : 'Y';
    const types: Periodicity[] = kind === 'M' ? ['MONTH', 'QUARTER', 'YEAR'] : kind === 'Q' ? ['QUARTER', 'YEAR'] : ['YEAR'];
    return {
      code: `G${String(i + 1).padStart(3, '0')}`,
      types,
      dims: ['', 'SEX', 'AREA', 'SEX', 'AREA', 'SEX', 'AREA', 'SEX'][i % 8],
      max: null,
    };
  });
}

export async function generate(
  dbUrl: string,
  opts: { indicators?: number; log?: (m: string) => void } = {},
): Promise<{ values: number; seconds: number }> {
  const log = opts.log ?? (() => undefined);
  const t0 = Date.now();
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const synthetic = syntheticIndicators(Math.max(0, (opts.indicators ?? 200) - INDICATORS.length));
    await c.query('begin');
    await c.query(`delete from indicator where code like 'G%'`);
    await c.query(
      `insert into indicator (id, created_at, updated_at, version, num, code, group_code, name, name_en, unit, periodicities, levels, dimensions, aggregation, agency_code, search_text)
       select gen_random_uuid(), now(), now(), 1, $1::int + n, code, '99', 'Chỉ tiêu tổng hợp ' || code, 'Synthetic indicator ' || code, 'đơn vị',
              types::jsonb, '["COMMUNE"]'::jsonb, dims::jsonb, 'SUM', 'TK-04', lower(code)
       from unnest($2::text[], $3::text[], $4::text[]) with ordinality as s(code, types, dims, n)`,
      [
        INDICATORS.length,
        synthetic.map((s) => s.code),
        synthetic.map((s) => JSON.stringify(s.types)),
        synthetic.map((s) => JSON.stringify(s.dims ? [s.dims] : [])),
      ],
    );
    for (const key of ['SEX=FEMALE', 'SEX=MALE', 'AREA=RURAL', 'AREA=URBAN']) {
      await c.query(`insert into category_combo (key, dims) values ($1, $2) on conflict (key) do nothing`, [key, key.split('=')[0]]);
    }
    // The plan: one row per indicator × stored period type, at its collection level, with its dimensions.
    const plan: { num: number; type: Periodicity; level: string; dims: string; max: number | null }[] = [];
    INDICATORS.forEach((ind, i) => {
      if (ind.formula) return;
      const level = ind.levels.includes('COMMUNE') ? 'COMMUNE' : 'PROVINCE';
      for (const type of ind.periodicities) {
        plan.push({ num: i + 1, type, level, dims: '', max: ind.max ?? null });
        for (const d of ind.dimensions ?? []) plan.push({ num: i + 1, type, level, dims: d, max: ind.max ?? null });
      }
    });
    synthetic.forEach((s, i) => {
      for (const type of s.types) {
        plan.push({ num: INDICATORS.length + i + 1, type, level: 'COMMUNE', dims: '', max: null });
        if (s.dims) plan.push({ num: INDICATORS.length + i + 1, type, level: 'COMMUNE', dims: s.dims, max: null });
      }
    });
    const periods = PERIODICITIES.flatMap((type) => periodsBetween(type, parsePeriod(String(FIRST_YEAR)), parsePeriod(String(LAST_YEAR))));
    await c.query('create temp table gen_plan (num int, ptype text, level text, dims text, vmax float8) on commit drop');
    await c.query('insert into gen_plan select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[])', [
      plan.map((p) => p.num),
      plan.map((p) => p.type),
      plan.map((p) => p.level),
      plan.map((p) => p.dims),
      plan.map((p) => p.max),
    ]);
    await c.query('create temp table gen_period (key int, ptype text, pend date) on commit drop');
    await c.query('insert into gen_period select * from unnest($1::int[], $2::text[], $3::date[])', [
      periods.map((p) => p.key),
      periods.map((p) => p.type),
      periods.map((p) => p.end),
    ]);
    await c.query('truncate indicator_value, value_change');
    await c.query('alter table indicator_value drop constraint indicator_value_pkey');
    log(`plan: ${plan.length} indicator × period-type rows, ${periods.length} periods`);
    const res = await c.query(
      `insert into indicator_value (indicator, period, unit, combo, value, status, upload, updated_at)
       select g.num, p.key, l.descendant, cc.id,
              case when g.vmax is null then 100 + ((g.num * 7919 + p.key * 31 + l.descendant * 131 + cc.id * 17) % 10007) / 10.0
                   else ((g.num * 7919 + p.key * 31 + l.descendant * 131 + cc.id * 17) % (g.vmax::int * 10)) / 10.0 end,
              case when p.pend >= date '2025-07-01' then 0 else 1 end, 0, now()
       from gen_plan g
       join gen_period p on p.ptype = g.ptype
       join unit_key pk on pk.code = '04'
       join unit_rollup l on l.ancestor = pk.id and p.pend between l.valid_from and l.valid_to
            and ((g.level = 'COMMUNE' and l.depth > 0 and l.level = 'COMMUNE') or (g.level = 'PROVINCE' and l.depth = 0))
       join category_combo cc on (g.dims = '' and cc.id = 0) or (g.dims <> '' and cc.dims = g.dims)`,
    );
    log(`inserted ${res.rowCount} values in ${((Date.now() - t0) / 1000).toFixed(1)} s; building the primary key`);
    await c.query(
      'alter table indicator_value add constraint indicator_value_pkey primary key (indicator, period, unit, combo) include (value, status, updated_at, upload)',
    );
    await c.query('commit');
    // Vacuum, not only analyze: the visibility map lets reads be index-only scans at once, as autovacuum would
    // make them a little later.
    await c.query('vacuum analyze indicator_value');
    await c.query('analyze unit_rollup');
    return { values: res.rowCount ?? 0, seconds: (Date.now() - t0) / 1000 };
  } catch (e) {
    await c.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}
