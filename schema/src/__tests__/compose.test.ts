import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { apiSchemaOf, compose, defaultSources } from '../compose';
import { classificationMap, maskedInputs, unclassifiedFields } from '../classification';
import { API_SCHEMA_PATH, SUPERGRAPH_PATH } from '../sdl';

describe('composition', () => {
  it('the checked-in supergraph is what the subgraphs compose to (run `npm run compose` if this fails)', () => {
    const result = compose();
    expect(result.errors).toEqual([]);
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(result.supergraphSdl);
  });

  it('the checked-in API schema is the supergraph as clients see it, without federation internals', () => {
    const api = readFileSync(API_SCHEMA_PATH, 'utf8');
    expect(api).toBe(apiSchemaOf(compose().supergraphSdl!));
    expect(api).not.toMatch(/join__|link__|@join|@link|federation__|_Entity|_Service/);
    expect(api).toMatch(/^type TouristSite \{/m);
    expect(api).toMatch(/^type AuditEvent \{/m);
    // What clients see carries no directive of the hub's own either: classifications are the gateway's business.
    expect(api).not.toMatch(/@classified|@sensitive/);
  });

  it('keeps @classified in the supergraph for every field', () => {
    const doc = parse(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect(unclassifiedFields(doc)).toEqual([]);
    const levels = classificationMap(doc);
    expect(levels.get('TouristSite.name')).toBe('PUBLIC');
    expect(levels.get('AccommodationEstablishment.licenceNumber')).toBe('INTERNAL');
    expect(levels.get('AccommodationEstablishment.ownerName')).toBe('PERSONAL');
  });

  it('fails, naming subgraph and coordinate, when a field has no classification', () => {
    const sources = defaultSources().map((s) =>
      s.name === 'culture-tourism'
        ? { ...s, sdl: `${s.sdl}\ntype Museum @key(fields: "code") { code: String! @classified(level: PUBLIC) curator: String }\n` }
        : s,
    );
    const result = compose(sources);
    expect(result.supergraphSdl).toBeUndefined();
    expect(result.errors).toEqual(['culture-tourism: Museum.curator has no @classified(level: …) on the field or its type']);
  });

  it('keeps @sensitive and input classifications in the supergraph, for the audit log to mask', () => {
    const masked = maskedInputs(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')));
    expect(masked.get('Mutation.changePassword(currentPassword:)')).toBe('sensitive');
    expect(masked.get('Mutation.changePassword(newPassword:)')).toBe('sensitive');
    expect(masked.get('CreateAccountInput.password')).toBe('sensitive');
    expect(masked.get('AccommodationUpdate.ownerName')).toBe('personal');
    expect(masked.has('CreateAccountInput.username')).toBe(false);
  });

  it('fails when an argument or input field that looks like a secret is not marked @sensitive', () => {
    const sources = defaultSources().map((s) =>
      s.name === 'culture-tourism'
        ? {
            ...s,
            sdl: `${s.sdl}
input PortalLogin { user: String apiToken: String }
extend type Query { portal(login: PortalLogin, adminPassword: String): String @classified(level: PUBLIC) }
`,
          }
        : s,
    );
    const result = compose(sources);
    expect(result.supergraphSdl).toBeUndefined();
    expect([...result.errors].sort()).toEqual([
      'culture-tourism: PortalLogin.apiToken looks like a secret but is not marked @sensitive (the audit log would keep its value)',
      'culture-tourism: Query.portal(adminPassword:) looks like a secret but is not marked @sensitive (the audit log would keep its value)',
    ]);
  });

  it('refuses restricted or personal data on a field that several subgraphs serve', () => {
    const sources = defaultSources().map((s) =>
      s.name === 'culture-tourism'
        ? {
            ...s,
            sdl: s.sdl.replace(
              'resolvable: false) @classified(level: PUBLIC) {\n  code: String!',
              'resolvable: false) @classified(level: PUBLIC) {\n  code: String! @classified(level: PERSONAL)',
            ),
          }
        : s,
    );
    expect(compose(sources).errors.join('\n')).toMatch(/AdministrativeUnit\.code is PERSONAL but served by several subgraphs/);
  });

  it('reports composition errors between subgraphs', () => {
    const sources = defaultSources().map((s) =>
      s.name === 'culture-tourism'
        ? {
            ...s,
            sdl: s.sdl.replace(
              'resolvable: false) @classified(level: PUBLIC) {\n  code: String!',
              'resolvable: false) @classified(level: PUBLIC) {\n  code: Int!',
            ),
          }
        : s,
    );
    const result = compose(sources);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.join('\n')).toMatch(/AdministrativeUnit\.code/);
  });
});
