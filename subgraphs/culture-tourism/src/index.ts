// What this package offers other packages (tests, benchmarks): the kit serves the subgraph from its folder.
export * from './entities';
export { seedCultureTourism, siteCode, accommodationCode } from './seed';
export * as seedData from './seed/cao-bang';
