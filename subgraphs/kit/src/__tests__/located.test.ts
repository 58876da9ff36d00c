import { inUnitKey, locatedWhere } from '../located';

describe('records located in communes', () => {
  it("filters by search text (diacritics and case folded) and by communes, beside the entity's own conditions", () => {
    expect(locatedWhere(null)).toEqual({});
    expect(
      locatedWhere<{ code: string; communeCode: string; kind?: string }>({ search: 'Bản Giốc', communeCodes: ['01435'] }, [{ kind: 'X' }]),
    ).toEqual({
      $and: [{ kind: 'X' }, { searchText: { $like: '%ban gioc%' } }, { communeCode: { $in: ['01435'] } }],
    });
  });

  it("keys a unit's request by its communes, filter and page, the same for the same request", () => {
    const unit = { code: '04', currentCommuneCodes: ['01435', '01426'] };
    expect(inUnitKey(unit, { type: null }, { first: 5 })).toBe(inUnitKey({ ...unit }, { type: null }, { first: 5, after: null }));
    expect(JSON.parse(inUnitKey(unit, { type: 'HOTEL' }, {}))).toEqual({
      communeCodes: ['01435', '01426'],
      filter: { type: 'HOTEL' },
      first: null,
      after: null,
    });
    expect(JSON.parse(inUnitKey({ code: '04' }, {}, {})).communeCodes).toEqual([]);
  });
});
