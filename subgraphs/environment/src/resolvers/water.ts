import { agencyRef, reads, unitAsOf, unitRef } from '@hub/kit';
import type { EnergyProjectResolvers, WaterResourceLicenceResolvers, WaterSourceResolvers } from '../__generated__/resolvers-types';
import { statusOn } from '../entities';
import { childKey } from '@hub/kit';
import type { Ctx } from './context';

export const WaterSource: WaterSourceResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.sourceByCode.load(ref.code),
  communes: reads(['communeCodes'], (s) => s.communeCodes.map(unitRef)),
  licences: reads(['code'], (s, args, ctx) => ctx.loaders.sourceLicences.load(childKey(s.code, null, args))),
};

export const WaterResourceLicence: WaterResourceLicenceResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.licenceByCode.load(ref.code),
  status: reads(['status', 'validTo'], (l) => statusOn(l)),
  issuer: reads(['issuerCode'], (l) => agencyRef(l.issuerCode)),
  waterSource: reads(['waterSourceCode'], (l, _, ctx) => (l.waterSourceCode ? ctx.loaders.sourceByCode.load(l.waterSourceCode) : null)),
  energyProject: reads(['energyProjectCode'], (l) =>
    l.energyProjectCode ? { __typename: 'EnergyProject' as const, code: l.energyProjectCode } : null,
  ),
  commune: reads(['communeCode'], (l) => unitRef(l.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'issuedOn'], (l) => unitAsOf(l.communeCodeOnRecord, l.issuedOn)),
};

/** Industry-trade's project, with the licences this database issued for it (one statement for many projects). */
export const EnergyProject: EnergyProjectResolvers<Ctx> = {
  __resolveReference: (ref) => ({ __typename: 'EnergyProject', code: ref.code }),
  waterLicences: (p, _, ctx) => ctx.loaders.licencesByProject.load(p.code),
};
