// Trade centres, border gates and their trade flows, and fuel stations: lookups and lists.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, msg } from '@hub/schema';
import { findConnection, locatedWhere, type Connection, type PageArgs } from '@hub/kit';
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

/** The filter of BorderGate.tradeFlows (a children loader's key, with the gate and the page: the kit's childKey). */
export interface FlowFilter {
  period: string | null;
  direction: TradeDirection | null;
}

export class TradeService {
  constructor(private readonly em: EntityManager) {}

  /** A year, half-year, nine months or month asks for the quarters in it; a bad period id is BAD_USER_INPUT. */
  static flowWhere(filter: FlowFilter): FilterQuery<TradeFlow> {
    const and: FilterQuery<TradeFlow>[] = [];
    if (filter.period) and.push({ periodId: { $in: quartersOf(filter.period) } });
    if (filter.direction) and.push({ direction: filter.direction });
    return and.length ? { $and: and } : {};
  }

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
}
