export * from './config';
export * from './logger';
export * from './server';
export * from './http';
export * from './mask-errors';
export * from './context-token';
export * from './bounded';
