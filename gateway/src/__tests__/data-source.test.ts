import { dedupeRepresentations, spreadEntities } from '../data-source';

describe('entity fetches send each distinct representation once', () => {
  const reps = [
    { __typename: 'AdministrativeUnit', code: '01240' },
    { __typename: 'AdministrativeUnit', code: '01252' },
    { __typename: 'AdministrativeUnit', code: '01240' },
    { __typename: 'AdministrativeUnit', code: '01240' },
  ];

  it('keeps the first of each and where every occurrence went', () => {
    const { unique, indexOf } = dedupeRepresentations(reps);
    expect(unique).toEqual([reps[0], reps[1]]);
    expect(indexOf).toEqual([0, 1, 0, 0]);
  });

  it('tells values of different types apart, and nested representations by their content', () => {
    const mixed = [
      { __typename: 'Unit', code: 1 },
      { __typename: 'Unit', code: '1' },
      { __typename: 'Unit', code: 1 },
      { __typename: 'Unit', code: null },
      { __typename: 'Unit', code: null },
      { __typename: 'Unit', key: { a: 1, b: [2] } },
      { __typename: 'Unit', key: { a: 1, b: [2] } },
      { __typename: 'Unit', key: { a: 1, b: [3] } },
      { __typename: 'Unit', code: 1, year: 2024 },
      { __typename: 'Unit' },
    ];
    expect(dedupeRepresentations(mixed).indexOf).toEqual([0, 1, 0, 2, 2, 3, 3, 4, 5, 6]);
  });

  it('spreads the answer and its errors back over every occurrence', () => {
    const { indexOf } = dedupeRepresentations(reps);
    const out = spreadEntities(
      {
        data: { _entities: [{ name: 'A' }, null] },
        errors: [
          { message: 'no such unit', path: ['_entities', 1, 'name'] },
          { message: 'about A', path: ['_entities', 0] },
          { message: 'not about an entity' },
        ],
      },
      indexOf,
    );
    expect(out.data?._entities).toEqual([{ name: 'A' }, null, { name: 'A' }, { name: 'A' }]);
    expect(out.errors?.map((e) => [e.message, e.path])).toEqual([
      ['no such unit', ['_entities', 1, 'name']],
      ['about A', ['_entities', 0]],
      ['about A', ['_entities', 2]],
      ['about A', ['_entities', 3]],
      ['not about an entity', undefined],
    ]);
  });
});
