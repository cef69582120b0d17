import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { readConsoleFile } from './console-files.ts';

export interface ConsoleRoutesOptions {
  /** The folder of the built console (`displays/dist/console`). */
  dir: string;
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vitrine console not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>The marketer console is not built</h1>
<p>Build the web apps, then reload this page:</p>
<pre>npm run build -w displays</pre>
<p>The cloud serves the console from <code>CONSOLE_DIR</code>
(set <code>CLOUD_CONSOLE_DIR</code> to serve another folder).</p>
</body></html>`;

/**
 * The marketer console at /console/: its built files, and its page for every other path
 * under it, since the console routes in the browser. Not part of the OpenAPI document: it
 * is a page, not an API.
 */
export function createConsoleRoutes({ dir }: ConsoleRoutesOptions) {
  const router = new Hono<AppEnv>();
  router.get('/console', (c) => c.redirect('/console/'));
  router.get('/console/*', async (c) => {
    const path = c.req.path.slice('/console/'.length);
    const asset = path.startsWith('assets/');
    const found = await readConsoleFile(dir, path);
    if (found === null && asset) return c.text(`no asset ${path}`, 404);
    const file = found ?? (await readConsoleFile(dir, 'index.html'));
    if (file === null) {
      return c.html(NOT_BUILT.replace('CONSOLE_DIR', escapeHtml(dir)), 503);
    }
    // Vite names every asset by its content: it can be kept for good; the page cannot.
    return c.body(file.body, 200, {
      'content-type': file.contentType,
      'cache-control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
  return router;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
