export * from './code-verifier.ts';
export * from './domain/index.ts';
export * from './edge-organisation.ts';
export * from './identity-file.ts';
export * from './identity-metrics.ts';
export * from './identity-sync.ts';
export * from './presence-verifier.ts';
