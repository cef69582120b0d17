export * from './deferred-profile-store.ts';
export * from './local-profile-store.ts';
export * from './memory-profile-store.ts';
export * from './pglite-profile-store.ts';
export * from './profile-holds.ts';
