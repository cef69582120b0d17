export * from './domain/backoff.ts';
export * from './profile-feed-client.ts';
export * from './profile-sync.ts';
export * from './sync-metrics.ts';
