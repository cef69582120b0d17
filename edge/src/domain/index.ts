export * from './arrival-alert.ts';
export * from './associate-access.ts';
export * from './profile-cache.ts';
export * from './recent-alerts.ts';
export * from './recent-arrivals.ts';
export * from './seen-ids.ts';
export * from './suggestion.ts';
