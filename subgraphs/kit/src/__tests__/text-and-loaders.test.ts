import { byKeys, groupByKeys } from '../loaders';
import { containsPattern, searchKey } from '../text';
import { stableId } from '../entity';

describe('search keys', () => {
  it('ignores case and Vietnamese diacritics, đ included', () => {
    expect(searchKey('Xã Đàm Thủy')).toBe('xa dam thuy');
    expect(searchKey('  Thác   Bản Giốc ')).toBe('thac ban gioc');
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
  });
});

describe('loader helpers', () => {
  it('orders rows by key and fills gaps', () => {
    const rows = [{ k: 'b' }, { k: 'a' }];
    expect(byKeys(['a', 'x', 'b'], rows, (r) => r.k)).toEqual([{ k: 'a' }, null, { k: 'b' }]);
    expect(
      groupByKeys(
        ['a', 'b', 'c'],
        [
          { k: 'a', v: 1 },
          { k: 'a', v: 2 },
          { k: 'c', v: 3 },
        ],
        (r) => r.k,
      ).map((g) => g.length),
    ).toEqual([2, 0, 1]);
  });

  it('derives the same UUID from the same name', () => {
    expect(stableId('unit', '04')).toBe(stableId('unit', '04'));
    expect(stableId('unit', '04')).not.toBe(stableId('unit', '040'));
    expect(stableId('unit', '04')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
