// The catalogue follows the registry: at every start the directory links each dataset a subgraph declares (the
// `"hub"` block of its package.json) to that subgraph, creating the catalogue entry, owned by the declared owner,
// when the catalogue does not have it yet. Idempotent; a department adds nothing here for its subgraph. Ownership
// that already exists is never changed (it is dated data: `recordDatasetOwnership`).
import type { EntityManager } from '@mikro-orm/postgresql';
import { changeScope, stableId } from '@hub/kit';
import type { Logger } from '@hub/runtime';
import type { SubgraphEntry } from '@hub/schema';
import { Agency, Dataset, DatasetOwnership } from '../entities';

export async function linkDeclaredDatasets(
  em: EntityManager,
  entries: readonly SubgraphEntry[],
  log: Logger,
): Promise<{ created: string[]; linked: string[] }> {
  const created: string[] = [];
  const linked: string[] = [];
  await changeScope({ accountId: 'in-process', reason: 'linked to the subgraph that declares it' }, async () => {
    for (const s of entries) {
      const dataset = await em.findOne(Dataset, { code: s.dataset });
      if (dataset) {
        if (dataset.subgraph !== s.name) {
          dataset.subgraph = s.name;
          linked.push(s.dataset);
        }
        continue;
      }
      const fresh = em.create(Dataset, {
        id: stableId('directory.dataset', s.dataset),
        code: s.dataset,
        name: s.datasetName ?? s.dataset,
        sector: s.name,
        subgraph: s.name,
      });
      const owner = await em.findOne(Agency, { code: s.owner });
      if (owner) {
        em.create(DatasetOwnership, {
          id: stableId('directory.ownership', `${s.dataset}:${s.owner}`),
          dataset: fresh,
          agency: owner,
          validFrom: null,
          validTo: null,
          basis: `declared by ${s.dir}`,
        });
      } else {
        log.warn(
          { dataset: s.dataset, owner: s.owner },
          'the declared owner is not in the directory: record the ownership with recordDatasetOwnership',
        );
      }
      created.push(s.dataset);
    }
    await em.flush();
  });
  if (created.length || linked.length) log.info({ created, linked }, 'catalogue linked to the declared subgraphs');
  return { created, linked };
}
