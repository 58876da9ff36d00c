// The measure the limits read: depth through fragments, introspection apart, aliases and directives counted where
// they are reached, each fragment measured once.
import { getIntrospectionQuery, parse, type OperationDefinitionNode } from 'graphql';
import { operationSize } from '../operation-size';

const size = (text: string, name?: string) => {
  const doc = parse(text);
  const op = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (name === undefined || d.name?.value === name),
  )!;
  return operationSize(doc, op);
};

it('counts fields, not fragments, for depth', () => {
  expect(size('{ a { b { c } } }')).toEqual({ depth: 3, introspectionDepth: 0, aliases: 0, directives: 0 });
  expect(size('{ a { ...F ... on T { x { y } } } } fragment F on T { b { c { d } } }').depth).toBe(4);
  expect(size('{ __typename }').depth).toBe(1);
});

it('measures introspection apart from data', () => {
  expect(size(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }))).toMatchObject({
    depth: 0,
    introspectionDepth: 15,
  });
  expect(size('{ __type(name: "T") { fields { name } } site { code } }')).toMatchObject({ depth: 2, introspectionDepth: 3 });
  // Introspection reached through a fragment still counts as introspection.
  expect(size('{ ...Q } fragment Q on Query { __schema { types { name } } }')).toMatchObject({ depth: 0, introspectionDepth: 3 });
});

it('counts aliases and directives where they are reached, each spread of a fragment again', () => {
  const s = size(
    'query Q @live { a: x @include(if: true) ...F ...F } fragment F on Query @skip(if: false) { b: y c: z @include(if: true) }',
  );
  expect(s.aliases).toBe(1 + 2 * 2);
  expect(s.directives).toBe(1 + 1 + 2 * (1 + 1));
  expect(size('{ t1: __typename t2: __typename }').aliases).toBe(2);
});

// Measured naively, 2^30 expansions would not finish within the test's timeout.
it('measures each fragment once, however often it is spread', () => {
  const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on T { a: x ${i < 29 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(
    '\n',
  );
  const s = size(`{ ...F0 }\n${fragments}`);
  expect(s.aliases).toBe(2 ** 30 - 1);
  expect(s.depth).toBe(1);
});

it('only measures the operation asked for', () => {
  expect(size('query A { a } query B { b { c { d } } }', 'A').depth).toBe(1);
});
