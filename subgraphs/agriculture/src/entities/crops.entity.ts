import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type RegisterStatus = 'ACTIVE' | 'REVOKED';
export type GrowingAreaCertification = 'VIETGAP' | 'ORGANIC' | 'EXPORT_CHINA';
export type OutbreakCategory = 'PLANT_PEST' | 'ANIMAL_DISEASE';
export type OutbreakStatus = 'ACTIVE' | 'CONTROLLED' | 'ENDED';

/** Mã số vùng trồng. */
export const GrowingAreaCode = defineEntity({
  name: 'GrowingAreaCode',
  tableName: 'growing_area_code',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    crop: p.string().length(120),
    areaHa: p.double().$type<number>(),
    certification: p.string().$type<GrowingAreaCertification>().length(20),
    grower: p.string().length(300),
    issuedOn: p.date(),
    issuerCode: p.string().length(20),
    communeCode: p.string().length(5),
    communeCodeOnRecord: p.string().length(5),
    status: p.string().$type<RegisterStatus>().length(10),
    revokedOn: p.date().nullable(),
    searchText: p.string().length(600),
  },
});
export type GrowingAreaCode = InferEntity<typeof GrowingAreaCode>;

export const GrowingAreaCodeHistory = tracked(GrowingAreaCode, {
  fields: {
    issuerCode: 'GrowingAreaCode.issuer',
    communeCode: 'GrowingAreaCode.commune',
    communeCodeOnRecord: 'GrowingAreaCode.communeOnRecord',
    searchText: 'ignore',
  },
  approved: () => true,
});

/** Ổ dịch: a plant pest or an animal disease over one or more communes. */
export const Outbreak = defineEntity({
  name: 'Outbreak',
  tableName: 'outbreak',
  indexes: [{ properties: ['status'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    category: p.string().$type<OutbreakCategory>().length(20),
    disease: p.string().length(200),
    host: p.string().length(120),
    detectedOn: p.date(),
    /** Today's communes. */
    communeCodes: p.array(),
    /** The communes as they were on `detectedOn`. */
    communeCodesOnRecord: p.array(),
    affectedAreaHa: p.double().$type<number>().nullable(),
    affectedHeads: p.integer().nullable(),
    culledHeads: p.integer().nullable(),
    householdsAffected: p.integer().nullable(),
    status: p.string().$type<OutbreakStatus>().length(20),
    controlledOn: p.date().nullable(),
    endedOn: p.date().nullable(),
    issuerCode: p.string().length(20),
  },
});
export type Outbreak = InferEntity<typeof Outbreak>;

/** Operational data: status changes need no reason (an optional note is kept). */
export const OutbreakHistory = tracked(Outbreak, {
  fields: {
    communeCodes: 'Outbreak.communes',
    communeCodesOnRecord: 'Outbreak.communesOnRecord',
    issuerCode: 'Outbreak.issuer',
  },
  approved: () => false,
});
