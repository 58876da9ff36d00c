import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { CustomScalarInputRule, installScalars, textInputIssue } from '../input-rules';
import { operationShape } from '../operation-walk';
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
    expect(arg.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'asOf',
      localized: {
        vi: 'Giá trị không hợp lệ của tham số "asOf" của Query.units: Ngày (Date) "2025-13-01" không phải một ngày có thật trong lịch',
      },
    });
    const [field] = errorsOf(`{ units(range: { from: "1 July" }) }`);
    expect(field.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
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

describe('text the hub cannot accept', () => {
  const textSchema = buildSchema(`
    input Person { name: String, tags: [String!] }
    type Query { find(q: String, people: [Person!], person: Person): Int }
  `);
  const issue = (query: string, variables?: Record<string, unknown>, max = 50) => {
    const document = parse(query);
    const op = document.definitions[0] as OperationDefinitionNode;
    return textInputIssue(operationShape(textSchema, document, op, { masked: new Map(), maxTextLength: max }).text, variables, max);
  };

  it('names the argument or input field, through variables, inline objects and lists', () => {
    expect(issue('query($p: [Person!]) { find(people: $p) }', { p: [{ name: 'ok' }, { name: 'a\u0000b' }] })).toEqual({
      path: 'people[1].name',
      problem: { en: expect.stringMatching(/NUL/), vi: expect.stringMatching(/NUL/) },
    });
    expect(issue('query($n: String) { find(person: { name: $n }) }', { n: 'x\ud800' })).toEqual({
      path: 'person.name',
      problem: { en: expect.stringMatching(/lone UTF-16 surrogate/), vi: expect.stringMatching(/UTF-16/) },
    });
    expect(issue('{ find(person: { tags: ["a", "b\\u0000"] }) }')).toEqual({
      path: 'person.tags[1]',
      problem: { en: expect.stringMatching(/NUL/), vi: expect.stringMatching(/NUL/) },
    });
    expect(issue('query($q: String) { find(q: $q) }', { q: 'x'.repeat(51) })).toEqual({
      path: 'q',
      problem: { en: 'is 51 characters long; at most 50 are accepted', vi: 'dài 51 ký tự; chỉ chấp nhận tối đa 50' },
    });
    expect(issue('query($p: Person) { find(person: $p) }', { p: { ['k\u0000']: 1 } })).toEqual({
      path: 'person.k\u0000',
      problem: { en: expect.stringMatching(/^has a key that contains a NUL/), vi: expect.stringMatching(/^có một khóa chứa ký tự NUL/) },
    });
  });

  it('accepts good text and pairs, and never looks at variables the operation does not use', () => {
    expect(issue('query($q: String) { find(q: $q) }', { q: 'Xã Đàm Thủy 😀', unused: 'a\u0000' })).toBeUndefined();
    expect(issue('{ find(q: "Cao Bằng") }')).toBeUndefined();
  });
});
