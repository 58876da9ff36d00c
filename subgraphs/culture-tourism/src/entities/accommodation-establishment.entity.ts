import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';

export type AccommodationType = 'HOTEL' | 'RESORT' | 'GUESTHOUSE' | 'HOMESTAY' | 'TOURIST_VILLA';

export class AccommodationEstablishment extends HubEntity {
  code!: string;
  name!: string;
  type!: AccommodationType;
  starRating?: number | null;
  rooms!: number;
  communeCode!: string;
  address?: string | null;
  licenceNumber?: string | null;
  ownerName?: string | null;
  /** Revenue of the last reported year, million VND: business-confidential, reported to the department. */
  annualRevenue?: number | null;
  searchText!: string;
}

export const AccommodationEstablishmentSchema = new EntitySchema<AccommodationEstablishment, HubEntity>({
  class: AccommodationEstablishment,
  extends: HubEntitySchema,
  tableName: 'accommodation_establishment',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    code: { type: 'string', length: 20, unique: true },
    name: { type: 'string', length: 300 },
    type: { type: 'string', length: 20 },
    starRating: { type: 'smallint', nullable: true },
    rooms: { type: 'integer' },
    communeCode: { type: 'string', length: 5 },
    address: { type: 'string', length: 300, nullable: true },
    licenceNumber: { type: 'string', length: 60, nullable: true },
    ownerName: { type: 'string', length: 200, nullable: true },
    annualRevenue: { type: 'double', nullable: true },
    searchText: { type: 'string', length: 300 },
  },
});

/** Licensed establishments are published data: any change after creation needs a reason. */
export const AccommodationEstablishmentHistory = tracked(AccommodationEstablishmentSchema, {
  fields: { communeCode: 'AccommodationEstablishment.commune', searchText: 'ignore' },
  approved: () => true,
});
