export * from './domain/demo-facts.ts';
export * from './domain/demo-members.ts';
export * from './seed-demo.ts';
