export * from './app-key-cache.ts';
export * from './key-set.ts';
export * from './rate-limiter.ts';
export * from './replay-cache.ts';
export * from './verified-pass-cache.ts';
export * from './verify-jws.ts';
export * from './verify-presence.ts';
export * from './verify-signed-code.ts';
