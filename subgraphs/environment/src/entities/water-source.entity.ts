import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type WaterSourceKind = 'RIVER' | 'STREAM' | 'RESERVOIR' | 'AQUIFER';

/** A river, stream, reservoir or aquifer; it spans several communes (today's codes). */
export const WaterSource = defineEntity({
  name: 'WaterSource',
  tableName: 'water_source',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(200),
    kind: p.string().$type<WaterSourceKind>().length(20),
    basin: p.string().length(100),
    lengthKm: p.double().$type<number>().nullable(),
    description: p.text().nullable(),
    /** Codes of today's commune-level units it flows through or lies under. */
    communeCodes: p.array().$type<string[]>(),
    searchText: p.string().length(200),
  },
});
export type WaterSource = InferEntity<typeof WaterSource>;

/** The register of water sources is published data: a change needs a reason. */
export const WaterSourceHistory = tracked(WaterSource, {
  fields: { communeCodes: 'WaterSource.communes', searchText: 'ignore' },
  approved: () => true,
});
