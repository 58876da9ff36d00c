export { cultureTourism, cultureTourism as definition } from './definition';
export * from './entities';
export { seedCultureTourism, siteCode, accommodationCode } from './seed';
export * as seedData from './seed/cao-bang';
