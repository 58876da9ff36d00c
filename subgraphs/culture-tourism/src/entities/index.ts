import { TouristSiteHistory, TouristSiteSchema } from './tourist-site.entity';
import { SiteVisitorCountHistory, SiteVisitorCountSchema } from './site-visitor-count.entity';
import { AccommodationEstablishmentHistory, AccommodationEstablishmentSchema } from './accommodation-establishment.entity';

export * from './tourist-site.entity';
export * from './site-visitor-count.entity';
export * from './accommodation-establishment.entity';

export const entities = [TouristSiteSchema, SiteVisitorCountSchema, AccommodationEstablishmentSchema];

/** How each entity's changes are recorded (see the kit's `tracked`). */
export const history = [TouristSiteHistory, SiteVisitorCountHistory, AccommodationEstablishmentHistory];
