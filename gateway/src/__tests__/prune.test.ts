import { buildSchema, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { applyNulls, forbiddenErrors, prune, type Decide } from '../prune';
import { operationShape } from '../operation-walk';

const schema = buildSchema(`
  type Query { sites: [Site!]!, site(code: String!): Site }
  type Site { code: String!, name: String, secret: String, mustHave: String!, inner: Inner }
  type Inner { hidden: String }
`);
const DENIED = new Set(['Site.secret', 'Site.mustHave', 'Inner.hidden']);
const decide: Decide = async (c) => (DENIED.has(c) ? `${c} is denied` : true);

/** Prunes with the coordinates the gateway's walk of the document finds. */
const pruned = (document: DocumentNode, operation: OperationDefinitionNode) =>
  prune(
    schema,
    document,
    operation,
    operationShape(schema, document, operation, { masked: new Map(), maxTextLength: 1000 }).coordinates,
    decide,
  );

async function run(query: string) {
  const document = parse(query);
  return pruned(document, document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode);
}

describe('prune', () => {
  it('leaves an operation with nothing denied untouched', async () => {
    const doc = parse('{ sites { code name } }');
    const r = await pruned(doc, doc.definitions[0] as OperationDefinitionNode);
    expect(r.document).toBe(doc);
    expect(r.removals).toEqual([]);
  });

  it('removes denied fields everywhere a fragment is used, with one path per use', async () => {
    const r = await run(
      `query($c: String!, $unused: String) { sites { ...F } one: site(code: $c) { ...F } } fragment F on Site { code s: secret }`,
    );
    expect(r.removals.map((x) => x.path.join('.'))).toEqual(['sites.s', 'one.s']);
    expect(print(r.document)).not.toMatch(/secret|fragment|\$unused/);
    expect(print(r.document)).toMatch(/\$c: String!/);
  });

  it('drops a field whose whole selection is denied, and nulls it', async () => {
    const r = await run(`{ site(code: "x") { code inner { hidden } } }`);
    expect(print(r.document)).not.toMatch(/inner/);
    expect(applyNulls({ site: { code: 'x' } }, r.nulls)).toEqual({ site: { code: 'x', inner: null } });
  });

  it('puts null on the nearest nullable ancestor of a denied non-null field', async () => {
    const r = await run(`{ site(code: "x") { code mustHave } }`);
    expect(r.removals[0].nullPath).toEqual(['site']);
    expect(applyNulls({ site: { code: 'x' } }, r.nulls)).toEqual({ site: null });
  });

  it('nulls a denied field in every item of a list', async () => {
    const r = await run(`{ sites { code secret } }`);
    expect(applyNulls({ sites: [{ code: 'a' }, { code: 'b' }] }, r.nulls)).toEqual({
      sites: [
        { code: 'a', secret: null },
        { code: 'b', secret: null },
      ],
    });
  });

  it('reports an operation with nothing left as empty, and its errors carry 403', async () => {
    const r = await run(`{ site(code: "x") { secret } }`);
    expect(r.empty).toBe(true);
    const [e] = forbiddenErrors(r.removals, true);
    expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Site.secret', http: { status: 403 } });
  });
});
