// The administrative-unit tree as the indicators database mirrors it from the directory: versions of units with
// validity dates and parents, and the succession links of the July 2025 reform. Pure functions: which units
// are valid on a day, which leaves roll up into which unit (the rows of the `unit_rollup` table), and how a
// unit that did not exist yet on a day maps to the units it was made of.
import type { Level } from './rules';

export const BEGINNING = '0001-01-01';
export const END_OF_TIME = '9999-12-31';

export interface UnitVersion {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Succession {
  predecessor: string;
  successor: string;
  effectiveDate: string;
}

export interface RollupLink {
  ancestor: string;
  descendant: string;
  level: Level;
  depth: number;
  validFrom: string;
  validTo: string;
}

const from = (v: UnitVersion) => v.validFrom ?? BEGINNING;
const to = (v: UnitVersion) => v.validTo ?? END_OF_TIME;

export class UnitTree {
  private readonly byCode = new Map<string, UnitVersion[]>();
  private readonly successorsOf = new Map<string, Succession[]>();
  private readonly predecessorsOf = new Map<string, Succession[]>();
  /** Versions by parent code, in the order of `versions`: `under` walks children, not every version per node. */
  private readonly childrenOf = new Map<string, UnitVersion[]>();
  /** Versions of each code by start date, made on first use (the analytics ask for a unit's level per value). */
  private readonly byStart = new Map<string, UnitVersion[]>();

  constructor(
    readonly versions: readonly UnitVersion[],
    readonly successions: readonly Succession[],
  ) {
    for (const v of versions) this.byCode.set(v.code, [...(this.byCode.get(v.code) ?? []), v]);
    for (const v of versions) {
      if (v.parentCode === null) continue;
      const siblings = this.childrenOf.get(v.parentCode);
      if (siblings) siblings.push(v);
      else this.childrenOf.set(v.parentCode, [v]);
    }
    for (const s of successions) {
      this.successorsOf.set(s.predecessor, [...(this.successorsOf.get(s.predecessor) ?? []), s]);
      this.predecessorsOf.set(s.successor, [...(this.predecessorsOf.get(s.successor) ?? []), s]);
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The version of `code` valid on `day`; undefined when the unit did not exist then. */
  versionAt(code: string, day: string): UnitVersion | undefined {
    return this.byCode.get(code)?.find((v) => from(v) <= day && day <= to(v));
  }

  /** The latest version of `code` that began on or before `day` (or its first version). */
  latestVersion(code: string, day = END_OF_TIME): UnitVersion | undefined {
    let vs = this.byStart.get(code);
    if (!vs) this.byStart.set(code, (vs = [...(this.byCode.get(code) ?? [])].sort((a, b) => from(a).localeCompare(from(b)))));
    for (let i = vs.length - 1; i >= 0; i--) if (from(vs[i]) <= day) return vs[i];
    return vs[0];
  }

  /** Units at `level` under `code` (at any depth), valid on `day`, in code order. */
  under(code: string, level: Level, day: string): UnitVersion[] {
    const out: UnitVersion[] = [];
    const walk = (parent: string) => {
      for (const v of this.childrenOf.get(parent) ?? []) {
        if (from(v) > day || to(v) < day) continue;
        if (v.level === level) out.push(v);
        walk(v.code);
      }
    };
    walk(code);
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * Every (ancestor, descendant) pair with the interval in which the descendant lies under the ancestor, and each
   * unit paired with itself (depth 0). The analytics SQL joins values to this table to roll them up.
   */
  rollupLinks(): RollupLink[] {
    const links: RollupLink[] = [];
    for (const v of this.versions) {
      links.push({ ancestor: v.code, descendant: v.code, level: v.level, depth: 0, validFrom: from(v), validTo: to(v) });
      // Walk up: the parent's versions overlapping the interval, intersected at each step.
      const climb = (parentCode: string | null, lo: string, hi: string, depth: number) => {
        if (!parentCode || depth > 5) return;
        for (const p of this.byCode.get(parentCode) ?? []) {
          const a = lo > from(p) ? lo : from(p);
          const b = hi < to(p) ? hi : to(p);
          if (a > b) continue;
          links.push({ ancestor: p.code, descendant: v.code, level: v.level, depth, validFrom: a, validTo: b });
          climb(p.parentCode, a, b, depth + 1);
        }
      };
      climb(v.parentCode, from(v), to(v), 1);
    }
    return links;
  }

  /**
   * How the series of `code` is continued on `day`, a day on which the unit itself did not exist: before it began,
   * by the units merged into it (only those merged into it whole: a unit split between several successors cannot
   * be apportioned); after it ended, by its successor when it was renamed into exactly one unit that took nobody
   * else. `SELF` when the unit existed on that day.
   */
  mapOn(
    code: string,
    day: string,
    refDay = day,
  ): { kind: 'SELF' } | { kind: 'MAPPED'; codes: string[]; note: string } | { kind: 'NONE'; reason: string } {
    // The unit the series is about is the version valid on `refDay` (the series' last day): a merged unit that
    // kept its seat's code is not the old commune of the same code.
    const ref = this.versionAt(code, refDay) ?? this.latestVersion(code, refDay);
    const at = this.versionAt(code, day);
    if (at && (!ref || from(at) === from(ref))) return { kind: 'SELF' };
    if (at && ref && day > to(ref)) return { kind: 'SELF' };
    const versions = this.byCode.get(code) ?? [];
    if (!versions.length) return { kind: 'NONE', reason: `no administrative unit "${code}"` };
    const first = ref ? from(ref) : versions.map(from).sort()[0];
    if (day < first) {
      const found: string[] = [];
      const partial: string[] = [];
      const back = (c: string, guard: number) => {
        for (const s of (this.predecessorsOf.get(c) ?? []).filter((x) => guard > 0 || x.effectiveDate === first)) {
          if ((this.successorsOf.get(s.predecessor) ?? []).length > 1) partial.push(s.predecessor);
          else if (this.versionAt(s.predecessor, day)) found.push(s.predecessor);
          else if (guard < 5) back(s.predecessor, guard + 1);
        }
      };
      back(code, 0);
      if (partial.length) {
        return {
          kind: 'NONE',
          reason: `${code}: ${partial.join(', ')} were split between several units; their values cannot be apportioned`,
        };
      }
      if (!found.length) return { kind: 'NONE', reason: `${code} did not exist on ${day} and the directory records no predecessor` };
      found.sort();
      return {
        kind: 'MAPPED',
        codes: found,
        note: `${code} began on ${first}; before that its territory was ${found.join(', ')}, merged into it`,
      };
    }
    const succ = this.successorsOf.get(code) ?? [];
    if (succ.length === 1 && (this.predecessorsOf.get(succ[0].successor) ?? []).length === 1 && this.versionAt(succ[0].successor, day)) {
      return { kind: 'MAPPED', codes: [succ[0].successor], note: `${code} ended; it continues as ${succ[0].successor}` };
    }
    const last = versions.map(to).sort().pop();
    return succ.length
      ? {
          kind: 'NONE',
          reason: `${code} ended on ${last} and was merged with other units into ${succ.map((s) => s.successor).join(', ')}: no value for it after that`,
        }
      : { kind: 'NONE', reason: `${code} ended on ${last} and the directory records no successor` };
  }
}
