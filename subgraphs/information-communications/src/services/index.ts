export * from './press-agency.service';
export * from './publishing-licence.service';
export * from './postal-point.service';
export * from './telecom-station.service';
export * from './village-without-coverage.service';
