import type { Dataset, DatasetOwnership } from '../entities';
import { DatasetService, today } from '../services';
import type { Ctx } from './context';

export const DatasetResolvers = {
  __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.datasetByCode.load(ref.code),
  async owner(d: Dataset, { asOf }: { asOf?: string }, ctx: Ctx) {
    const held = DatasetService.ownerOn(await ctx.loaders.datasetOwnerships.load(d.id), asOf ?? today());
    return held ? ctx.loaders.agencyById.load(held.agency.id) : null;
  },
  ownerships: (d: Dataset, _: unknown, ctx: Ctx) => ctx.loaders.datasetOwnerships.load(d.id),
};

export const DatasetOwnershipResolvers = {
  agency: (o: DatasetOwnership, _: unknown, ctx: Ctx) => ctx.loaders.agencyById.load(o.agency.id),
};
