export * from './check-in-publisher.ts';
export * from './domain/arrival-schedule.ts';
export * from './loyalty-wallets.ts';
export * from './run-simulator.ts';
export * from './simulator-config.ts';
