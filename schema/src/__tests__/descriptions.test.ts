// Composition fails on anything clients see without a description, naming the subgraph and the coordinate.
import { compose, defaultSources } from '../compose';

describe('descriptions', () => {
  it('the graph has none missing', () => {
    expect(compose().errors).toEqual([]);
  });

  it('refuses a field, an argument, an enum value and a type without one, each named with its subgraph', () => {
    const sources = defaultSources().map((s) =>
      s.name === 'culture-tourism'
        ? {
            ...s,
            sdl:
              s.sdl +
              '\nenum Undescribed { A }\n' +
              'extend type Query {\n  """Documented."""\n  probe(flag: Boolean): Undescribed @classified(level: PUBLIC)\n  bare: Int @classified(level: PUBLIC)\n}\n',
          }
        : s,
    );
    const errors = compose(sources).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        'culture-tourism: Undescribed has no description',
        'culture-tourism: Undescribed.A has no description',
        'culture-tourism: Query.probe(flag:) has no description',
        'culture-tourism: Query.bare has no description',
      ]),
    );
    expect(errors.filter((e) => e.includes('has no description'))).toHaveLength(4);
  });
});
