export * from './broker/index.ts';
export * from './cloud/index.ts';
export * from './config/index.ts';
export * from './domain/index.ts';
export * from './flows/index.ts';
export * from './http/index.ts';
export * from './identity/index.ts';
export * from './intake/index.ts';
export { type EdgeDeps, type RunningEdge, startEdge } from './main.ts';
export * from './observability/index.ts';
export * from './outbox/index.ts';
// Under its own name: its source port and the identity verifier's source kinds share a name.
export * as presence from './presence/index.ts';
export * from './realtime/index.ts';
export * from './simulator/index.ts';
export * from './store/index.ts';
export * from './sync/index.ts';
export { EDGE_VERSION } from './version.ts';
