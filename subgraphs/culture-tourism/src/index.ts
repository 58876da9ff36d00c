export { cultureTourism } from './definition';
export * from './entities';
export { seedCultureTourism, siteCode, accommodationCode } from './seed';
export * as seedData from './seed/cao-bang';
