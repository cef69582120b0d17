import { fileURLToPath } from 'node:url';

/**
 * The folder of the built associate page (`npm run build -w displays`), for a server that
 * serves it at /associate/ (the edge's EDGE_DISPLAYS_DIR).
 */
export function associateAppDir(): string {
  return fileURLToPath(new URL('../dist/associate/', import.meta.url));
}
