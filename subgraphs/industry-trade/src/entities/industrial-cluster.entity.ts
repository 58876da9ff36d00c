import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type IndustrialClusterStatus = 'PLANNED' | 'ESTABLISHED' | 'OPERATING' | 'SUSPENDED';

/** Cụm công nghiệp: an industrial cluster established by a decision of the provincial People's Committee. */
export const IndustrialCluster = defineEntity({
  name: 'IndustrialCluster',
  tableName: 'industrial_cluster',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    areaHa: p.double().$type<number>(),
    occupancyRate: p.double().$type<number>(),
    status: p.string().$type<IndustrialClusterStatus>().length(20),
    decisionNumber: p.string().length(60),
    decisionDate: p.date(),
    issuerCode: p.string().length(20),
    /** Today's commune code. */
    communeCode: p.string().length(5),
    /** The commune's code on the decision's date. */
    communeCodeOnRecord: p.string().length(5),
  },
});
export type IndustrialCluster = InferEntity<typeof IndustrialCluster>;

/** Established clusters are official decisions: a change needs a reason. */
export const IndustrialClusterHistory = tracked(IndustrialCluster, {
  fields: {
    communeCode: 'IndustrialCluster.commune',
    communeCodeOnRecord: 'IndustrialCluster.communeOnRecord',
    issuerCode: 'IndustrialCluster.issuer',
  },
  approved: (c) => c.status !== 'PLANNED',
});
