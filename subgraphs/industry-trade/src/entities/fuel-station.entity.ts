import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

/** Cửa hàng xăng dầu: a licensed fuel retail station (sample data). */
export const FuelStation = defineEntity({
  name: 'FuelStation',
  tableName: 'fuel_station',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    operator: p.string().length(300),
    licenceNumber: p.string().length(60),
    licensedOn: p.date(),
    issuerCode: p.string().length(20),
    tankCapacityM3: p.double().$type<number>(),
    communeCode: p.string().length(5),
    /** The commune's code on the licence's date. */
    communeCodeOnRecord: p.string().length(5),
    searchText: p.string().length(600),
  },
});
export type FuelStation = InferEntity<typeof FuelStation>;

/** Licences are official: a change needs a reason. */
export const FuelStationHistory = tracked(FuelStation, {
  fields: {
    communeCode: 'FuelStation.commune',
    communeCodeOnRecord: 'FuelStation.communeOnRecord',
    issuerCode: 'FuelStation.issuer',
    searchText: 'ignore',
  },
  approved: () => true,
});
