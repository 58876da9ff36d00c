// Energy projects (owned here; environment and agriculture add fields by `code`): lookups, the list, and writes.
// An OPERATING project is approved data (its `tracked` declaration): a change or a retirement needs a reason.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  containsPattern,
  createRecord,
  field,
  findConnection,
  inputRules,
  searchKey,
  stableId,
  updateVersioned,
  z,
  type Connection,
  type PageArgs,
} from '@hub/kit';
import { msg } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { EnergyProject } from '../entities';
import type {
  EnergyProjectCreate,
  EnergyProjectFilter,
  EnergyProjectKind,
  EnergyProjectRetirement,
  EnergyProjectUpdate,
} from '../__generated__/resolvers-types';
import { byCodes } from './common';

/** Statuses a create or an update may set; SUSPENDED and CANCELLED are set by retireEnergyProject, with a date. */
const activeStatus = () => z.enum(['PLANNED', 'UNDER_CONSTRUCTION', 'OPERATING']);
const communes = () => z.array(field.communeCode()).min(1).max(20);

const EnergyProjectCreateRules = inputRules<EnergyProjectCreate>()({
  code: field.code(/^NL-\d{4}$/, 'NL-0001'),
  name: field.text(300),
  kind: field.asSent<EnergyProjectKind>(),
  capacityMw: field.number({ min: 0, max: 5000 }),
  communeCodes: communes(),
  operator: field.text(300),
  status: activeStatus(),
  commissionedOn: field.date().nullish(),
  investmentBillionVnd: field.number({ min: 0 }).nullish(),
});

const EnergyProjectUpdateRules = inputRules<EnergyProjectUpdate>()({
  name: field.text(300).nullish(),
  capacityMw: field.number({ min: 0, max: 5000 }).nullish(),
  communeCodes: communes().nullish(),
  operator: field.text(300).nullish(),
  status: activeStatus().nullish(),
  commissionedOn: field.date().nullish(),
  investmentBillionVnd: field.number({ min: 0 }).nullish(),
});

const RetireRules = z.object({ status: z.enum(['SUSPENDED', 'CANCELLED']), endedOn: field.date() });

export class EnergyProjectService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: EnergyProjectFilter | null | undefined): FilterQuery<EnergyProject> {
    const and: FilterQuery<EnergyProject>[] = [];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.status) and.push({ status: filter.status });
    if (filter?.search) and.push({ searchText: { $like: containsPattern(filter.search) } });
    if (filter?.communeCodes) and.push({ communeCodes: { $overlap: [...filter.communeCodes] } });
    return and.length ? { $and: and } : {};
  }

  byCodes(codes: readonly string[]): Promise<EnergyProject[]> {
    return byCodes(this.em, EnergyProject, codes);
  }

  list(filter: EnergyProjectFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<EnergyProject>> {
    return findConnection(this.em, EnergyProject, EnergyProjectService.where(filter), args, 'code', info);
  }

  create(caller: CallerClaims, input: EnergyProjectCreate): Promise<EnergyProject> {
    const create = {
      entity: EnergyProject,
      coordinate: 'Mutation.createEnergyProject',
      input: { schema: EnergyProjectCreateRules, value: input },
      unique: (i: EnergyProjectCreate) => ({ code: i.code }),
      what: (i: EnergyProjectCreate) => msg(`energy project "${i.code}"`, `dự án năng lượng "${i.code}"`),
    };
    return createRecord(this.em, caller, create, (i) =>
      this.em.create(EnergyProject, {
        id: stableId('industry-trade.energy', i.code),
        ...i,
        communeCodes: [...new Set(i.communeCodes)],
        commissionedOn: i.commissionedOn ?? null,
        investmentBillionVnd: i.investmentBillionVnd ?? null,
        endedOn: null,
        searchText: searchKey(i.name),
      }),
    );
  }

  private write(code: string, expectedVersion: number, coordinate: string) {
    const what = msg(`energy project "${code}"`, `dự án năng lượng "${code}"`);
    return { entity: EnergyProject, where: { code }, what, expectedVersion, coordinate };
  }

  update(caller: CallerClaims, code: string, input: EnergyProjectUpdate, expectedVersion: number): Promise<EnergyProject> {
    const write = {
      ...this.write(code, expectedVersion, 'Mutation.updateEnergyProject'),
      input: { schema: EnergyProjectUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (e, change) => {
      if (change.name != null) e.name = change.name;
      if (change.capacityMw != null) e.capacityMw = change.capacityMw;
      if (change.communeCodes != null) e.communeCodes = [...new Set(change.communeCodes)];
      if (change.operator != null) e.operator = change.operator;
      if (change.status != null) {
        e.status = change.status;
        e.endedOn = null;
      }
      if (change.commissionedOn !== undefined) e.commissionedOn = change.commissionedOn;
      if (change.investmentBillionVnd !== undefined) e.investmentBillionVnd = change.investmentBillionVnd;
      e.searchText = searchKey(e.name);
    });
  }

  /** Suspends or cancels a project from a day: the record stays in the register, with its history. */
  retire(
    caller: CallerClaims,
    code: string,
    status: EnergyProjectRetirement,
    endedOn: string,
    expectedVersion: number,
  ): Promise<EnergyProject> {
    const write = {
      ...this.write(code, expectedVersion, 'Mutation.retireEnergyProject'),
      input: { schema: RetireRules, value: { status, endedOn }, argument: '' },
    };
    return updateVersioned(this.em, caller, write, (e, r) => {
      e.status = r.status;
      e.endedOn = r.endedOn;
    });
  }
}
