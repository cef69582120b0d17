export * from './domain/device-health.ts';
export * from './domain/edge-report.ts';
export * from './edge-report-sender.ts';
export * from './fleet-metrics.ts';
export * from './node-watch.ts';
export * from './synced-feeds.ts';
