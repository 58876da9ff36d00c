// The unit tree of the demo province from the shared fixture the directory's demo seed loads too, for the mirror
// of a fresh database and for the full-size generator. A running hub refreshes the mirror from the directory.
import { DISTRICTS, LAST_DAY_BEFORE_REFORM, PROVINCE, REFORM_DAY, planCaoBang } from '@hub/schema/fixtures/cao-bang';
import type { Succession, UnitVersion } from '../unit-tree';

export function demoUnitTree(): { versions: UnitVersion[]; successions: Succession[] } {
  const versions: UnitVersion[] = [
    { code: PROVINCE.code, name: PROVINCE.name, level: 'PROVINCE', parentCode: null, validFrom: null, validTo: null },
  ];
  for (const d of DISTRICTS)
    versions.push({
      code: d.code,
      name: d.name,
      level: 'DISTRICT',
      parentCode: PROVINCE.code,
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
    });
  const { communes, merges } = planCaoBang();
  for (const c of communes)
    versions.push({
      code: c.code,
      name: c.name,
      level: 'COMMUNE',
      parentCode: c.districtCode,
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
    });
  const successions: Succession[] = [];
  for (const m of merges) {
    versions.push({ code: m.code, name: m.name, level: 'COMMUNE', parentCode: PROVINCE.code, validFrom: REFORM_DAY, validTo: null });
    for (const from of m.from) successions.push({ predecessor: from, successor: m.code, effectiveDate: REFORM_DAY });
  }
  return { versions, successions };
}

export { REFORM_DAY, LAST_DAY_BEFORE_REFORM, PROVINCE };
