export { directory, directory as definition } from './definition';
export * from './entities';
export * as seedData from '@hub/schema/fixtures/cao-bang';
export { ACCOUNTS as demoAccounts, DEMO_PASSWORD } from './seed/accounts';
