export * from './ticket-feed-routes.ts';
export * from './ticket-issuer.ts';
export * from './ticket-repository.ts';
export * from './ticket-routes.ts';
