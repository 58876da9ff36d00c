// Contract and behaviour on a real PostgreSQL: the demo seed, a roll-up, a derived value, bad input, _entities.
import { startTestSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { indicators } from '../definition';

let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(indicators, { seed: true });
}, 60000);
afterAll(() => sg?.stop());

describe('indicators subgraph', () => {
  it('serves the catalogue', async () => {
    const d = await sg.data(`{ indicators(group: "02", first: 50) { totalCount nodes { code aggregation levels dimensions { code } } } indicator(code: "0202") { formula inputs { code } } }`);
    expect(d.indicators.totalCount).toBe(7);
    expect(d.indicator.inputs.map((i: { code: string }) => i.code)).toEqual(['0201', '0101']);
  });

  it('rolls population up to the province and derives the density there', async () => {
    const d = await sg.data(`{ indicatorData(query: { indicators: ["0201", "0202"], periods: ["2024"], units: { codes: ["04"] } }) { rows { indicator unit value origin unitsReported } } }`);
    const [pop, density] = d.indicatorData.rows;
    expect(pop).toMatchObject({ indicator: '0201', origin: 'ROLLED_UP', unitsReported: 161 });
    expect(density).toMatchObject({ indicator: '0202', origin: 'DERIVED' });
  });

  it('resolves _entities for Indicator', async () => {
    const d = await sg.data(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Indicator { code name } } }`, {
      r: [{ __typename: 'Indicator', code: '0201' }],
    });
    expect(d._entities[0]).toEqual({ code: '0201', name: 'Dân số trung bình' });
  });

  it('names the offending item of bad input', async () => {
    const r = await sg.execute(`{ indicatorData(query: { indicators: ["0201"], periods: ["2024M07"], units: { codes: ["04"] } }) { notes } }`);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'query.periods' } });
    expect(r.errors?.[0].message).toMatch(/0201 has no MONTH values \("2024M07"\)/);
  });
});
