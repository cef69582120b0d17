export * from './domain/demo-facts.ts';
export * from './seed-demo.ts';
