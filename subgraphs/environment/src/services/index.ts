export * from './water-source.service';
export * from './water-licence.service';
export * from './monitoring.service';
export * from './hazard-zone.service';
