// Industrial clusters and establishments: lookups, lists, and the editors' update of an establishment.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, msg } from '@hub/schema';
import { field, findConnection, inputRules, locatedWhere, searchKey, updateVersioned, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { IndustrialCluster, IndustrialEstablishment } from '../entities';
import type {
  IndustrialClusterFilter,
  IndustrialEstablishmentFilter,
  IndustrialEstablishmentUpdate,
} from '../__generated__/resolvers-types';
import { byCodes, phone } from './common';

const sector = () => field.code(/^\d{4}$/, '1071');

const EstablishmentUpdateRules = inputRules<IndustrialEstablishmentUpdate>()({
  name: field.text(300).nullish(),
  mainProducts: field.text(500).nullish(),
  sectorCode: sector().nullish(),
  clusterCode: field
    .code(/^CCN-\d{2}$/, 'CCN-01')
    .nullable()
    .optional(),
  employees: field.wholeNumber({ max: 100_000 }).nullish(),
  annualOutputBillionVnd: field.number({ min: 0 }).nullable().optional(),
  revenueBillionVnd: field.number({ min: 0 }).nullable().optional(),
  representativeName: field.textOrNull(200).optional(),
  representativePhone: phone().optional(),
});

export class IndustryService {
  constructor(private readonly em: EntityManager) {}

  static clusterWhere(filter: IndustrialClusterFilter | null | undefined): FilterQuery<IndustrialCluster> {
    const and: FilterQuery<IndustrialCluster>[] = [];
    if (filter?.status) and.push({ status: filter.status });
    if (filter?.communeCodes) and.push({ communeCode: { $in: [...filter.communeCodes] } });
    return and.length ? { $and: and } : {};
  }

  static establishmentWhere(filter: IndustrialEstablishmentFilter | null | undefined): FilterQuery<IndustrialEstablishment> {
    const extra: FilterQuery<IndustrialEstablishment>[] = [];
    if (filter?.sectorCode) extra.push({ sectorCode: filter.sectorCode });
    if (filter?.clusterCode) extra.push({ clusterCode: filter.clusterCode });
    return locatedWhere<IndustrialEstablishment>(filter, extra);
  }

  clustersByCodes(codes: readonly string[]): Promise<IndustrialCluster[]> {
    return byCodes(this.em, IndustrialCluster, codes);
  }

  establishmentsByCodes(codes: readonly string[]): Promise<IndustrialEstablishment[]> {
    return byCodes(this.em, IndustrialEstablishment, codes);
  }

  clusters(
    filter: IndustrialClusterFilter | null | undefined,
    args: PageArgs,
    info?: GraphQLResolveInfo,
  ): Promise<Connection<IndustrialCluster>> {
    return findConnection(this.em, IndustrialCluster, IndustryService.clusterWhere(filter), args, 'code', info);
  }

  establishments(
    filter: IndustrialEstablishmentFilter | null | undefined,
    args: PageArgs,
    info?: GraphQLResolveInfo,
  ): Promise<Connection<IndustrialEstablishment>> {
    return findConnection(this.em, IndustrialEstablishment, IndustryService.establishmentWhere(filter), args, 'code', info);
  }

  updateEstablishment(
    caller: CallerClaims,
    code: string,
    input: IndustrialEstablishmentUpdate,
    expectedVersion: number,
  ): Promise<IndustrialEstablishment> {
    const write = {
      entity: IndustrialEstablishment,
      where: { code },
      what: msg(`industrial establishment "${code}"`, `cơ sở công nghiệp "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateIndustrialEstablishment',
      input: { schema: EstablishmentUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, async (e, change) => {
      if (change.clusterCode != null && !(await this.em.count(IndustrialCluster, { code: change.clusterCode })))
        throw badUserInput(
          'input.clusterCode',
          msg(`no industrial cluster "${change.clusterCode}"`, `không có cụm công nghiệp "${change.clusterCode}"`),
        );
      if (change.name != null) e.name = change.name;
      if (change.mainProducts != null) e.mainProducts = change.mainProducts;
      if (change.sectorCode != null) e.sectorCode = change.sectorCode;
      if (change.employees != null) e.employees = change.employees;
      for (const k of ['clusterCode', 'annualOutputBillionVnd', 'revenueBillionVnd', 'representativeName', 'representativePhone'] as const)
        if (change[k] !== undefined) (e as Record<typeof k, unknown>)[k] = change[k];
      e.searchText = searchKey(e.name);
    });
  }
}
