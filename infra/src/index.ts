export * from './postgres';
export * from './testing';
export * from './keys';
export * from './hub';
export * from './audit-store';
