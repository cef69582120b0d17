export * from './check-in-flow.ts';
