// The analytics store: every read and write of values is one parameterised SQL statement over the compact
// tables (the kit's raw-SQL path), grouped in PostgreSQL. Nothing here loads rows into entities: each statement's
// rows have a type of their own.
import type { EntityManager } from '@mikro-orm/postgresql';
import { currentChangeScope, recordChange, requireChangeReason, sql, type Sql } from '@hub/kit';
import { msg } from '@hub/schema';
import { UnitTree, type Succession, type UnitVersion } from '../unit-tree';
import type { Level } from '../rules';

/** SQL time of the current request, summed (the subgraph reports it in a response header for the benchmark). */
export class SqlTimer {
  ms = 0;
  async time<T>(fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.ms += performance.now() - t;
    }
  }
}

export interface Mirror {
  tree: UnitTree;
  keyOf: Map<string, number>;
  codeOf: Map<number, string>;
}

const mirrors = new WeakMap<object, { at: number; mirror: Promise<Mirror> }>();
const MIRROR_TTL_MS = 60_000;

async function readMirror(db: Sql): Promise<Mirror> {
  const versions = (
    await db.rows<{ code: string; name: string; level: Level; parent_code: string | null; vf: string; vt: string }>(
      `select code, name, level, parent_code, to_char(valid_from, 'YYYY-MM-DD') vf, to_char(valid_to, 'YYYY-MM-DD') vt from unit_version`,
    )
  ).map((r): UnitVersion => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    validFrom: r.vf === '0001-01-01' ? null : r.vf,
    validTo: r.vt === '9999-12-31' ? null : r.vt,
  }));
  const successions = (
    await db.rows<{ predecessor: string; successor: string; d: string }>(
      `select predecessor, successor, to_char(effective_date, 'YYYY-MM-DD') d from unit_succession`,
    )
  ).map((r): Succession => ({ predecessor: r.predecessor, successor: r.successor, effectiveDate: r.d }));
  const keys = await db.rows<{ id: number; code: string }>('select id, code from unit_key');
  return {
    tree: new UnitTree(versions, successions),
    keyOf: new Map(keys.map((k) => [k.code, k.id])),
    codeOf: new Map(keys.map((k) => [k.id, k.code])),
  };
}

/** The unit tree and unit keys, read once a minute per process (the mirror changes when the directory does). */
export function loadMirror(em: EntityManager, fresh = false): Promise<Mirror> {
  const conn = em.getConnection();
  const cached = mirrors.get(conn);
  if (!fresh && cached && Date.now() - cached.at < MIRROR_TTL_MS) return cached.mirror;
  const mirror = readMirror(sql(em));
  mirrors.set(conn, { at: Date.now(), mirror });
  mirror.catch(() => mirrors.delete(conn));
  return mirror;
}

/**
 * Replaces the mirror of the unit tree (versions, successions, and the roll-up closure) in one transaction.
 * Unit keys are kept (values refer to them); new codes get new keys.
 */
export async function replaceMirror(
  em: EntityManager,
  versions: readonly UnitVersion[],
  successions: readonly Succession[],
): Promise<void> {
  const tree = new UnitTree(versions, successions);
  const links = tree.rollupLinks();
  await sql(em).transaction(async (tx) => {
    await tx.run('insert into unit_key (code) select unnest($1::text[]) on conflict (code) do nothing', [
      [...new Set(versions.map((v) => v.code))],
    ]);
    await tx.run('delete from unit_version');
    await tx.run('delete from unit_succession');
    await tx.run('delete from unit_rollup');
    await tx.run(
      `insert into unit_version (code, valid_from, valid_to, name, level, parent_code)
       select * from unnest($1::text[], $2::date[], $3::date[], $4::text[], $5::text[], $6::text[])`,
      [
        versions.map((v) => v.code),
        versions.map((v) => v.validFrom ?? '0001-01-01'),
        versions.map((v) => v.validTo ?? '9999-12-31'),
        versions.map((v) => v.name),
        versions.map((v) => v.level),
        versions.map((v) => v.parentCode),
      ],
    );
    await tx.run(
      'insert into unit_succession (predecessor, successor, effective_date) select * from unnest($1::text[], $2::text[], $3::date[])',
      [successions.map((s) => s.predecessor), successions.map((s) => s.successor), successions.map((s) => s.effectiveDate)],
    );
    await tx.run(
      `insert into unit_rollup (ancestor, descendant, valid_from, valid_to, level, depth)
       select a.id, d.id, l.vf, l.vt, l.level, l.depth
       from unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::int[]) as l(anc, des, vf, vt, level, depth)
       join unit_key a on a.code = l.anc join unit_key d on d.code = l.des
       on conflict do nothing`,
      [
        links.map((l) => l.ancestor),
        links.map((l) => l.descendant),
        links.map((l) => l.validFrom),
        links.map((l) => l.validTo),
        links.map((l) => l.level),
        links.map((l) => l.depth),
      ],
    );
  });
  mirrors.delete(em.getConnection());
}

