export * from './edge-metrics.ts';
export * from './logger.ts';
