import type { MutationResolvers } from '../__generated__/resolvers-types';
import { AccountAdminService, DatasetService, SharingAgreementService } from '../services';
import type { Ctx } from './context';

const admin = (ctx: Ctx) => new AccountAdminService(ctx.em, ctx.caller);

export const Mutation: MutationResolvers<Ctx> = {
  createAccount: (_, { input }, ctx) => admin(ctx).create(input),
  disableAccount: (_, a, ctx) => admin(ctx).setStatus(a.username, 'DISABLED', a.reason),
  enableAccount: (_, a, ctx) => admin(ctx).setStatus(a.username, 'ACTIVE', null),
  setRoles: (_, a, ctx) => admin(ctx).setRoles(a.username, a.roles),
  setEditorDatasets: (_, a, ctx) => admin(ctx).setEditorDatasets(a.username, a.datasetCodes),
  changePassword: (_, a, ctx) => admin(ctx).changePassword(a.currentPassword, a.newPassword),
  recordDatasetOwnership: (_, a, ctx) =>
    new DatasetService(ctx.em).recordOwnership(ctx.caller, a.datasetCode, a.agencyCode, a.validFrom, a.basis),
  requestSharingAgreement: (_, { input }, ctx) => new SharingAgreementService(ctx.em, ctx.caller).request(input),
  decideSharingAgreement: (_, a, ctx) => new SharingAgreementService(ctx.em, ctx.caller).decide(a.id, a.decision, a.reason),
};
