import { agencyRef, reads, unitAsOf, unitRef } from '@hub/kit';
import type { PublishingLicenceResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const PublishingLicence: PublishingLicenceResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.licenceByNumber.load(ref.number),
  issuer: reads(['issuerCode'], (r) => agencyRef(r.issuerCode)),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'issuedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.issuedOn)),
};
