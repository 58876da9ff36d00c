// The audit subgraph's refusals in both languages (issue 15): the English one as the message, the Vietnamese one in
// `extensions.localized` for the gateway to answer with. These refusals come before any statement on the store.
import { join } from 'node:path';
import { createTestDatabases, generateAuditSigningKeyPair, generateContextKeyPair, type TestDatabases } from '@hub/infra';
import { loadSubgraph, startSubgraph, type RunningSubgraph } from '@hub/kit';
import { createLogger } from '@hub/runtime';

const audit = loadSubgraph(join(__dirname, '../..'));
const auditor = { sub: '7d9c2b1e-0a4f-4e3b-8c5d-6f7a8b9c0d1e', agency: 'TTCDS', roles: ['AUDITOR'] };

let dbs: TestDatabases;
let sg: RunningSubgraph;
beforeAll(async () => {
  dbs = await createTestDatabases(['audit']);
  sg = await startSubgraph(audit, {
    dbUrl: dbs.urls.audit,
    seed: 'none',
    contextPublicKey: generateContextKeyPair().publicKey,
    settings: { publicKey: generateAuditSigningKeyPair().publicKey, checkpointDir: null },
    log: createLogger('audit', 'silent'),
  });
}, 60000);
afterAll(async () => {
  await sg?.stop();
  await dbs?.drop();
});

async function refusal(query: string) {
  const res = await sg.execute(query, undefined, auditor);
  expect(res.errors).toHaveLength(1);
  const { localized, ...extensions } = res.errors![0].extensions ?? {};
  return { message: res.errors![0].message, extensions, vi: (localized as { vi: string } | undefined)?.vi };
}

describe('refusals in Vietnamese', () => {
  it('an event id that is not one', async () => {
    expect(await refusal(`{ auditEvent(id: "42") { id } }`)).toEqual({
      message: 'Invalid value for "id": must be an audit event id as auditEvents lists it (<chainId>:<seq>)',
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
      vi: 'Giá trị không hợp lệ của "id": phải là mã bản ghi kiểm toán như auditEvents liệt kê (<chainId>:<seq>)',
    });
  });

  it('a range that ends before it starts', async () => {
    const r = await refusal(`{ accessStatistics(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z", groupBy: DAY) { key } }`);
    expect(r).toMatchObject({ message: 'Invalid value for "to": must be later than from', extensions: { argument: 'to' } });
    expect(r.vi).toBe('Giá trị không hợp lệ của "to": phải muộn hơn from');
  });
});
