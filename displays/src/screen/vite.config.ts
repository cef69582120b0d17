import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The edge a `npm run dev:screen -w displays` session talks to; the built player uses its own origin. */
const devEdgeUrl = process.env.VITE_EDGE_URL ?? 'http://127.0.0.1:8081';

export default defineConfig({
  root: fileURLToPath(new URL('./', import.meta.url)),
  // The edge serves the built player at /screen/, so every asset URL starts there.
  base: '/screen/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/screen/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/screen/api': devEdgeUrl,
      '/screen/socket.io': { target: devEdgeUrl, ws: true },
    },
  },
});
