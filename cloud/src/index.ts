export * from './app.ts';
export * from './cloud-runtime.ts';
export * from './config/index.ts';
export * from './db/database.ts';
export * from './db/open-database.ts';
export * from './ingest/index.ts';
export * from './seed/index.ts';
export * from './start-cloud.ts';
