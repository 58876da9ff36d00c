import { buildSchema, parse, validate } from 'graphql';
import { CustomScalarInputRule, installScalars } from '../input-rules';
import { subgraphsOf } from '../gateway';

const schema = buildSchema(`
  scalar Date
  input Range { from: Date, to: Date }
  type Query { units(asOf: Date, range: Range, days: [Date!]): Int }
`);

const errorsOf = (q: string) => validate(schema, parse(q), [CustomScalarInputRule]);

describe('custom scalar input rule', () => {
  it('accepts good dates, variables and null', () => {
    expect(errorsOf(`query($d: Date) { units(asOf: "2025-07-01", range: { from: $d, to: null }, days: ["2024-02-29"]) }`)).toEqual([]);
  });

  it('names the argument or input field that holds a bad date', () => {
    const [arg] = errorsOf(`{ units(asOf: "2025-13-01") }`);
    expect(arg.message).toBe('Invalid value for argument "asOf" of Query.units: Date "2025-13-01" is not a calendar date');
    expect(arg.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    const [field] = errorsOf(`{ units(range: { from: "1 July" }) }`);
    expect(field.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'from' });
    expect(errorsOf(`{ units(days: ["2025-01-01", "2025-02-31"]) }`)).toHaveLength(1);
  });

  it('installs the real parsing for variables into a schema', () => {
    const s = installScalars(buildSchema('scalar Date type Query { x(d: Date): Int }'));
    const date = s.getType('Date') as import('graphql').GraphQLScalarType;
    expect(date.parseValue('2025-07-01')).toBe('2025-07-01');
    expect(() => date.parseValue('2025-07-32')).toThrow('not a calendar date');
  });
});

it('reads the subgraph URLs from a supergraph', () => {
  expect(
    subgraphsOf(`enum join__Graph {
      CULTURE_TOURISM @join__graph(name: "culture-tourism", url: "http://127.0.0.1:4102/graphql")
      DIRECTORY @join__graph(name: "directory", url: "http://127.0.0.1:4101/graphql")
    }`),
  ).toEqual({ 'culture-tourism': 'http://127.0.0.1:4102/graphql', directory: 'http://127.0.0.1:4101/graphql' });
});
