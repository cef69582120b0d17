export * from './ingest-limits.ts';
export * from './ingest-repository.ts';
export * from './ingest-routes.ts';
