export * from './domain/fleet-state.ts';
export * from './fleet-repository.ts';
export * from './fleet-routes.ts';
