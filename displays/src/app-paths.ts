import { fileURLToPath } from 'node:url';

/**
 * The folder of the built associate page (`npm run build -w displays`), for a server that
 * serves it at /associate/ (the edge's EDGE_DISPLAYS_DIR).
 */
export function associateAppDir(): string {
  return fileURLToPath(new URL('../dist/associate/', import.meta.url));
}

/**
 * The folder of the built marketer console (`npm run build -w displays`), for the cloud,
 * which serves it at /console/ (CLOUD_CONSOLE_DIR, by default this very folder).
 */
export function consoleAppDir(): string {
  return fileURLToPath(new URL('../dist/console/', import.meta.url));
}

/**
 * The folder of the built screen player (`npm run build -w displays`), which the edge
 * serves at /screen/ from beside the associate app's folder.
 */
export function screenPlayerDir(): string {
  return fileURLToPath(new URL('../dist/screen/', import.meta.url));
}

/**
 * The folder of the built loyalty card (`npm run build -w displays`), which the cloud
 * serves at /card/ (CLOUD_CARD_DIR, by default this very folder).
 */
export function cardAppDir(): string {
  return fileURLToPath(new URL('../dist/card/', import.meta.url));
}
