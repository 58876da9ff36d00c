import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type AccommodationType = 'HOTEL' | 'RESORT' | 'GUESTHOUSE' | 'HOMESTAY' | 'TOURIST_VILLA';

export const AccommodationEstablishment = defineEntity({
  name: 'AccommodationEstablishment',
  tableName: 'accommodation_establishment',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    type: p.string().$type<AccommodationType>().length(20),
    starRating: p.smallint().nullable(),
    rooms: p.integer(),
    communeCode: p.string().length(5),
    address: p.string().length(300).nullable(),
    licenceNumber: p.string().length(60).nullable(),
    ownerName: p.string().length(200).nullable(),
    /** Revenue of the last reported year, million VND: business-confidential, reported to the department. */
    annualRevenue: p.double().$type<number>().nullable(),
    searchText: p.string().length(300),
  },
});
export type AccommodationEstablishment = InferEntity<typeof AccommodationEstablishment>;

/** Licensed establishments are published data: any change after creation needs a reason. */
export const AccommodationEstablishmentHistory = tracked(AccommodationEstablishment, {
  fields: { communeCode: 'AccommodationEstablishment.commune', searchText: 'ignore' },
  approved: () => true,
});
