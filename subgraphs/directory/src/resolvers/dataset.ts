import type { DatasetOwnershipResolvers, DatasetResolvers } from '../__generated__/resolvers-types';
import { DatasetService, today } from '../services';
import type { Ctx } from './context';

export const Dataset: DatasetResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.datasetByCode.load(ref.code),
  async owner(d, { asOf }, ctx) {
    const held = DatasetService.ownerOn(await ctx.loaders.datasetOwnerships.load(d.id), asOf ?? today());
    return held ? ctx.loaders.agencyById.load(held.agency.id) : null;
  },
  ownerships: (d, _, ctx) => ctx.loaders.datasetOwnerships.load(d.id),
};

export const DatasetOwnership: DatasetOwnershipResolvers<Ctx> = {
  agency: (o, _, ctx) => ctx.loaders.agencyById.load(o.agency.id),
};
