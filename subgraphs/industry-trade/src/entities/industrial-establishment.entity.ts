import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

/** Cơ sở công nghiệp: an establishment of the enterprise register (sample data). */
export const IndustrialEstablishment = defineEntity({
  name: 'IndustrialEstablishment',
  tableName: 'industrial_establishment',
  indexes: [{ properties: ['communeCode'] }, { properties: ['clusterCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    taxCode: p.string().length(10),
    sectorCode: p.string().length(4),
    mainProducts: p.string().length(500),
    /** The cluster's code (IndustrialCluster.code); null outside a cluster. */
    clusterCode: p.string().length(20).nullable(),
    communeCode: p.string().length(5),
    employees: p.integer(),
    annualOutputBillionVnd: p.double().$type<number>().nullable(),
    revenueBillionVnd: p.double().$type<number>().nullable(),
    representativeName: p.string().length(200).nullable(),
    representativePhone: p.string().length(20).nullable(),
    searchText: p.string().length(300),
  },
});
export type IndustrialEstablishment = InferEntity<typeof IndustrialEstablishment>;

/** Reported by the enterprises; corrections do not need a reason. PERSONAL values are encrypted in the history. */
export const IndustrialEstablishmentHistory = tracked(IndustrialEstablishment, {
  fields: { communeCode: 'IndustrialEstablishment.commune', clusterCode: 'IndustrialEstablishment.cluster', searchText: 'ignore' },
  approved: () => false,
});
