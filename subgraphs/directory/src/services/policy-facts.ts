// What the policy needs to know, from the directory: which agency owns each subgraph's database today, and the
// sharing agreements in force. The gateway reads it at /internal/policy-facts; `mayRead` decides with it here.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PolicyFacts, PolicyFactsView } from '@hub/schema';
import { DatasetOwnership } from '../entities';
import { today, validOn } from './dates';
import { SharingAgreementService } from './sharing-agreement.service';

export async function policyFactsOf(em: EntityManager): Promise<PolicyFactsView> {
  const day = today();
  const rows = await em.find(DatasetOwnership, { dataset: { subgraph: { $ne: null } } }, { populate: ['dataset', 'agency'] });
  const owners: Record<string, string> = {};
  const datasets: Record<string, string> = {};
  for (const o of rows) {
    datasets[o.dataset.subgraph!] = o.dataset.code;
    if (validOn(o, day)) owners[o.dataset.subgraph!] = o.agency.code;
  }
  return { owners, datasets, grants: await new SharingAgreementService(em).inForce() };
}

/** The policy's view of these facts (`PolicyFacts`). */
export function asPolicyFacts({ owners, datasets, grants }: PolicyFactsView): PolicyFacts {
  return {
    ownerOf: (s) => owners[s],
    datasetOf: (s) => datasets[s],
    grantsFor: (agency) => grants.filter((g) => g.consumer === agency),
  };
}
