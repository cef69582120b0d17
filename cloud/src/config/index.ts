export * from './cloud-config.ts';
