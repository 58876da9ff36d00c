export * from './errors';
export * from './language';
export * from './scalars';
export * from './classification';
export * from './sdl';
export * from './registry';
export * from './policy';
export * from './internal-api';
