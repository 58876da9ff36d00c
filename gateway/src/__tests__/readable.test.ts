// The coordinates a context token lets a subgraph show unmasked: exactly those the policy allows, per subgraph,
// recomputed when the facts change.
import { buildPolicy, readSupergraph, type Grant, type Principal } from '@hub/schema';
import { ReadableCoordinates } from '../readable';

const policy = buildPolicy(readSupergraph());
const facts = {
  revision: 1,
  grants: [] as Grant[],
  ownerOf: (s: string) => ({ directory: 'TTCDS', 'culture-tourism': 'SVHTTDL' })[s],
  datasetOf: (s: string) => ({ directory: 'DIR-DANHMUC', 'culture-tourism': 'CSDL-VHTTDL' })[s],
  grantsFor(agency: string) {
    return this.grants.filter((g) => g.consumer === agency);
  },
};
const account = (agency: string, ...roles: ('OFFICIAL' | 'DATA_EDITOR')[]): Principal => ({
  kind: 'ACCOUNT',
  accountId: `${agency}-${roles.join('-')}`,
  agency,
  roles,
  editorOf: roles.includes('DATA_EDITOR') ? ['CSDL-VHTTDL'] : [],
});
const readable = new ReadableCoordinates(policy, facts);

it('lists the RESTRICTED and PERSONAL coordinates of one subgraph that the caller may read', async () => {
  expect((await readable.of(account('SVHTTDL', 'DATA_EDITOR'), 'culture-tourism')).sort()).toEqual([
    'AccommodationEstablishment.annualRevenue',
    'AccommodationEstablishment.ownerName',
  ]);
  expect(await readable.of(account('SVHTTDL', 'OFFICIAL'), 'culture-tourism')).toEqual(['AccommodationEstablishment.annualRevenue']);
  expect(await readable.of(account('SXD', 'OFFICIAL'), 'culture-tourism')).toEqual([]);
  expect(await readable.of({ kind: 'PUBLIC' }, 'culture-tourism')).toEqual([]);
  expect(await readable.of(account('SVHTTDL', 'DATA_EDITOR'), 'directory')).toEqual([]);
});

it('answers from its cache until the facts change', async () => {
  const sxd = account('SXD', 'OFFICIAL');
  const first = readable.of(sxd, 'culture-tourism');
  expect(readable.of(sxd, 'culture-tourism')).toBe(first);
  facts.grants = [{ provider: 'SVHTTDL', consumer: 'SXD', coordinates: ['AccommodationEstablishment'], includesPersonalData: false }];
  expect(await readable.of(sxd, 'culture-tourism')).toEqual([]); // same revision: the cached answer
  facts.revision = 2;
  expect(await readable.of(sxd, 'culture-tourism')).toEqual(['AccommodationEstablishment.annualRevenue']);
});
