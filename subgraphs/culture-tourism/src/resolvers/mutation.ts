import { TouristSiteService, type TouristSiteUpdate } from '../services';
import type { Ctx } from './context';

export const Mutation = {
  updateTouristSite: (_: unknown, a: { code: string; input: TouristSiteUpdate; expectedVersion: number }, ctx: Ctx) =>
    new TouristSiteService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
};
