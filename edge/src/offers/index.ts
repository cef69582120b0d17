export * from './domain/judge-redemption.ts';
export * from './domain/offer-reports.ts';
export * from './offer-desk.ts';
export * from './offer-ledger.ts';
export * from './offer-metrics.ts';
export * from './offer-opened-flow.ts';
export * from './redemption-key.ts';
