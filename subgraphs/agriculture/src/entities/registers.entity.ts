import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import type { RegisterStatus } from './crops.entity';

export type FarmScale = 'LARGE' | 'MEDIUM' | 'SMALL';
export type IrrigationWorkKind = 'RESERVOIR' | 'WEIR' | 'CANAL' | 'PUMPING_STATION';
export type AquacultureMethod = 'POND' | 'CAGE' | 'RESERVOIR' | 'RICE_FIELD';
export type NewRuralLevel = 'STANDARD' | 'ADVANCED' | 'MODEL';

/** Trang trại chăn nuôi. */
export const LivestockFarm = defineEntity({
  name: 'LivestockFarm',
  tableName: 'livestock_farm',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    scale: p.string().$type<FarmScale>().length(10),
    species: p.string().length(120),
    headCount: p.integer(),
    ownerName: p.string().length(300).nullable(),
    communeCode: p.string().length(5),
    searchText: p.string().length(600),
  },
});
export type LivestockFarm = InferEntity<typeof LivestockFarm>;
export const LivestockFarmHistory = tracked(LivestockFarm, {
  fields: { communeCode: 'LivestockFarm.commune', searchText: 'ignore' },
  approved: () => true,
});

/** Công trình thủy lợi. */
export const IrrigationWork = defineEntity({
  name: 'IrrigationWork',
  tableName: 'irrigation_work',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<IrrigationWorkKind>().length(20),
    capacity: p.double().$type<number>().nullable(),
    irrigatedHa: p.double().$type<number>(),
    communeCode: p.string().length(5),
    managedByCode: p.string().length(20).nullable(),
    searchText: p.string().length(600),
  },
});
export type IrrigationWork = InferEntity<typeof IrrigationWork>;
export const IrrigationWorkHistory = tracked(IrrigationWork, {
  fields: { communeCode: 'IrrigationWork.commune', managedByCode: 'IrrigationWork.managedBy', searchText: 'ignore' },
  approved: () => true,
});

/** Vùng nuôi trồng thủy sản. */
export const AquacultureArea = defineEntity({
  name: 'AquacultureArea',
  tableName: 'aquaculture_area',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    species: p.string().length(120),
    method: p.string().$type<AquacultureMethod>().length(20),
    waterAreaHa: p.double().$type<number>(),
    communeCode: p.string().length(5),
    searchText: p.string().length(600),
  },
});
export type AquacultureArea = InferEntity<typeof AquacultureArea>;
export const AquacultureAreaHistory = tracked(AquacultureArea, {
  fields: { communeCode: 'AquacultureArea.commune', searchText: 'ignore' },
  approved: () => true,
});

/** Sản phẩm OCOP. */
export const OcopProduct = defineEntity({
  name: 'OcopProduct',
  tableName: 'ocop_product',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    stars: p.integer(),
    producer: p.string().length(300),
    decisionNumber: p.string().length(60),
    decidedOn: p.date(),
    validUntil: p.date(),
    revokedOn: p.date().nullable(),
    issuerCode: p.string().length(20),
    communeCode: p.string().length(5),
    communeCodeOnRecord: p.string().length(5),
    searchText: p.string().length(600),
  },
});
export type OcopProduct = InferEntity<typeof OcopProduct>;
/** Certified by a decision of the provincial People's Committee: approved data, a change needs a reason. */
export const OcopProductHistory = tracked(OcopProduct, {
  fields: {
    issuerCode: 'OcopProduct.issuer',
    communeCode: 'OcopProduct.commune',
    communeCodeOnRecord: 'OcopProduct.communeOnRecord',
    searchText: 'ignore',
  },
  approved: () => true,
});

/** Nông thôn mới: one commune (as it was) recognised in one year. */
export const NewRuralStatus = defineEntity({
  name: 'NewRuralStatus',
  tableName: 'new_rural_status',
  indexes: [{ properties: ['communeCode'] }, { properties: ['year'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    year: p.integer(),
    level: p.string().$type<NewRuralLevel>().length(20),
    criteriaMet: p.integer(),
    decisionNumber: p.string().length(60),
    decidedOn: p.date(),
    issuerCode: p.string().length(20),
    communeCode: p.string().length(5),
    communeCodeOnRecord: p.string().length(5),
    status: p.string().$type<RegisterStatus>().length(10),
    revokedOn: p.date().nullable(),
  },
});
export type NewRuralStatus = InferEntity<typeof NewRuralStatus>;
export const NewRuralStatusHistory = tracked(NewRuralStatus, {
  fields: {
    issuerCode: 'NewRuralStatus.issuer',
    communeCode: 'NewRuralStatus.commune',
    communeCodeOnRecord: 'NewRuralStatus.communeOnRecord',
  },
  approved: () => true,
});
