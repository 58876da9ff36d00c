// The policy's cost: two gateways on the same subgraphs, field-level policy off (baseline) and on.
//   npm run bench:policy -w @hub/e2e      (target: ratio ≥ 0.95)
import { body, publish } from './lib';
import { compareGateways, comparisonTable } from './compare';

const QUERIES = {
  small: body('{ touristSite(code: "DL-0001") { name category } }'),
  nested: body('{ touristSites(first: 10) { nodes { name commune { name ancestors { name } } } } }'),
  'partly denied': body('{ accommodations(first: 10) { nodes { name licenceNumber ownerName commune { name } } } }'),
};

compareGateways({
  baseline: { label: 'policy off (baseline)', env: { HUB_POLICY: 'off' } },
  candidate: { label: 'policy on', env: {} },
  bodies: Object.values(QUERIES),
})
  .then((c) => {
    const table = [
      '## Field-level policy: on vs off',
      '',
      `Same subgraphs, two gateways (policy off / on, audit on in both), ${Object.keys(QUERIES).join(', ')} queries in rotation,`,
      `${c.settings.connections} connections, ${c.settings.rounds} rounds × ${c.settings.seconds} s alternating, medians (spread in brackets).`,
      `Machine: ${c.machine}. Target: ratio ≥ 0.95.`,
      '',
      comparisonTable(c),
      '',
      'The queries are sent without signing in (PUBLIC). With the policy on, the partly denied query is answered without',
      'its INTERNAL and PERSONAL fields (`licenceNumber`, `ownerName`: null, each with a FORBIDDEN error): the gateway',
      'removes them from the plan, so the subgraph never fetches them. That query does less work with the policy on',
      'than off, which is how the ratio can exceed 1; on the small and nested queries (PUBLIC fields only) the policy',
      'is pure cost.',
    ].join('\n');
    console.log(`\n${table}\n`);
    publish('policy-on-off', table, { ...c, queries: QUERIES });
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
