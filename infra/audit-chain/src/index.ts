export * from './chain';
export * from './checkpoint';
