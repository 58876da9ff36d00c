import { untracked } from '@hub/kit';
import { IndicatorHistory, IndicatorSchema } from './indicator.entity';
import { DimensionHistory, DimensionSchema } from './dimension.entity';
import { factSchemas } from './facts.entity';

export * from './indicator.entity';
export * from './dimension.entity';
export * from './facts.entity';

export const entities = [IndicatorSchema, DimensionSchema, ...factSchemas];

/**
 * Catalogue entities are tracked by the kit. Values are written in bulk with SQL: their history is the
 * `value_change` table (one row per changed value) plus one `hub_change` row per upload (src/services/store.ts).
 */
export const history = [IndicatorHistory, DimensionHistory, ...factSchemas.map((s) => untracked(s))];
