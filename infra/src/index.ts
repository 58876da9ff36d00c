export * from './postgres';
export * from './testing';
export * from './keys';
export * from './hub';
