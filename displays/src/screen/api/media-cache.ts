import type { ScreenContentItem } from '@vitrine/shared';

/**
 * The service worker keeps the player and its media so that a reload with the edge (or
 * the network) down still plays. Registration failing leaves the player online-only.
 */
export async function registerMediaCache(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/screen/sw.js', { scope: '/screen/' });
    const ready = await navigator.serviceWorker.ready;
    // What this first load fetched before the worker controlled the page.
    const loaded = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.startsWith('/screen/assets/'));
    ready.active?.postMessage({
      type: 'keep',
      urls: [new URL('/screen/', location.href).href, ...loaded],
    });
  } catch (error) {
    console.warn('screen: no offline cache', error);
  }
}

/** Asks the worker to fetch every item's media now, before the network may be gone. */
export async function keepMedia(items: readonly ScreenContentItem[]): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const urls = items.flatMap((item) => ('url' in item ? [item.url] : []));
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage({ type: 'keep', urls });
}
