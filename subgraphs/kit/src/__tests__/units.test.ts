import { area, money } from '../units';

describe('shared units', () => {
  it('states money in đồng unless told otherwise, and refuses what is not an amount or a currency', () => {
    expect(money(1_500_000)).toEqual({ amount: 1_500_000, currency: 'VND' });
    expect(money(12.5, 'USD')).toEqual({ amount: 12.5, currency: 'USD' });
    expect(money(null)).toBeNull();
    expect(() => money(Number.NaN)).toThrow('not an amount');
    expect(() => money(1, 'dong')).toThrow('ISO 4217');
  });

  it('keeps an area in its unit and gives it in square metres', () => {
    expect(area(2.5, 'HECTARE')).toEqual({ value: 2.5, unit: 'HECTARE', squareMetres: 25_000 });
    expect(area(6_700, 'SQUARE_KILOMETRE')!.squareMetres).toBe(6_700_000_000);
    expect(area(undefined, 'SQUARE_METRE')).toBeNull();
    expect(() => area(-1, 'SQUARE_METRE')).toThrow('not an area');
    expect(() => area(1, 'ACRE' as never)).toThrow('not an area unit');
  });
});
