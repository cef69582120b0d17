export * from './admission-log.ts';
export * from './domain/judge-ticket.ts';
export * from './domain/personal-line.ts';
export * from './domain/scan-reports.ts';
export * from './scan-answer-publisher.ts';
export * from './scan-metrics.ts';
