export * from './forest.service';
export * from './outbreak.service';
export * from './registers.service';
