import { Indicator, IndicatorHistory } from './indicator.entity';
import { Dimension, DimensionHistory } from './dimension.entity';
import { factTables } from './facts.entity';

export * from './indicator.entity';
export * from './dimension.entity';
export * from './facts.entity';

export const entities = [Indicator, Dimension, ...factTables];

/**
 * Catalogue entities are tracked by the kit. Values are written in bulk with SQL: their history is the
 * `value_change` table (one row per changed value) plus one `hub_change` row per upload (the kit's `recordChange`,
 * in src/services/store.ts).
 */
export const history = [IndicatorHistory, DimensionHistory];
