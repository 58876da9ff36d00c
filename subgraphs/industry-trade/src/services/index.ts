export * from './market.service';
export * from './energy-project.service';
export * from './industry.service';
export * from './trade.service';
