import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticAppRoutes } from './static-app-routes.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-static-app-routes-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  await writeFile(join(dir, 'manifest.webmanifest'), '{"name":"card"}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const consoleRoutes = (folder = dir) =>
  createStaticAppRoutes({
    prefix: '/console',
    dir: folder,
    title: 'marketer console',
    dirVariable: 'CLOUD_CONSOLE_DIR',
  });
const cardRoutes = () =>
  createStaticAppRoutes({
    prefix: '/card',
    dir,
    title: 'loyalty card',
    dirVariable: 'CLOUD_CARD_DIR',
  });

describe('a static app route', () => {
  it('serves the page and its hashed assets with their types and caching', async () => {
    const routes = consoleRoutes();
    const page = await routes.request('/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await routes.request('/console/assets/main-abc123.js');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('gives the page for a path the app routes in the browser', async () => {
    const page = await consoleRoutes().request('/console/campaigns/cmp_x');
    expect(await page.text()).toContain('<title>app</title>');
  });

  it('answers 404 for a missing file and never leaves the folder', async () => {
    const routes = consoleRoutes();
    expect((await routes.request('/console/assets/gone.js')).status).toBe(404);
    expect((await routes.request('/console/favicon.ico')).status).toBe(404);
    const climbing = await routes.request('/console/..%2F..%2Fetc%2Fpasswd');
    expect(await climbing.text()).toContain('<title>app</title>');
  });

  it('redirects the bare prefix to the folder', async () => {
    const response = await consoleRoutes().request('/console');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('says how to build the app when it is not built', async () => {
    const response = await consoleRoutes(join(dir, 'missing')).request('/console/');
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain('npm run build -w displays');
    expect(text).toContain('CLOUD_CONSOLE_DIR');
  });

  it('serves the card’s service worker revalidated on every load, and its manifest', async () => {
    const routes = cardRoutes();
    const worker = await routes.request('/card/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const manifest = await routes.request('/card/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect((await routes.request('/console/')).status).toBe(404);
  });
});
