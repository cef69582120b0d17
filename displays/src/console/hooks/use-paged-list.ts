import { useState } from 'preact/hooks';
import type { ApiResult } from '../api/cloud-client.ts';
import type { PagerProps } from '../components/pager.tsx';
import { type Load, useLoad } from './use-load.ts';

/** What the cloud's lists answer: some rows and the cursor of the next page, if any. */
export interface CursorPage {
  nextCursor: string | null;
}

export interface PagedList<T extends CursorPage> {
  page: Load<T>;
  /** The pager's props once a page is loaded; null before. */
  pager: PagerProps | null;
  /** Loads the current page again (after a save). */
  reload: () => void;
}

/**
 * A list the cloud pages with cursors: the cursors walked so far (for "previous"), the
 * current page, and a reload. A change of `filters` goes back to the first page.
 */
export function usePagedList<T extends CursorPage>(
  load: (cursor: string | undefined) => Promise<ApiResult<T>>,
  filters: unknown[] = [],
): PagedList<T> {
  const filterKey = JSON.stringify(filters);
  const [walked, setWalked] = useState<{ filterKey: string; cursors: string[] }>({
    filterKey,
    cursors: [],
  });
  const [loads, setLoads] = useState(0);
  const cursors = walked.filterKey === filterKey ? walked.cursors : [];
  const cursor = cursors.at(-1);
  const page = useLoad(() => load(cursor), [filterKey, cursor, loads]);
  const walk = (next: string[]) => setWalked({ filterKey, cursors: next });

  return {
    page,
    reload: () => setLoads((count) => count + 1),
    pager:
      page.state === 'ready'
        ? {
            hasPrevious: cursors.length > 0,
            next: page.data.nextCursor,
            onPrevious: () => walk(cursors.slice(0, -1)),
            onNext: (next) => walk([...cursors, next]),
          }
        : null,
  };
}
