import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The edge a `npm run dev -w displays` session talks to; the built page uses its own origin. */
const devEdgeUrl = process.env.VITE_EDGE_URL ?? 'http://127.0.0.1:8081';

export default defineConfig({
  root: fileURLToPath(new URL('./src/associate/', import.meta.url)),
  // The edge serves the built page at /associate/, so every asset URL starts there.
  base: '/associate/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/associate/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': devEdgeUrl,
      '/socket.io': { target: devEdgeUrl, ws: true },
    },
  },
});
