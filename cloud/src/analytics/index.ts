export * from './analytics-repository.ts';
export * from './analytics-routes.ts';
export * from './analytics-schemas.ts';
export * from './domain/csv.ts';