/** One cell group to read: an indicator for a unit, from the unit itself (`SELF`) or rolled up from a level below. */
export interface ReadRequest {
  indicator: number;
  unit: number;
  mode: 'SELF' | Level;
  aggregation: 'SUM' | 'WEIGHTED_AVERAGE' | 'NONE';
  weight: number;
  dims: string;
}

export interface ReadRow {
  indicator: number;
  unit: number;
  period: number;
  combo: number;
  value: number | null;
  n: number;
  weighted: number;
  /** Status, time and upload: null when read without detail (values only, for a matrix). */
  status: number | null;
  /** Epoch milliseconds: cheaper to read 20,000 times than a Date; made a Date only for rows that are shown. */
  updatedAt: number | null;
  upload: number | null;
}

/**
 * Reads values for every request × period: the values stored for the unit itself, or those of the units at the
 * requested level under it on the period's last day, summed or weight-averaged, grouped by category combination.
 * Without `detail`, only the values (and roll-up counts) are read: a matrix shows nothing else, and for 18,690
 * values the three columns less are about a third of the rows' parsing.
 */
export async function readValues(
  em: EntityManager,
  timer: SqlTimer,
  requests: readonly ReadRequest[],
  periods: readonly { key: number; end: string }[],
  detail = true,
): Promise<ReadRow[]> {
  if (!requests.length || !periods.length) return [];
  const own = requests.filter((r) => r.mode === 'SELF');
  const rolled = requests.filter((r) => r.mode !== 'SELF');
  const rows: ReadRow[] = [];
  if (own.length) rows.push(...(await readOwn(em, timer, own, periods, detail)));
  if (rolled.length) rows.push(...(await readRolledUp(em, timer, rolled, periods, detail)));
  return rows;
}

/** A timestamp as epoch milliseconds (a float8 parses far faster than a timestamptz into a Date). */
const EPOCH_MS = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** A row of either read statement (roll-up counts only when rolled up, detail columns only when asked). */
interface ValueRow {
  ind: number;
  unit: number;
  period: number;
  combo: number;
  value: number | null;
  n?: number;
  weighted?: number;
  status?: number | null;
  updated_at?: number | null;
  upload?: number | null;
}

const rowOf = (r: ValueRow): ReadRow => ({
  indicator: r.ind,
  unit: r.unit,
  period: r.period,
  combo: r.combo,
  value: r.value == null ? null : Number(r.value),
  n: r.n ?? 1,
  weighted: r.weighted ?? 0,
  status: r.status ?? null,
  updatedAt: r.updated_at ?? null,
  upload: r.upload == null ? null : Number(r.upload),
});

/**
 * The values stored for the units themselves: one index-only range scan over (indicator, period) (the primary
 * key includes the value columns), joined to the units asked for; no grouping (a stored value is its own total).
 * Only units valid on a period's last day can hold a value for it (writes are checked), so no validity join is
 * needed. The category combinations of the wanted dimensions are a few rows joined by hash, not looked up once
 * per value.
 */
async function readOwn(
  em: EntityManager,
  timer: SqlTimer,
  requests: readonly ReadRequest[],
  periods: readonly { key: number }[],
  detail: boolean,
): Promise<ReadRow[]> {
  // The planner chooses, with the real parameters: for many units, one index-only range scan per (indicator,
  // period) hash-joined to the units (a materialized CTE used to force this when each value cost a heap page; it
  // now only copies 18,690 rows once more, ~15 ms); for few units, a lookup of each.
  const text = `
    with r as (select distinct * from unnest($1::int[], $2::int[], $3::text[]) as r(ind, unit, dims)),
         c as materialized (select id, dims from category_combo where dims = any($3::text[])),
         v as not materialized (
           select * from indicator_value where indicator = any($4::int[]) and period = any($5::int[]))
    select v.indicator as ind, v.unit, v.period, v.combo, v.value
           ${detail ? `, v.status::int as status, ${EPOCH_MS('v.updated_at')} as updated_at, v.upload` : ''}
    from v
    join r on r.ind = v.indicator and r.unit = v.unit
    join c on c.id = v.combo and c.dims = r.dims`;
  const params = [
    requests.map((r) => r.indicator),
    requests.map((r) => r.unit),
    requests.map((r) => r.dims),
    [...new Set(requests.map((r) => r.indicator))],
    periods.map((p) => p.key),
  ];
  return (await timer.time(() => sql(em).rows<ValueRow>(text, params))).map(rowOf);
}

