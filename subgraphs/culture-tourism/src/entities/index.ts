import { TouristSiteSchema } from './tourist-site.entity';
import { SiteVisitorCountSchema } from './site-visitor-count.entity';
import { AccommodationEstablishmentSchema } from './accommodation-establishment.entity';

export * from './tourist-site.entity';
export * from './site-visitor-count.entity';
export * from './accommodation-establishment.entity';

export const entities = [TouristSiteSchema, SiteVisitorCountSchema, AccommodationEstablishmentSchema];
