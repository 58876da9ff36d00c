export * from './postgres';
export * from './testing';
