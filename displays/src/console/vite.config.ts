import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The cloud a `npm run dev:console -w displays` session talks to; the built page uses its own origin. */
const devCloudUrl = process.env.VITE_CLOUD_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('./', import.meta.url)),
  // The cloud serves the built console at /console/, so every asset URL starts there.
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { proxy: { '/v1': devCloudUrl } },
});
