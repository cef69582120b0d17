export * from './edge-config.ts';
