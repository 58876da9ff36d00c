// The national technical regulations (QCVN) a monitoring result is compared with, per station kind and parameter.
// Limits are those of the regulations as applied in this demo (air: 24-hour average, CO 8-hour; surface water:
// QCVN 08:2023 level B for rivers used for irrigation and transport; wastewater: QCVN 40:2011 column B); check the
// regulation's text before using them for a decision.
import type { MonitoringStationKind } from './entities';

export interface Limit {
  parameter: string;
  unit: string;
  standard: string;
  min: number | null;
  max: number | null;
}

const AIR = 'QCVN 05:2023/BTNMT';
const SURFACE = 'QCVN 08:2023/BTNMT';
const GROUND = 'QCVN 09:2023/BTNMT';
const WASTE = 'QCVN 40:2011/BTNMT';

const l = (standard: string, parameter: string, unit: string, min: number | null, max: number | null): Limit => ({
  parameter,
  unit,
  standard,
  min,
  max,
});

export const LIMITS: Record<MonitoringStationKind, Limit[]> = {
  AIR: [
    l(AIR, 'PM2.5', 'µg/m³', null, 50),
    l(AIR, 'PM10', 'µg/m³', null, 100),
    l(AIR, 'TSP', 'µg/m³', null, 200),
    l(AIR, 'SO2', 'µg/m³', null, 125),
    l(AIR, 'NO2', 'µg/m³', null, 100),
    l(AIR, 'CO', 'µg/m³', null, 10000),
  ],
  SURFACE_WATER: [
    l(SURFACE, 'pH', '-', 6, 8.5),
    l(SURFACE, 'BOD5', 'mg/L', null, 6),
    l(SURFACE, 'COD', 'mg/L', null, 15),
    l(SURFACE, 'DO', 'mg/L', 5, null),
    l(SURFACE, 'TSS', 'mg/L', null, 100),
    l(SURFACE, 'NH4+', 'mg/L', null, 0.3),
    l(SURFACE, 'Coliform', 'MPN/100mL', null, 5000),
  ],
  GROUNDWATER: [
    l(GROUND, 'pH', '-', 5.8, 8.5),
    l(GROUND, 'Hardness', 'mg/L', null, 500),
    l(GROUND, 'NH4+', 'mg/L', null, 1),
    l(GROUND, 'NO3-', 'mg/L', null, 15),
    l(GROUND, 'Coliform', 'MPN/100mL', null, 3),
  ],
  WASTEWATER_AUTOMATIC: [
    l(WASTE, 'pH', '-', 5.5, 9),
    l(WASTE, 'BOD5', 'mg/L', null, 50),
    l(WASTE, 'COD', 'mg/L', null, 150),
    l(WASTE, 'TSS', 'mg/L', null, 100),
    l(WASTE, 'NH4+', 'mg/L', null, 10),
    l(WASTE, 'Coliform', 'MPN/100mL', null, 5000),
  ],
};

/** Every parameter any station kind measures. */
export const PARAMETERS: readonly string[] = [...new Set(Object.values(LIMITS).flatMap((ls) => ls.map((x) => x.parameter)))];

export function limitOf(kind: MonitoringStationKind, parameter: string): Limit | undefined {
  return LIMITS[kind].find((x) => x.parameter === parameter);
}

/** Below the minimum (DO, low pH) or above the maximum (most parameters). */
export function exceeds(value: number, limit: { min: number | null; max: number | null }): boolean {
  return (limit.min !== null && value < limit.min) || (limit.max !== null && value > limit.max);
}
