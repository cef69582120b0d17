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
    // The page and its assets, which this first load fetched before the worker controlled it.
    const assets = [
      ...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
        'script[src], link[rel="stylesheet"]',
      ),
    ].map((element) => ('src' in element ? element.src : element.href));
    ready.active?.postMessage({
      type: 'keep',
      urls: [new URL('/screen/', location.href).href, ...assets],
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
