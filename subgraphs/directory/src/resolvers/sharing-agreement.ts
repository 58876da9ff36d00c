import type { SharingAgreement } from '../entities';
import type { Ctx } from './context';

export const SharingAgreementResolvers = {
  provider: (a: SharingAgreement, _: unknown, ctx: Ctx) => ctx.loaders.agencyById.load(a.provider.id),
  consumer: (a: SharingAgreement, _: unknown, ctx: Ctx) => ctx.loaders.agencyById.load(a.consumer.id),
  requestedAt: (a: SharingAgreement) => a.createdAt,
};
