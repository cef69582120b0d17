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
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * Where `npm run build -w displays` writes a web app in this repository, unless the
 * environment names another folder (an image that copies the build elsewhere). The cloud
 * never imports the displays package: it only reads the files it built.
 */
function builtAppDir(variable: string, app: string): string {
  return (
    process.env[variable] ??
    fileURLToPath(new URL(`../../../displays/dist/${app}/`, import.meta.url))
  );
}

/** The marketer console's folder: CLOUD_CONSOLE_DIR, or the repository's build. */
export function defaultConsoleDir(): string {
  return builtAppDir('CLOUD_CONSOLE_DIR', 'console');
}

/** The loyalty card's folder: CLOUD_CARD_DIR, or the repository's build. */
export function defaultCardDir(): string {
  return builtAppDir('CLOUD_CARD_DIR', 'card');
}

/**
 * A file of a built app by its path under the app's prefix, or null when there is none.
 * A path that climbs out of the folder is no file of the app.
 */
export async function readStaticFile(root: string, path: string): Promise<StaticFile | null> {
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
