// The catalogue of sector databases and who owned each one when.
import type { EntityManager } from '@mikro-orm/postgresql';
import { findConnection, type Connection, type PageArgs } from '@hub/kit';
import { Dataset, DatasetOwnership } from '../entities';
import { validOn } from './dates';

export class DatasetService {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<Dataset[]> {
    return codes.length ? this.em.find(Dataset, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(args: PageArgs): Promise<Connection<Dataset>> {
    return findConnection(this.em, Dataset, {}, args, 'code');
  }

  /** Ownership periods of many datasets, oldest first. */
  ownershipsOf(datasetIds: readonly string[]): Promise<DatasetOwnership[]> {
    return this.em.find(
      DatasetOwnership,
      { dataset: { $in: [...datasetIds] } },
      { orderBy: { validFrom: 'asc nulls first' } as never },
    );
  }

  /** Ownership periods held by many agencies. */
  ownershipsHeldBy(agencyIds: readonly string[]): Promise<DatasetOwnership[]> {
    return this.em.find(DatasetOwnership, { agency: { $in: [...agencyIds] } }, { populate: ['dataset'] });
  }

  static ownerOn(ownerships: DatasetOwnership[], day: string): DatasetOwnership | undefined {
    return ownerships.find((o) => validOn(o, day));
  }
}