/**
 * Values rolled up from the units at the requested level under each unit on the period's last day, summed or
 * weight-averaged (the weight joins only when some request needs one), grouped by category combination.
 */
async function readRolledUp(
  em: EntityManager,
  timer: SqlTimer,
  requests: readonly ReadRequest[],
  periods: readonly { key: number; end: string }[],
  detail: boolean,
): Promise<ReadRow[]> {
  const weighted = requests.some((r) => r.aggregation === 'WEIGHTED_AVERAGE' && r.weight > 0);
  const weight = weighted ? 'coalesce(w1.value, w2.value)' : 'null::float8';
  const text = `
    with r as (select * from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::int[], $6::text[]) as r(ind, unit, mode, agg, wind, dims)),
         p as (select * from unnest($7::int[], $8::date[]) as p(period, pend)),
         c as materialized (select id, dims from category_combo where dims = any($6::text[]))
    select r.ind, r.unit, p.period, v.combo,
           case when r.agg = 'WEIGHTED_AVERAGE'
                then sum(v.value * ${weight}) / nullif(sum(${weight}), 0)
                else sum(v.value) end as value,
           count(*)::int as n,
           count(${weight})::int as weighted
           ${detail ? `, min(v.status)::int as status, ${EPOCH_MS('max(v.updated_at)')} as updated_at, max(v.upload) as upload` : ''}
    from r cross join p
    join unit_rollup l on l.ancestor = r.unit and p.pend between l.valid_from and l.valid_to
         and l.depth > 0 and l.level = r.mode
    join indicator_value v on v.indicator = r.ind and v.period = p.period and v.unit = l.descendant
    join c on c.id = v.combo and c.dims = r.dims
    ${
      weighted
        ? `left join indicator_value w1 on r.wind > 0 and w1.indicator = r.wind and w1.period = p.period and w1.unit = v.unit and w1.combo = 0
    left join indicator_value w2 on r.wind > 0 and w1.value is null and w2.indicator = r.wind
         and w2.period = (p.period / 100) * 100 + 40 and w2.unit = v.unit and w2.combo = 0`
        : ''
    }
    group by r.ind, r.unit, r.mode, r.agg, p.period, v.combo`;
  const params = [
    requests.map((r) => r.indicator),
    requests.map((r) => r.unit),
    requests.map((r) => r.mode),
    requests.map((r) => r.aggregation),
    requests.map((r) => r.weight),
    requests.map((r) => r.dims),
    periods.map((p) => p.key),
    periods.map((p) => p.end),
  ];
  return (await timer.time(() => sql(em).rows<ValueRow>(text, params))).map(rowOf);
}

const combos = new WeakMap<object, Map<string, { id: number; dims: string }>>();
const comboKeys = new WeakMap<object, Promise<Map<number, string>>>();

/**
 * All category combinations (few: the catalogue's dimensions), by id. Kept per process: a combination is never
 * changed or removed, so the table is read again only when a value names an id not seen yet (`fresh`).
 */
export function comboTable(em: EntityManager, fresh = false): Promise<Map<number, string>> {
  const conn = em.getConnection();
  const cached = comboKeys.get(conn);
  if (cached && !fresh) return cached;
  const table = sql(em)
    .rows<{ id: number; key: string }>('select id, key from category_combo')
    .then((rows) => new Map(rows.map((r) => [r.id, r.key])));
  comboKeys.set(conn, table);
  table.catch(() => comboKeys.get(conn) === table && comboKeys.delete(conn));
  return table;
}

/** Ids of these combination keys, created when new (in `db`'s transaction). */
async function comboIds(db: Sql, keys: readonly string[]): Promise<Map<string, number>> {
  const conn = db.em.getConnection();
  let known = combos.get(conn);
  if (!known) combos.set(conn, (known = new Map()));
  const missing = [...new Set(keys)].filter((k) => !known!.has(k));
  if (missing.length) {
    await db.run(
      `insert into category_combo (key, dims) select k, coalesce((select string_agg(split_part(x, '=', 1), '|' order by x) from unnest(string_to_array(nullif(k, ''), '|')) x), '')
       from unnest($1::text[]) k on conflict (key) do nothing`,
      [missing],
    );
    const rows = await db.rows<{ id: number; key: string; dims: string }>(
      'select id, key, dims from category_combo where key = any($1::text[])',
      [missing],
    );
    for (const r of rows) known.set(r.key, { id: r.id, dims: r.dims });
  }
  return new Map(keys.map((k) => [k, known!.get(k)!.id]));
}

export interface WriteRow {
  indicator: number;
  period: number;
  unit: number;
  combo: string;
  value: number;
  status: number;
}

