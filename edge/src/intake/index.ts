export * from './message-intake.ts';
export * from './rejection-reporter.ts';
