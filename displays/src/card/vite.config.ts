import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The cloud a `npm run dev:card -w displays` session talks to; the built card uses its own origin. */
const devCloudUrl = process.env.VITE_CLOUD_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('./', import.meta.url)),
  // The cloud serves the built card at /card/, so every asset URL starts there.
  base: '/card/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/card/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One bundle on purpose (the card opens offline from its shell): mqtt, jose and zod
    // make it about 570 kB, 177 kB gzipped.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/v1': devCloudUrl },
  },
});
