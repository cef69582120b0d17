import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** What a browser needs to be told about the files a Vite build writes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface ConsoleFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * Where `npm run build -w displays` writes the console in this repository, unless
 * CLOUD_CONSOLE_DIR names another folder (an image that copies the build elsewhere).
 * The cloud never imports the displays package: it only reads the files it built.
 */
export function defaultConsoleDir(): string {
  return (
    process.env.CLOUD_CONSOLE_DIR ??
    fileURLToPath(new URL('../../../displays/dist/console/', import.meta.url))
  );
}

/**
 * A file of the built console by its path under /console/, or null when there is none.
 * A path that climbs out of the folder is no file of the console.
 */
export async function readConsoleFile(root: string, path: string): Promise<ConsoleFile | null> {
  const relative = normalize(path).replace(/^([/\\])+/, '');
  if (relative.split(sep).includes('..')) return null;
  const file = join(root, relative === '' ? 'index.html' : relative);
  try {
    if (!(await stat(file)).isFile()) return null;
    const body = new Uint8Array(await readFile(file));
    return { body, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
