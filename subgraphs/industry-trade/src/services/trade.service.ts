// Trade centres, border gates and their trade flows, and fuel stations: lookups and lists.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, msg } from '@hub/schema';
import { connectionFromSorted, findConnection, locatedWhere, plainRows, type Connection, type PageArgs } from '@hub/kit';
import { BorderGate, FuelStation, TradeCentre, TradeFlow, type BorderGateKind, type TradeDirection } from '../entities';
import type { FuelStationFilter, TradeCentreFilter } from '../__generated__/resolvers-types';
import { byCodes } from './common';

/** The indicators' period ids (the contract between the subgraphs). */
export const PERIOD_ID = /^\d{4}(Q[1-4]|M(0[1-9]|1[0-2])|S[12]|N9)?$/;

/** The quarters a period covers: a year its four, a half-year its two, a quarter itself; a month its quarter. */
export function quartersOf(period: string): string[] {
  if (!PERIOD_ID.test(period))
    throw badUserInput(
      'period',
      msg(`must be a period id like "2025Q3", got "${period}"`, `phải là mã kỳ dạng "2025Q3", nhận được "${period}"`),
    );
  const y = period.slice(0, 4);
  const rest = period.slice(4);
  if (rest === '') return [1, 2, 3, 4].map((q) => `${y}Q${q}`);
  if (rest === 'N9') return [1, 2, 3].map((q) => `${y}Q${q}`);
  if (rest[0] === 'S') return rest === 'S1' ? [`${y}Q1`, `${y}Q2`] : [`${y}Q3`, `${y}Q4`];
  if (rest[0] === 'M') return [`${y}Q${Math.ceil(Number(rest.slice(1)) / 3)}`];
  return [period];
}

/** One request of BorderGate.tradeFlows: the gate, the filter and the page (the key of the batch loader). */
export interface FlowRequest {
  gate: string;
  period: string | null;
  direction: TradeDirection | null;
  first: number | null;
  after: string | null;
}

export class TradeService {
  constructor(private readonly em: EntityManager) {}

  static centreWhere(filter: TradeCentreFilter | null | undefined): FilterQuery<TradeCentre> {
    return locatedWhere<TradeCentre>(filter, filter?.kind ? [{ kind: filter.kind }] : []);
  }

  static stationWhere(filter: FuelStationFilter | null | undefined): FilterQuery<FuelStation> {
    return locatedWhere<FuelStation>(filter);
  }

  centresByCodes = (codes: readonly string[]) => byCodes(this.em, TradeCentre, codes);
  gatesByCodes = (codes: readonly string[]) => byCodes(this.em, BorderGate, codes);
  flowsByCodes = (codes: readonly string[]) => byCodes(this.em, TradeFlow, codes);
  stationsByCodes = (codes: readonly string[]) => byCodes(this.em, FuelStation, codes);

  centres(filter: TradeCentreFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<TradeCentre>> {
    return findConnection(this.em, TradeCentre, TradeService.centreWhere(filter), args, 'code', info);
  }

  gates(kind: BorderGateKind | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<BorderGate>> {
    return findConnection(this.em, BorderGate, kind ? { kind } : {}, args, 'code', info);
  }

  stations(filter: FuelStationFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<FuelStation>> {
    return findConnection(this.em, FuelStation, TradeService.stationWhere(filter), args, 'code', info);
  }

  /**
   * The trade flows of many gates: one statement per distinct filter (period, direction) for all the gates asked
   * with it, then each gate's page. Ordered by code (gate, period, direction, group).
   */
  async flowsOfGates(requests: readonly FlowRequest[]): Promise<(Connection<TradeFlow> | Error)[]> {
    const groups = new Map<string, FlowRequest[]>();
    const errors = new Map<FlowRequest, Error>();
    for (const r of requests) {
      const key = JSON.stringify([r.period, r.direction]);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const rowsOf = new Map<string, TradeFlow[]>();
    for (const [key, group] of groups) {
      try {
        const and: FilterQuery<TradeFlow>[] = [{ borderGateCode: { $in: [...new Set(group.map((r) => r.gate))] } }];
        if (group[0].period) and.push({ periodId: { $in: quartersOf(group[0].period) } });
        if (group[0].direction) and.push({ direction: group[0].direction });
        rowsOf.set(key, await plainRows(this.em, TradeFlow, { $and: and }, { code: 'asc' }));
      } catch (e) {
        rowsOf.set(key, []);
        for (const r of group) errors.set(r, e as Error);
      }
    }
    return requests.map((r) => {
      const failed = errors.get(r);
      if (failed) return failed;
      try {
        const rows = rowsOf.get(JSON.stringify([r.period, r.direction]))!.filter((f) => f.borderGateCode === r.gate);
        return connectionFromSorted(rows, r, (f) => f.code);
      } catch (e) {
        return e as Error;
      }
    });
  }
}
