export * from './postgres';
export * from './testing';
export * from './keys';
