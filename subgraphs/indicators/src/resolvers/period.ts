import type { PeriodResolvers } from '../__generated__/resolvers-types';
import { previousYear, tryParsePeriod, type Period as ParsedPeriod } from '../periods';
import type { Ctx } from './context';

/** A period as the graph shows it. */
export const periodView = (p: ParsedPeriod) => ({
  id: p.id,
  type: p.type,
  year: p.year,
  startDate: p.start,
  endDate: p.end,
  previousYear: previousYear(p).id,
});

// Other subgraphs name a period by its id (a trade flow's quarter): any valid id resolves, without reading the
// database; an id that is no period resolves to null.
export const Period: PeriodResolvers<Ctx> = {
  __resolveReference: (ref: { id: string }) => {
    const p = tryParsePeriod(ref.id);
    return p ? periodView(p) : null;
  },
};