const BATCH = 10_000;

/**
 * A numeric array as PostgreSQL's array literal (`{1,2,3}`), sent as one text parameter: pg's generic array
 * encoding escapes element by element, ~15 ms per 60,000 numbers of a 10,000-value batch; a join is ~1 ms.
 */
const numbers = (xs: readonly number[]) => `{${xs.join(',')}}`;

/**
 * Inserts or replaces values in one transaction, in batches of 10,000 rows per statement: each statement reads
 * the old values, upserts, and appends one `value_change` row per value (data-modifying CTEs see the table as it
 * was before the statement). One `value_upload` row and one change-history record (the kit's `recordChange`)
 * record the upload itself.
 */
export async function writeValues(
  em: EntityManager,
  rows: readonly WriteRow[],
  meta: { source: string | null; reason: string | null },
): Promise<{ upload: number; inserted: number; updated: number; unchanged: number }> {
  const scope = currentChangeScope();
  return sql(em).transaction(async (tx) => {
    const ids = await comboIds(
      tx,
      rows.map((r) => r.combo),
    );
    const [{ id: upload }] = await tx.rows<{ id: number }>(
      `insert into value_upload (account_id, agency, request_id, source, reason, count, at) values ($1, $2, $3, $4, $5, $6, now()) returning id`,
      [
        scope?.accountId ?? null,
        scope?.agency ?? null,
        scope?.requestId ?? null,
        meta.source,
        meta.reason ?? scope?.reason ?? null,
        rows.length,
      ],
    );
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    let official = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const [res] = await tx.rows<{ written: number; updated: number; unchanged: number; official: number }>(
        `with input as (
           select * from unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::float8[], $6::smallint[]) as t(indicator, period, unit, combo, value, status)
         ), old as (
           select v.indicator, v.period, v.unit, v.combo, v.value, v.status from indicator_value v
           join input i using (indicator, period, unit, combo)
         ), up as (
           insert into indicator_value (indicator, period, unit, combo, value, status, upload, updated_at)
           select indicator, period, unit, combo, value, status, $7, now() from input
           on conflict (indicator, period, unit, combo) do update
             set value = excluded.value, status = excluded.status, upload = excluded.upload, updated_at = excluded.updated_at
           returning 1
         ), log as (
           insert into value_change (upload, indicator, period, unit, combo, before, after, before_status, after_status)
           select $7, i.indicator, i.period, i.unit, i.combo, o.value, i.value, o.status, i.status
           from input i left join old o using (indicator, period, unit, combo)
           returning before, after, before_status, after_status
         )
         select (select count(*) from up)::int as written, (select count(*) from log where before_status is not null)::int as updated,
           (select count(*) from log where before_status = after_status and before is not distinct from after)::int as unchanged,
           (select count(*) from log where before_status = 1 and (before is distinct from after or after_status <> 1))::int as official`,
        [
          numbers(batch.map((r) => r.indicator)),
          numbers(batch.map((r) => r.period)),
          numbers(batch.map((r) => r.unit)),
          numbers(batch.map((r) => ids.get(r.combo)!)),
          numbers(batch.map((r) => r.value)),
          numbers(batch.map((r) => r.status)),
          upload,
        ],
      );
      updated += res.updated - res.unchanged;
      unchanged += res.unchanged;
      inserted += res.written - res.updated;
      official += res.official;
    }
    // Official figures are approved data: changing one (its value, or its status back to provisional) needs the
    // request's reason, as any approved record's change does; without it the whole upload is rolled back. (Outside a
    // request, a seed or a script, no change is recorded and no reason asked, as for every other write.)
    if (official > 0 && scope)
      requireChangeReason(
        msg(
          `official data (${official} value${official === 1 ? '' : 's'} of this upload)`,
          `dữ liệu chính thức (${official} giá trị của lần ghi này)`,
        ),
        scope,
      );
    // The values themselves are in value_change; the upload's record says how many, from where, and points there.
    await recordChange(tx.em, {
      type: 'ValueUpload',
      id: String(upload),
      operation: 'CREATE',
      fields: {
        values: {
          after: { count: rows.length, inserted, updated, unchanged, source: meta.source, detail: 'value_change' },
          as: 'INTERNAL',
        },
      },
    });
    return { upload, inserted, updated, unchanged };
  });
}

/** Sources of uploads, by id. */
export async function uploadSources(em: EntityManager, ids: readonly number[]): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const rows = await sql(em).rows<{ id: number; source: string | null }>('select id, source from value_upload where id = any($1::int[])', [
    [...new Set(ids)],
  ]);
  return new Map(rows.map((r) => [r.id, r.source]));
}
