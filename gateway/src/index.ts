export * from './config';
export * from './gateway';
export { EXAMPLE_QUERY } from './routes/explorer.route';
