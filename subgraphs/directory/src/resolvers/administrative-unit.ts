import { badUserInput, dateProblem, joinMessages, msg } from '@hub/schema';
import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import { today } from '../services';
import type { Ctx } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  /**
   * By version id; or by code and day (`validOn`), the version valid that day, or without a day today's version (the
   * most recent one for a unit that ended). A day that is no date is the referring subgraph's mistake: BAD_USER_INPUT.
   */
  async __resolveReference(ref, ctx) {
    if ('id' in ref && ref.id != null) return UUID.test(ref.id) ? ctx.loaders.unitById.load(ref.id) : null;
    const { code, validOn } = ref as { code: string; validOn?: unknown };
    if (validOn == null) return ctx.loaders.unitByCode.load(code);
    const problem = dateProblem(validOn);
    if (problem)
      throw badUserInput(
        'validOn',
        joinMessages(
          msg(
            'an AdministrativeUnit reference needs a day YYYY-MM-DD: ',
            'một tham chiếu AdministrativeUnit cần một ngày dạng YYYY-MM-DD: ',
          ),
          problem,
        ),
      );
    return ctx.loaders.unitByCodeOn.load(`${code}|${validOn as string}`);
  },
  validOn: (u) => u.validOn ?? null,
  parent: (u, _, ctx) => (u.parent ? ctx.loaders.unitById.load(u.parent.id) : null),
  children(u, { asOf }, ctx) {
    const now = today();
    const day = asOf ?? (u.validTo && u.validTo < now ? u.validTo : now);
    return ctx.loaders.unitChildren.load(`${u.id}|${day}`);
  },
  ancestors: (u, _, ctx) => ctx.loaders.unitAncestors.load(u.id),
  successors: (u, _, ctx) => ctx.loaders.unitSuccessors.load(u.id),
  predecessors: (u, _, ctx) => ctx.loaders.unitPredecessors.load(u.id),
  currentCommuneCodes: (u, _, ctx) => ctx.loaders.unitCurrentCommuneCodes.load(u.id),
};
