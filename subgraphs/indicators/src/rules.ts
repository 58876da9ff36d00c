// Quy tắc tổng hợp (aggregation rules): where the value of an indicator for a unit comes from, and how values
// of units below are combined. The SQL in the analytics store applies the same rules in PostgreSQL; these pure
// functions decide the plan and are what the unit tests pin down (a rate is never summed).

export type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type Aggregation = 'SUM' | 'WEIGHTED_AVERAGE' | 'NONE';
const DEPTH: Record<Level, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

export interface RuleSubject {
  code: string;
  aggregation: Aggregation;
  levels: readonly Level[];
  /** A derived indicator is computed from its formula at every unit; never rolled up. */
  formula?: string | null;
}

export type Source =
  /** The value stored for the unit itself. */
  | { kind: 'STORED' }
  /** Combined from the values stored for the units at `level` under it (valid at the period's end). */
  | { kind: 'ROLLUP'; level: Level; aggregation: 'SUM' | 'WEIGHTED_AVERAGE' }
  /** Computed from the formula with inputs for the same unit. */
  | { kind: 'DERIVED' }
  /** No value can be given; `reason` says why (shown to the caller). */
  | { kind: 'NONE'; reason: string };

/** Where the value of `ind` for a unit at `unitLevel` comes from. */
export function sourceFor(ind: RuleSubject, unitLevel: Level): Source {
  if (ind.formula) return { kind: 'DERIVED' };
  if (ind.levels.includes(unitLevel)) return { kind: 'STORED' };
  const below = ind.levels.filter((l) => DEPTH[l] > DEPTH[unitLevel]).sort((a, b) => DEPTH[b] - DEPTH[a]);
  if (!below.length) return { kind: 'NONE', reason: `${ind.code} is collected only at ${ind.levels.join(', ').toLowerCase()} level` };
  if (ind.aggregation === 'NONE') {
    return { kind: 'NONE', reason: `${ind.code} is a rate or index: it is not added up from lower units` };
  }
  return { kind: 'ROLLUP', level: below[0], aggregation: ind.aggregation };
}

/** Combines the values of units below (the same rule as the SQL); null when nothing can be said. */
export function combine(rule: Aggregation, inputs: readonly { value: number; weight?: number | null }[]): number | null {
  if (!inputs.length) return null;
  switch (rule) {
    case 'SUM':
      return inputs.reduce((s, i) => s + i.value, 0);
    case 'WEIGHTED_AVERAGE': {
      // Every input needs its weight: an average over part of the units would be silently wrong.
      if (inputs.some((i) => i.weight == null)) return null;
      const w = inputs.reduce((s, i) => s + (i.weight as number), 0);
      return w === 0 ? null : inputs.reduce((s, i) => s + i.value * (i.weight as number), 0) / w;
    }
    case 'NONE':
      // A rate or index of one unit stands for itself only; it is never summed with others.
      return inputs.length === 1 ? inputs[0].value : null;
  }
}
