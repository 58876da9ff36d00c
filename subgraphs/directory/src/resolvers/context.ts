import type { HubContext } from '@hub/kit';
import type { Account } from '../entities';
import type { DirectoryLoaders } from '../loaders';
import type { ExternalAccount } from '../services';

export type Ctx = HubContext<DirectoryLoaders>;

/** An account as the resolvers get it: the directory's own, or the view of an external one (`me`). */
export type AccountParent = Account | ExternalAccount;

/** A record's provenance as the kit builds it: the dataset by code, which the directory then loads itself. */
export interface ProvenanceParent {
  dataset: { code: string };
  updatedAt: Date;
  retrievedAt: Date;
}
