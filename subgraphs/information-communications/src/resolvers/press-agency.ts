import { agencyRef, reads } from '@hub/kit';
import type { PressAgencyResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const PressAgency: PressAgencyResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.pressAgencyByCode.load(ref.code),
  issuer: reads(['issuerCode'], (r) => (r.issuerCode ? agencyRef(r.issuerCode) : null)),
  governingAgency: reads(['governingAgencyCode'], (r) => (r.governingAgencyCode ? agencyRef(r.governingAgencyCode) : null)),
  successor: reads(['successorCode'], (r, _, ctx) => (r.successorCode ? ctx.loaders.pressAgencyByCode.load(r.successorCode) : null)),
};
