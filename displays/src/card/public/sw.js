// The loyalty card's offline copy: the app shell (page, assets, manifest, icons), network
// first so a new build is taken as soon as the cloud serves it, the kept copy when the
// network is gone. The card's own data (session, pass, key) lives in storage and
// IndexedDB, so the card and its rotating QR open offline; API calls go to the network only.
const CACHE = 'vitrine-card-v1';
const ICONS = ['/card/manifest.webmanifest', '/card/icon.svg', '/card/icon-maskable.svg'];

/** The page, and the hashed assets it names, read from the page itself. */
async function keepShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch('/card/', { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put('/card/', page);
  const assets = [...html.matchAll(/(?:src|href)="(\/card\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set([...assets, ...ICONS])]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    keepShell()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const key = request.mode === 'navigate' ? '/card/' : request;
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/card/')) return;
  event.respondWith(networkFirst(request));
});
