import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type EnergyProjectKind = 'HYDRO' | 'SOLAR' | 'WIND' | 'GRID';
export type EnergyProjectStatus = 'PLANNED' | 'UNDER_CONSTRUCTION' | 'OPERATING' | 'SUSPENDED' | 'CANCELLED';

/** Dự án năng lượng: owned here; environment and agriculture contribute fields to it by `code`. */
export const EnergyProject = defineEntity({
  name: 'EnergyProject',
  tableName: 'energy_project',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<EnergyProjectKind>().length(10),
    capacityMw: p.double().$type<number>(),
    /** Today's commune codes the project spans. */
    communeCodes: p.array().$type<string[]>(),
    operator: p.string().length(300),
    status: p.string().$type<EnergyProjectStatus>().length(20),
    commissionedOn: p.date().nullable(),
    endedOn: p.date().nullable(),
    investmentBillionVnd: p.double().$type<number>().nullable(),
    searchText: p.string().length(300),
  },
});
export type EnergyProject = InferEntity<typeof EnergyProject>;

/** An OPERATING project is approved data: changing or retiring it needs a reason. */
export const EnergyProjectHistory = tracked(EnergyProject, {
  fields: { communeCodes: 'EnergyProject.communes', searchText: 'ignore' },
  approved: (e) => e.status === 'OPERATING',
});
