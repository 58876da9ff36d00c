export { directory } from './definition';
export * from './entities';
export * as seedData from './seed/cao-bang';
