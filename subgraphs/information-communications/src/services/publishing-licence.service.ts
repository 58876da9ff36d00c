// Publishing and printing licences: lookups, the filtered list, and revocation (a licence is never deleted).
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, msg } from '@hub/schema';
import { containsPattern, field, findConnection, updateVersioned, z, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { PublishingLicence } from '../entities';
import type { PublishingLicenceFilter } from '../__generated__/resolvers-types';

const RevokeRules = z.object({ revokedOn: field.pastDate() });

export class PublishingLicenceService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: PublishingLicenceFilter | null | undefined): FilterQuery<PublishingLicence> {
    const and: FilterQuery<PublishingLicence>[] = [];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.status) and.push({ status: filter.status });
    if (filter?.issuerCode) and.push({ issuerCode: filter.issuerCode });
    if (filter?.search) and.push({ searchText: { $like: containsPattern(filter.search) } });
    if (filter?.communeCodes) and.push({ communeCode: { $in: [...filter.communeCodes] } });
    return and.length ? { $and: and } : {};
  }

  byNumbers(numbers: readonly string[]): Promise<PublishingLicence[]> {
    return numbers.length ? this.em.find(PublishingLicence, { number: { $in: [...numbers] } }) : Promise.resolve([]);
  }

  list(
    filter: PublishingLicenceFilter | null | undefined,
    args: PageArgs,
    info?: GraphQLResolveInfo,
  ): Promise<Connection<PublishingLicence>> {
    return findConnection(this.em, PublishingLicence, PublishingLicenceService.where(filter), args, 'number', info);
  }

  /** A VALID licence is approved data: the reason is required; one no longer VALID cannot be revoked. */
  revoke(caller: CallerClaims, number: string, revokedOn: string, expectedVersion: number): Promise<PublishingLicence> {
    const write = {
      entity: PublishingLicence,
      where: { number },
      keyArgument: 'number',
      what: msg(`licence "${number}"`, `giấy phép "${number}"`),
      expectedVersion,
      coordinate: 'Mutation.revokePublishingLicence',
      input: { schema: RevokeRules, value: { revokedOn }, argument: '' },
    };
    return updateVersioned(this.em, caller, write, (l, i) => {
      if (l.status !== 'VALID')
        throw badUserInput(
          'number',
          msg(`licence "${number}" is not in force (${l.status})`, `giấy phép "${number}" không còn hiệu lực (${l.status})`),
        );
      if (i.revokedOn < String(l.issuedOn))
        throw badUserInput(
          'revokedOn',
          msg(`must not be before the issue day ${String(l.issuedOn)}`, `không được trước ngày cấp ${String(l.issuedOn)}`),
        );
      l.status = 'REVOKED';
      l.revokedOn = i.revokedOn;
    });
  }
}
