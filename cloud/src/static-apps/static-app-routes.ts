import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { readStaticFile } from './static-app-files.ts';

export interface StaticAppRoutesOptions {
  /** Where the app is served, without the trailing slash: `/console`, `/card`. */
  prefix: string;
  /** The folder of the built app (`displays/dist/<app>`). */
  dir: string;
  /** The app's name for the page shown when it is not built: "marketer console". */
  title: string;
  /** The variable that names another folder: `CLOUD_CONSOLE_DIR`. */
  dirVariable: string;
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vitrine TITLE not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>The TITLE is not built</h1>
<p>Build the web apps, then reload this page:</p>
<pre>npm run build -w displays</pre>
<p>The cloud serves it from <code>APP_DIR</code>
(set <code>DIR_VARIABLE</code> to serve another folder).</p>
</body></html>`;

/** A path that names a file (an extension in its last part), not a route of the app. */
const FILE_LIKE = /\.[A-Za-z0-9]+$/;

/**
 * A built web app under its prefix (the marketer console at /console/, the loyalty card at
 * /card/): its files, and its page for every other path under it, since such an app routes
 * in the browser. Hashed assets are kept for good; the page, the service worker and the
 * manifest are revalidated on every load, so a new build is taken at once. Not part of the
 * OpenAPI document: these are pages, not an API.
 */
export function createStaticAppRoutes({ prefix, dir, title, dirVariable }: StaticAppRoutesOptions) {
  const router = new Hono<AppEnv>();
  router.get(prefix, (c) => c.redirect(`${prefix}/`));
  router.get(`${prefix}/*`, async (c) => {
    const path = c.req.path.slice(prefix.length + 1);
    const asset = path.startsWith('assets/');
    const found = await readStaticFile(dir, path);
    if (found === null && (asset || FILE_LIKE.test(path))) return c.text(`no file ${path}`, 404);
    const file = found ?? (await readStaticFile(dir, 'index.html'));
    if (file === null) {
      const page = NOT_BUILT.replaceAll('TITLE', escapeHtml(title))
        .replace('APP_DIR', escapeHtml(dir))
        .replace('DIR_VARIABLE', escapeHtml(dirVariable));
      return c.html(page, 503);
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
