export * from './app-errors.ts';
