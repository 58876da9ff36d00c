// The analytics tables: compact, integer-keyed, written and read with grouped SQL (src/services/store.ts),
// never loaded as entities. They are declared here so that migrations are generated from one model.
import { EntitySchema } from '@mikro-orm/core';

/**
 * Giá trị chỉ tiêu: (indicator, period, unit, category combination) → number. Keys: `indicator.num`,
 * the period key (`year * 100 + sub`, see periods.ts), `unit_key.id`, `category_combo.id` (0 = total).
 * The primary key's order (indicator, period, unit, combo) serves every query shape: one indicator over many
 * periods, many indicators for one period, always for a set of units.
 */
export const IndicatorValueSchema = new EntitySchema<any>({
  name: 'IndicatorValue',
  tableName: 'indicator_value',
  properties: {
    indicator: { type: 'integer', primary: true },
    period: { type: 'integer', primary: true },
    unit: { type: 'integer', primary: true },
    combo: { type: 'integer', primary: true },
    value: { type: 'double' },
    /** 0 provisional (sơ bộ), 1 official (chính thức). */
    status: { type: 'smallint' },
    /** The upload (bulk write) that last set it: who, when, source. */
    upload: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});

/** Tổ hợp phân tổ (DHIS2's category option combo): `SEX=FEMALE|AREA=URBAN`, sorted by dimension; id 0 is the total. */
export const CategoryComboSchema = new EntitySchema<any>({
  name: 'CategoryCombo',
  tableName: 'category_combo',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    key: { type: 'string', length: 300, unique: true },
    /** The dimensions of the combination, sorted, `|`-separated (`AREA|SEX`); '' for the total. */
    dims: { type: 'string', length: 200 },
  },
});

/** Compact keys of administrative-unit codes (a code names a unit over all its versions). */
export const UnitKeySchema = new EntitySchema<any>({
  name: 'UnitKey',
  tableName: 'unit_key',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    code: { type: 'string', length: 10, unique: true },
  },
});

/** Mirror of the directory's unit versions (refreshed from it; see docs/indicators.md). */
export const UnitVersionSchema = new EntitySchema<any>({
  name: 'UnitVersion',
  tableName: 'unit_version',
  properties: {
    code: { type: 'string', length: 10, primary: true },
    validFrom: { type: 'date', primary: true },
    validTo: { type: 'date' },
    name: { type: 'string', length: 200 },
    level: { type: 'string', length: 10 },
    parentCode: { type: 'string', length: 10, nullable: true },
  },
});

/** Mirror of the directory's succession links (the 2025 mergers). */
export const UnitSuccessionSchema = new EntitySchema<any>({
  name: 'UnitSuccessionMirror',
  tableName: 'unit_succession',
  properties: {
    predecessor: { type: 'string', length: 10, primary: true },
    successor: { type: 'string', length: 10, primary: true },
    effectiveDate: { type: 'date' },
  },
});

/** Closure of the unit tree over time: `descendant` lies under `ancestor` from `validFrom` to `validTo` (itself at depth 0). */
export const UnitRollupSchema = new EntitySchema<any>({
  name: 'UnitRollup',
  tableName: 'unit_rollup',
  indexes: [{ properties: ['descendant'] }],
  properties: {
    ancestor: { type: 'integer', primary: true },
    descendant: { type: 'integer', primary: true },
    validFrom: { type: 'date', primary: true },
    validTo: { type: 'date' },
    level: { type: 'string', length: 10 },
    depth: { type: 'smallint' },
  },
});

/** Một lần ghi số liệu: one call of the bulk upsert, with who made it, why and from which source. */
export const ValueUploadSchema = new EntitySchema<any>({
  name: 'ValueUpload',
  tableName: 'value_upload',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    accountId: { type: 'string', length: 100, nullable: true },
    agency: { type: 'string', length: 40, nullable: true },
    requestId: { type: 'string', length: 100, nullable: true },
    source: { type: 'string', length: 300, nullable: true },
    reason: { type: 'text', nullable: true },
    count: { type: 'integer' },
    at: { type: 'datetime' },
  },
});

/** Lịch sử giá trị: every value an upload changed, with its value and status before and after. */
export const ValueChangeSchema = new EntitySchema<any>({
  name: 'ValueChange',
  tableName: 'value_change',
  indexes: [{ properties: ['indicator', 'unit', 'period', 'combo'] }],
  properties: {
    upload: { type: 'integer', primary: true },
    indicator: { type: 'integer', primary: true },
    period: { type: 'integer', primary: true },
    unit: { type: 'integer', primary: true },
    combo: { type: 'integer', primary: true },
    before: { type: 'double', nullable: true },
    after: { type: 'double' },
    beforeStatus: { type: 'smallint', nullable: true },
    afterStatus: { type: 'smallint' },
  },
});

export const factSchemas = [
  IndicatorValueSchema,
  CategoryComboSchema,
  UnitKeySchema,
  UnitVersionSchema,
  UnitSuccessionSchema,
  UnitRollupSchema,
  ValueUploadSchema,
  ValueChangeSchema,
];
