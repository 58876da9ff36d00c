import type { MutationResolvers } from '../__generated__/resolvers-types';
import { ValuesService } from '../services';
import { currentChangeScope } from '@hub/kit';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change; the upload keeps it with its source.
export const Mutation: MutationResolvers<Ctx> = {
  async upsertIndicatorValues(_, a, ctx) {
    const t = performance.now();
    const r = await new ValuesService(ctx.em).upsert(ctx.caller, a.values, a.source ?? null, currentChangeScope()?.reason ?? null);
    return { ...r, sqlMs: performance.now() - t };
  },
};
