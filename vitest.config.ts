import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,cloud,edge,firmware-config,displays}/{src,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: [],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
