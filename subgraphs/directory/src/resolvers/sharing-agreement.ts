import type { SharingAgreementResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const SharingAgreement: SharingAgreementResolvers<Ctx> = {
  provider: (a, _, ctx) => ctx.loaders.agencyById.load(a.provider.id),
  consumer: (a, _, ctx) => ctx.loaders.agencyById.load(a.consumer.id),
  requestedAt: (a) => a.createdAt,
};
