import { useEffect, useState } from 'preact/hooks';

/** The console's pages, in the order of its navigation. */
export const PAGES = [
  'campaigns',
  'segments',
  'offers',
  'events',
  'content',
  'calendar',
  'analytics',
  'simulation',
  'fleet',
] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  /** What follows the page: `new` or an id (`#/campaigns/cmp_x`). */
  detail: string | null;
}

/** Reads `#/page/detail`; anything else is the campaigns list. */
export function routeOf(hash: string): Route {
  const [page, detail] = hash.replace(/^#\/?/, '').split('/');
  const known = PAGES.find((name) => name === page);
  return {
    page: known ?? 'campaigns',
    detail: known && detail ? decodeURIComponent(detail) : null,
  };
}

export function hrefOf(page: Page, detail?: string): string {
  return detail === undefined ? `#/${page}` : `#/${page}/${encodeURIComponent(detail)}`;
}

/** The route in the address bar, so that a page can be reloaded, bookmarked and gone back to. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}
