export { audit, audit as definition } from './definition';
export { CSV_COLUMNS, filterOfQuery } from './csv';
export { whereOf, OUTCOMES, GROUP_BY, TIME_ZONE } from './events';
