// Values of the shared `Money` and `Area` types (schema/common.graphql), as a department's resolvers return them.

export interface Money {
  amount: number;
  currency: string;
}

/** An amount of money; `currency` an ISO 4217 code, Vietnamese đồng unless said otherwise. */
export function money(amount: number | null | undefined, currency = 'VND'): Money | null {
  if (amount == null) return null;
  if (!Number.isFinite(amount)) throw new Error(`money: ${amount} is not an amount`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`money: "${currency}" is not an ISO 4217 currency code`);
  return { amount, currency };
}

export type AreaUnit = 'SQUARE_METRE' | 'HECTARE' | 'SQUARE_KILOMETRE';

const SQUARE_METRES: Record<AreaUnit, number> = { SQUARE_METRE: 1, HECTARE: 10_000, SQUARE_KILOMETRE: 1_000_000 };

export interface Area {
  value: number;
  unit: AreaUnit;
  squareMetres: number;
}

/** An area in the unit its source states it in, with the same area in square metres. */
export function area(value: number | null | undefined, unit: AreaUnit): Area | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < 0) throw new Error(`area: ${value} is not an area`);
  const factor = SQUARE_METRES[unit];
  if (factor === undefined) throw new Error(`area: "${unit}" is not an area unit`);
  return { value, unit, squareMetres: value * factor };
}
