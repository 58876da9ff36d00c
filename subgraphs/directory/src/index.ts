// What this package offers other packages (tests, benchmarks): the kit serves the subgraph from its folder.
export * from './entities';
export * as seedData from '@hub/schema/fixtures/cao-bang';
export { ACCOUNTS as demoAccounts, DEMO_PASSWORD } from './seed/accounts';
