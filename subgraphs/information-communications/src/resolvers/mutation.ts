import type { MutationResolvers } from '../__generated__/resolvers-types';
import { PostalPointService, PublishingLicenceService, TelecomStationService } from '../services';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change (required where the record is approved data).
export const Mutation: MutationResolvers<Ctx> = {
  createPostalPoint: (_, a, ctx) => new PostalPointService(ctx.em).create(ctx.caller, a.input),
  updatePostalPoint: (_, a, ctx) => new PostalPointService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  deletePostalPoint: (_, a, ctx) => new PostalPointService(ctx.em).delete(ctx.caller, a.code, a.expectedVersion),
  createTelecomStation: (_, a, ctx) => new TelecomStationService(ctx.em).create(ctx.caller, a.input),
  updateTelecomStation: (_, a, ctx) => new TelecomStationService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  decommissionTelecomStation: (_, a, ctx) =>
    new TelecomStationService(ctx.em).decommission(ctx.caller, a.code, a.decommissionedOn, a.expectedVersion),
  revokePublishingLicence: (_, a, ctx) => new PublishingLicenceService(ctx.em).revoke(ctx.caller, a.number, a.revokedOn, a.expectedVersion),
};
