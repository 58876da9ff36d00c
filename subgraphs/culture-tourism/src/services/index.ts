export * from './tourist-site.service';
export * from './accommodation.service';
