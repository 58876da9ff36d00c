import { TouristSite, TouristSiteHistory } from './tourist-site.entity';
import { SiteVisitorCount, SiteVisitorCountHistory } from './site-visitor-count.entity';
import { AccommodationEstablishment, AccommodationEstablishmentHistory } from './accommodation-establishment.entity';

export * from './tourist-site.entity';
export * from './site-visitor-count.entity';
export * from './accommodation-establishment.entity';

export const entities = [TouristSite, SiteVisitorCount, AccommodationEstablishment];

/** How each entity's changes are recorded (see the kit's `tracked`). */
export const history = [TouristSiteHistory, SiteVisitorCountHistory, AccommodationEstablishmentHistory];
