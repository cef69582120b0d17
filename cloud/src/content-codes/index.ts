export * from './content-code-routes.ts';
export * from './product-repository.ts';
