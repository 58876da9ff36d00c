// What this package offers other packages (tests, benchmarks): the kit serves the subgraph from its folder.
export * from './entities';
export * from './periods';
export * from './formula';
export * from './rules';
export * from './unit-tree';
export { INDICATORS, DIMENSIONS, GROUPS } from './seed/catalogue';
export { demoUnitTree } from './seed/units';
