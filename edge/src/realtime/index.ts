export * from './associate-socket.ts';
export * from './token-verifier.ts';
