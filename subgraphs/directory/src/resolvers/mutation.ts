import type { Role } from '../entities';
import { AccountAdminService, DatasetService, SharingAgreementService, type AgreementRequest, type CreateAccountInput, type Decision } from '../services';
import type { Ctx } from './context';

const admin = (ctx: Ctx) => new AccountAdminService(ctx.em, ctx.caller);

export const Mutation = {
  createAccount: (_: unknown, { input }: { input: CreateAccountInput }, ctx: Ctx) => admin(ctx).create(input),
  disableAccount: (_: unknown, a: { username: string; reason: string }, ctx: Ctx) => admin(ctx).setStatus(a.username, 'DISABLED', a.reason),
  enableAccount: (_: unknown, a: { username: string }, ctx: Ctx) => admin(ctx).setStatus(a.username, 'ACTIVE', null),
  setRoles: (_: unknown, a: { username: string; roles: Role[] }, ctx: Ctx) => admin(ctx).setRoles(a.username, a.roles),
  changePassword: (_: unknown, a: { currentPassword: string; newPassword: string }, ctx: Ctx) =>
    admin(ctx).changePassword(a.currentPassword, a.newPassword),
  recordDatasetOwnership: (_: unknown, a: { datasetCode: string; agencyCode: string; validFrom: string; basis: string }, ctx: Ctx) =>
    new DatasetService(ctx.em).recordOwnership(ctx.caller, a.datasetCode, a.agencyCode, a.validFrom, a.basis),
  requestSharingAgreement: (_: unknown, { input }: { input: AgreementRequest }, ctx: Ctx) =>
    new SharingAgreementService(ctx.em, ctx.caller).request(input),
  decideSharingAgreement: (_: unknown, a: { id: string; decision: Decision; reason?: string }, ctx: Ctx) =>
    new SharingAgreementService(ctx.em, ctx.caller).decide(a.id, a.decision, a.reason),
};
