// The analytics tables: compact, integer-keyed, written and read only with grouped SQL (src/services/store.ts, whose
// row types say what each statement returns). They are declared with defineEntity only so that MikroORM knows the
// tables the migrations make (new migrations are generated from, and the schema test checks, one model); they are
// read-only to the ORM and never loaded as entities.
import { defineEntity, p } from '@mikro-orm/core';

/**
 * Giá trị chỉ tiêu: (indicator, period, unit, category combination) → number. Keys: `indicator.num`,
 * the period key (`year * 100 + sub`, see periods.ts), `unit_key.id`, `category_combo.id` (0 = total).
 * The primary key's order (indicator, period, unit, combo) serves every query shape: one indicator over many
 * periods, many indicators for one period, always for a set of units.
 */
const IndicatorValueTable = defineEntity({
  name: 'IndicatorValue',
  tableName: 'indicator_value',
  readonly: true,
  properties: {
    indicator: p.integer().primary(),
    period: p.integer().primary(),
    unit: p.integer().primary(),
    combo: p.integer().primary(),
    value: p.double().$type<number>(),
    /** 0 provisional (sơ bộ), 1 official (chính thức). */
    status: p.smallint(),
    /** The upload (bulk write) that last set it: who, when, source. */
    upload: p.integer(),
    updatedAt: p.datetime(),
  },
});

/** Tổ hợp phân tổ (DHIS2's category option combo): `SEX=FEMALE|AREA=URBAN`, sorted by dimension; id 0 is the total. */
const CategoryComboTable = defineEntity({
  name: 'CategoryCombo',
  tableName: 'category_combo',
  readonly: true,
  properties: {
    id: p.integer().primary().autoincrement(),
    key: p.string().length(300).unique(),
    /** The dimensions of the combination, sorted, `|`-separated (`AREA|SEX`); '' for the total. */
    dims: p.string().length(200),
  },
});

/** Compact keys of administrative-unit codes (a code names a unit over all its versions). */
const UnitKeyTable = defineEntity({
  name: 'UnitKey',
  tableName: 'unit_key',
  readonly: true,
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string().length(10).unique(),
  },
});

/** Mirror of the directory's unit versions (refreshed from it; see docs/indicators.md). */
const UnitVersionTable = defineEntity({
  name: 'UnitVersion',
  tableName: 'unit_version',
  readonly: true,
  properties: {
    code: p.string().length(10).primary(),
    validFrom: p.date().primary(),
    validTo: p.date(),
    name: p.string().length(200),
    level: p.string().length(10),
    parentCode: p.string().length(10).nullable(),
  },
});

/** Mirror of the directory's succession links (the 2025 mergers). */
const UnitSuccessionTable = defineEntity({
  name: 'UnitSuccessionMirror',
  tableName: 'unit_succession',
  readonly: true,
  properties: {
    predecessor: p.string().length(10).primary(),
    successor: p.string().length(10).primary(),
    effectiveDate: p.date(),
  },
});

/** Closure of the unit tree over time: `descendant` lies under `ancestor` from `validFrom` to `validTo` (itself at depth 0). */
const UnitRollupTable = defineEntity({
  name: 'UnitRollup',
  tableName: 'unit_rollup',
  readonly: true,
  indexes: [{ properties: ['descendant'] }],
  properties: {
    ancestor: p.integer().primary(),
    descendant: p.integer().primary(),
    validFrom: p.date().primary(),
    validTo: p.date(),
    level: p.string().length(10),
    depth: p.smallint(),
  },
});

/** Một lần ghi số liệu: one call of the bulk upsert, with who made it, why and from which source. */
const ValueUploadTable = defineEntity({
  name: 'ValueUpload',
  tableName: 'value_upload',
  readonly: true,
  properties: {
    id: p.integer().primary().autoincrement(),
    accountId: p.string().length(100).nullable(),
    agency: p.string().length(40).nullable(),
    requestId: p.string().length(100).nullable(),
    source: p.string().length(300).nullable(),
    reason: p.text().nullable(),
    count: p.integer(),
    at: p.datetime(),
  },
});

/** Lịch sử giá trị: every value an upload changed, with its value and status before and after. */
const ValueChangeTable = defineEntity({
  name: 'ValueChange',
  tableName: 'value_change',
  readonly: true,
  indexes: [{ properties: ['indicator', 'unit', 'period', 'combo'] }],
  properties: {
    upload: p.integer().primary(),
    indicator: p.integer().primary(),
    period: p.integer().primary(),
    unit: p.integer().primary(),
    combo: p.integer().primary(),
    before: p.double().$type<number>().nullable(),
    after: p.double().$type<number>(),
    beforeStatus: p.smallint().nullable(),
    afterStatus: p.smallint(),
  },
});

export const factTables = [
  IndicatorValueTable,
  CategoryComboTable,
  UnitKeyTable,
  UnitVersionTable,
  UnitSuccessionTable,
  UnitRollupTable,
  ValueUploadTable,
  ValueChangeTable,
];
