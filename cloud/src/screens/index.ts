export * from './screen-layout-routes.ts';
export * from './screen-registry.ts';
export * from './screen-repository.ts';
export * from './screen-routes.ts';
