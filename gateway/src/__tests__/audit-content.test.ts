// What the audit record keeps of a request's variables: what the schema marks secret or PERSONAL masked wherever it
// flows, undeclared variables dropped, large ones by size, digest and beginning.
import { createHash } from 'node:crypto';
import { buildASTSchema, parse, type OperationDefinitionNode } from 'graphql';
import { maskedInputs } from '@hub/schema';
import { recordedVariables, VARIABLES_HEAD, VARIABLES_RECORD_LIMIT } from '../audit-content';
import { MASK, maskVariables } from '../masking';
import { operationShape } from '../operation-walk';

// A schema that says what is secret and personal, and operations that try to hide it under other names.
const SDL = `
  directive @sensitive on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  enum Classification { PUBLIC INTERNAL PERSONAL }
  directive @classified(level: Classification!) on OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  type Query { site(code: String!): String @classified(level: PUBLIC) owner(name: String!): String @classified(level: PERSONAL) }
  input Person { name: String @classified(level: PERSONAL) phone: String @classified(level: PERSONAL) note: String }
  input NewAccount { username: String! password: String! @sensitive person: Person tags: [String!] }
  type Mutation {
    changePassword(currentPassword: String! @sensitive, newPassword: String! @sensitive): Boolean @classified(level: INTERNAL)
    createAccounts(inputs: [NewAccount!]!, note: String): Boolean @classified(level: INTERNAL)
    createAccount(input: NewAccount!): Boolean @classified(level: INTERNAL)
  }
`;
const masked = maskedInputs(parse(SDL));
const schema = buildASTSchema(parse(SDL));

function recorded(query: string, variables: Record<string, unknown>) {
  const document = parse(query);
  const op = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return maskVariables(variables, operationShape(schema, document, op, { masked, maxTextLength: 100_000 }).variablePlan, masked);
}

describe('masking decided by the schema', () => {
  it('finds @sensitive and PERSONAL arguments and input fields, and every argument of a PERSONAL field', () => {
    expect([...masked].sort()).toEqual([
      ['Mutation.changePassword(currentPassword:)', 'sensitive'],
      ['Mutation.changePassword(newPassword:)', 'sensitive'],
      ['NewAccount.password', 'sensitive'],
      ['Person.name', 'personal'],
      ['Person.phone', 'personal'],
      ['Query.owner(name:)', 'personal'],
    ]);
  });

  it('masks renamed variables, whatever they are called', () => {
    expect(
      recorded('mutation C($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b) }', { a: 'p-one', b: 'p-two' }),
    ).toEqual({ a: MASK, b: MASK });
  });

  it('masks inside nested inputs and lists of inputs, keeping what is not secret', () => {
    const inputs = [
      { username: 'a', password: 'p1', person: { name: 'Nguyễn Văn A', phone: '0912', note: 'keep' }, tags: ['x'] },
      { username: 'b', password: 'p2' },
    ];
    expect(recorded('mutation($i: [NewAccount!]!) { createAccounts(inputs: $i) }', { i: inputs })).toEqual({
      i: [
        { username: 'a', password: MASK, person: { name: MASK, phone: MASK, note: 'keep' }, tags: ['x'] },
        { username: 'b', password: MASK },
      ],
    });
    // Nothing sent is changed.
    expect(inputs[0].password).toBe('p1');
  });

  it('masks a variable placed into a secret field of an inline input object, and one used twice', () => {
    expect(
      recorded('mutation($u: String!, $p: String!) { createAccount(input: { username: $u, password: $p }) }', { u: 'x', p: 'secret' }),
    ).toEqual({ u: 'x', p: MASK });
    // $p also feeds a harmless argument: one masked use masks it everywhere.
    expect(
      recorded('mutation($p: String!) { createAccounts(inputs: [], note: $p) changePassword(currentPassword: $p, newPassword: "x") }', {
        p: 's',
      }),
    ).toEqual({ p: MASK });
  });

  it('masks through aliases and fragments, and PERSONAL arguments of queries', () => {
    expect(
      recorded('query($n: String!, $c: String!) { a: owner(name: $n) b: site(code: $c) ...F } fragment F on Query { c: owner(name: $n) }', {
        n: 'Nguyễn Văn A',
        c: 'DL-1',
      }),
    ).toEqual({ n: MASK, c: 'DL-1' });
  });

  it('keeps no variable the operation does not declare, and no key its input type does not have', () => {
    expect(recorded('query($c: String!) { site(code: $c) }', { c: 'DL-1', password: 'unused-secret', extra: 1 })).toEqual({ c: 'DL-1' });
    expect(
      recorded('mutation($i: NewAccount!) { createAccount(input: $i) }', { i: { username: 'a', password: 'p', pwd: 'also-secret' } }),
    ).toEqual({ i: { username: 'a', password: MASK, pwd: MASK } });
  });

  it('returns parts with nothing to mask as they are (a bulk write is not copied)', () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => ({ username: `u${i}`, tags: ['t'] }));
    const r = recorded('mutation($i: [NewAccount!]!) { createAccounts(inputs: $i) }', { i: inputs })!;
    expect(r.i).toBe(inputs);
    expect(maskVariables(undefined, [], masked)).toBeNull();
    expect(maskVariables({ a: 1 }, undefined, masked)).toBeNull();
  });
});

describe('recordedVariables', () => {
  it('keeps small variables whole', () => {
    const masked = { c: 'LT-0005', s: 'x'.repeat(1000) };
    expect(recordedVariables(masked)).toBe(masked);
    expect(recordedVariables(null)).toBeNull();
  });

  it('records large variables by size, SHA-256 and beginning of their masked JSON', () => {
    const masked = { password: MASK, v: Array.from({ length: 5000 }, (_, i) => ({ unit: `U${i}`, value: i })) };
    const text = JSON.stringify(masked);
    expect(text.length).toBeGreaterThan(VARIABLES_RECORD_LIMIT);
    const r = recordedVariables(masked) as Record<string, unknown>;
    expect(r).toEqual({
      truncated: true,
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
      head: text.slice(0, VARIABLES_HEAD),
    });
    expect(r.head).toMatch(/^\{"password":"\[masked\]","v":\[\{"unit":"U0","value":0\}/);
    expect(JSON.stringify(r)).not.toContain('Very-Secret');
  });

  it('counts bytes, not characters, and never cuts a character in two', () => {
    // 'ệ' is 3 bytes in UTF-8: 30,000 of them are 90,000 bytes in 30,000 characters.
    const wide = { name: 'ệ'.repeat(30_000) };
    expect((recordedVariables(wide) as { bytes: number }).bytes).toBe(Buffer.byteLength(JSON.stringify(wide)));
    // An emoji is two UTF-16 units: the head ends before a pair it would split.
    const emoji = { s: `${'a'.repeat(VARIABLES_HEAD - 7)}${'😀'.repeat(40_000)}` };
    const head = (recordedVariables(emoji) as { head: string }).head;
    expect(head.length).toBe(VARIABLES_HEAD - 1);
    expect(head.endsWith('a')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(head)).toBe(false);
  });
});
