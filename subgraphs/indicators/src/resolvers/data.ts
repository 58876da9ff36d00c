// Rows and matrices are built only when asked for: a matrix of 20,000 cells costs one array, not 20,000 objects.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { DataMatrix, DataRow, IndicatorData } from '../__generated__/resolvers-types';
import { parseCombo, type Cell, type DataResult } from '../services';
import type { Ctx } from './context';

/** A DataRow whose `source` is a promise of its upload's loader (GraphQL awaits it only when it is asked for). */
export type DataRowParent = Omit<DataRow, 'source'> & { source: Promise<string | null> | null };

/** IndicatorData whose rows and matrix are functions, built only when asked for (GraphQL calls function-valued fields). */
export type IndicatorDataParent = Omit<IndicatorData, 'rows' | 'matrix'> & { rows: () => DataRowParent[]; matrix: () => DataMatrix };

const STATUS = ['PROVISIONAL', 'OFFICIAL'] as const;

/** Whether the operation selects `field` directly under the field being resolved (through fragments too). */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === field
        : s.kind === Kind.INLINE_FRAGMENT
          ? within(s.selectionSet)
          : within(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((n) => within(n.selectionSet));
}

export function dataResult(r: DataResult, sqlMs: number, ctx: Ctx): IndicatorDataParent {
  return {
    notes: r.notes,
    sqlMs,
    rows: () => r.cells.map((c) => row(c, ctx)),
    matrix: () => matrix(r),
  };
}

export function row(c: Cell, ctx: Ctx): DataRowParent {
  return {
    indicator: c.indicator,
    period: c.period,
    unit: c.unit,
    categories: parseCombo(c.combo),
    value: c.value,
    status: c.status == null ? null : STATUS[c.status],
    origin: c.origin,
    unitsReported: c.unitsReported,
    previousYearValue: c.previousYearValue ?? null,
    changeOnPreviousYear: c.previousYearValue && c.value != null ? (c.value / c.previousYearValue) * 100 : null,
    source: c.upload && c.origin === 'STORED' ? ctx.loaders.uploadSource.load(c.upload) : null,
    updatedAt: c.updatedAt == null ? null : new Date(c.updatedAt),
    provenance: {
      dataset: { code: 'KTXH-CHITIEU' },
      updatedAt: c.updatedAt == null ? ctx.retrievedAt : new Date(c.updatedAt),
      retrievedAt: ctx.retrievedAt,
    },
  };
}

function matrix(r: DataResult): DataMatrix {
  const unitIx = new Map(r.units.map((u, i) => [u, i]));
  const periodIx = new Map(r.periods.map((p, i) => [p, i]));
  const series = new Map<
    string,
    { indicator: string; categories: { dimension: string; category: string }[]; values: (number | null)[][] }
  >();
  for (const c of r.cells) {
    const k = `${c.indicator}#${c.combo}`;
    let s = series.get(k);
    if (!s) {
      s = { indicator: c.indicator, categories: parseCombo(c.combo), values: r.units.map(() => r.periods.map(() => null)) };
      series.set(k, s);
    }
    s.values[unitIx.get(c.unit)!][periodIx.get(c.period)!] = c.value;
  }
  return { periods: r.periods, units: r.units, series: [...series.values()] };
}
