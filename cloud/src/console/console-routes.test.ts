import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleRoutes } from './console-routes.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-console-routes-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the console routes', () => {
  it('serve the page and its hashed assets with their types and caching', async () => {
    const routes = createConsoleRoutes({ dir });
    const page = await routes.request('/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await routes.request('/console/assets/main-abc123.js');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('give the page for a path the console routes in the browser', async () => {
    const page = await createConsoleRoutes({ dir }).request('/console/campaigns/cmp_x');
    expect(await page.text()).toContain('<title>console</title>');
  });

  it('answer 404 for a missing asset and never leave the folder', async () => {
    const routes = createConsoleRoutes({ dir });
    expect((await routes.request('/console/assets/gone.js')).status).toBe(404);
    const climbing = await routes.request('/console/..%2F..%2Fetc%2Fpasswd');
    expect(await climbing.text()).toContain('<title>console</title>');
  });

  it('redirect /console to /console/', async () => {
    const response = await createConsoleRoutes({ dir }).request('/console');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('say how to build the console when it is not built', async () => {
    const routes = createConsoleRoutes({ dir: join(dir, 'missing') });
    const response = await routes.request('/console/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build -w displays');
  });
});
