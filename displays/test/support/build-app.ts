import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds one of the web apps from the current sources into a fresh folder, so that a
 * browser test never runs against a stale `dist/` and parallel runs never share one.
 * `config` is the app's Vite config, from displays/.
 */
export async function buildApp(config: string, name: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `vitrine-${name}-`));
  await build({
    configFile: fileURLToPath(new URL(`../../${config}`, import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
