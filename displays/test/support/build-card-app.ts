import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the loyalty card from the current sources into a fresh folder (see build-associate-app). */
export async function buildCardApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'vitrine-card-'));
  await build({
    configFile: fileURLToPath(new URL('../../src/card/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
