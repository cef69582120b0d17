// The screen player's offline cache: the page and its assets (network first, so a new
// build is taken as soon as the edge serves it) and media (cache first: a file at a URL
// does not change). The player's API calls go to the network only: the page keeps its
// content and plays in localStorage itself.
const CACHE = 'vitrine-screen-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Same-origin files are fetched as they are; media of other origins as opaque copies. */
function requestFor(url) {
  return new URL(url).origin === self.location.origin
    ? new Request(url)
    : new Request(url, { mode: 'no-cors' });
}

async function keep(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (url) => {
      if (await cache.match(url, { ignoreVary: true })) return;
      try {
        const response = await fetch(requestFor(url));
        if (response.ok || response.type === 'opaque') await cache.put(url, response);
      } catch {
        // Unreachable now: kept on a later load.
      }
    }),
  );
}

self.addEventListener('message', (event) => {
  if (event.data?.type === 'keep' && Array.isArray(event.data.urls))
    event.waitUntil(keep(event.data.urls));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok)
      await cache.put(request.mode === 'navigate' ? '/screen/' : request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request.mode === 'navigate' ? '/screen/' : request, {
      ignoreSearch: true,
    });
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request.url, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok || response.type === 'opaque') await cache.put(request.url, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin === self.location.origin) {
    if (url.pathname.startsWith('/screen/api/') || url.pathname.startsWith('/screen/socket.io'))
      return;
    if (url.pathname.startsWith('/screen/')) event.respondWith(networkFirst(request));
    return;
  }
  if (request.destination === 'image' || request.destination === 'video') {
    event.respondWith(cacheFirst(request));
  }
});
