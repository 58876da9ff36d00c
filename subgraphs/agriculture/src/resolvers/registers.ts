import { agencyRef, reads, unitAsOf, unitRef } from '@hub/kit';
import type {
  AquacultureAreaResolvers,
  GrowingAreaCodeResolvers,
  IrrigationWorkResolvers,
  LivestockFarmResolvers,
  NewRuralStatusResolvers,
  OcopProductResolvers,
  OutbreakResolvers,
} from '../__generated__/resolvers-types';
import type { Ctx } from './context';

/** Today's date in Vietnam (UTC+7), YYYY-MM-DD. */
const todayInVietnam = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const commune = reads(['communeCode'], (r: { communeCode: string }) => unitRef(r.communeCode));
const issuer = reads(['issuerCode'], (r: { issuerCode: string }) => agencyRef(r.issuerCode));

export const GrowingAreaCode: GrowingAreaCodeResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.growingAreaCodeByCode.load(ref.code),
  issuer,
  commune,
  communeOnRecord: reads(['communeCodeOnRecord', 'issuedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.issuedOn)),
};

export const Outbreak: OutbreakResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.outbreakByCode.load(ref.code),
  communes: reads(['communeCodes'], (r) => r.communeCodes.map(unitRef)),
  communesOnRecord: reads(['communeCodesOnRecord', 'detectedOn'], (r) => r.communeCodesOnRecord.map((c) => unitAsOf(c, r.detectedOn)!)),
  issuer,
};

export const LivestockFarm: LivestockFarmResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.livestockFarmByCode.load(ref.code),
  commune,
};

export const IrrigationWork: IrrigationWorkResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.irrigationWorkByCode.load(ref.code),
  commune,
  managedBy: reads(['managedByCode'], (r) => (r.managedByCode ? agencyRef(r.managedByCode) : null)),
};

export const AquacultureArea: AquacultureAreaResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.aquacultureAreaByCode.load(ref.code),
  commune,
};

export const OcopProduct: OcopProductResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.ocopProductByCode.load(ref.code),
  issuer,
  commune,
  communeOnRecord: reads(['communeCodeOnRecord', 'decidedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.decidedOn)),
  status: reads(['revokedOn', 'validUntil'], (r) => (r.revokedOn ? 'REVOKED' : r.validUntil < todayInVietnam() ? 'EXPIRED' : 'IN_FORCE')),
};

export const NewRuralStatus: NewRuralStatusResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.newRuralStatusByCode.load(ref.code),
  issuer,
  commune,
  communeOnRecord: reads(['communeCodeOnRecord', 'decidedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.decidedOn)),
};
