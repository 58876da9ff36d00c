// What this package offers other packages (tests, benchmarks): the kit serves the subgraph from its folder.
export { CSV_COLUMNS, filterOfQuery } from './csv';
export { whereOf, OUTCOMES, GROUP_BY, TIME_ZONE } from './events';
