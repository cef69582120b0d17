import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the page from the current sources into a fresh folder, so that a browser test
 * never runs against a stale `dist/` and parallel runs never share one.
 */
export async function buildAssociateApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'vitrine-associate-'));
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
