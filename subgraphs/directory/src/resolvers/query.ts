import type { PageArgs } from '@hub/kit';
import { AccountAdminService, SharingAgreementService, AdministrativeUnitService, AgencyService, DatasetService, type AgencyFilter, type UnitListArgs } from '../services';
import type { Ctx } from './context';

export const Query = {
  agency: (_: unknown, { code }: { code: string }, ctx: Ctx) => ctx.loaders.agencyByCode.load(code),
  agencies: (_: unknown, args: PageArgs & { filter?: AgencyFilter }, ctx: Ctx) => new AgencyService(ctx.em).list(args.filter, args),
  administrativeUnit: (_: unknown, { code, asOf }: { code: string; asOf?: string }, ctx: Ctx) =>
    new AdministrativeUnitService(ctx.em).byCode(code, asOf),
  administrativeUnits: (_: unknown, args: UnitListArgs, ctx: Ctx) => new AdministrativeUnitService(ctx.em).list(args),
  dataset: (_: unknown, { code }: { code: string }, ctx: Ctx) => ctx.loaders.datasetByCode.load(code),
  datasets: (_: unknown, args: PageArgs, ctx: Ctx) => new DatasetService(ctx.em).list(args),
  sharingAgreements: (_: unknown, args: PageArgs & { status?: import('../entities').AgreementStatus }, ctx: Ctx) =>
    new SharingAgreementService(ctx.em, ctx.caller).list(args.status, args),
  me: (_: unknown, _a: unknown, ctx: Ctx) => new AccountAdminService(ctx.em, ctx.caller).me(),
  accounts: (_: unknown, args: PageArgs & { agencyCode?: string }, ctx: Ctx) =>
    new AccountAdminService(ctx.em, ctx.caller).list(args.agencyCode, args),
};
