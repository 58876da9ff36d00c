import type { QueryResolvers } from '../__generated__/resolvers-types';
import { AccountAdminService, SharingAgreementService, AdministrativeUnitService, AgencyService, DatasetService } from '../services';
import type { Ctx } from './context';
import { mayRead } from '../services/may-read.service';

export const Query: QueryResolvers<Ctx> = {
  agency: (_, { code }, ctx) => ctx.loaders.agencyByCode.load(code),
  agencies: (_, args, ctx) => new AgencyService(ctx.em).list(args.filter, args),
  administrativeUnit: (_, { code, asOf }, ctx) => new AdministrativeUnitService(ctx.em).byCode(code, asOf),
  administrativeUnits: (_, args, ctx) => new AdministrativeUnitService(ctx.em).list(args),
  dataset: (_, { code }, ctx) => ctx.loaders.datasetByCode.load(code),
  datasets: (_, args, ctx) => new DatasetService(ctx.em).list(args),
  sharingAgreements: (_, args, ctx) => new SharingAgreementService(ctx.em, ctx.caller).list(args.status, args),
  me: (_, _a, ctx) => new AccountAdminService(ctx.em, ctx.caller).me(),
  mayRead: (_, { coordinates }, ctx) => mayRead(ctx.em, ctx, coordinates),
  accounts: (_, args, ctx) => new AccountAdminService(ctx.em, ctx.caller).list(args.agencyCode, args),
};
