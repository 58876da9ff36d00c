export * from './store';
export * from './catalogue.service';
export * from './analytics.service';
export * from './values.service';
