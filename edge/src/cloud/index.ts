export * from './cloud-client.ts';
