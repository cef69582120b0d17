import type { ComponentChildren } from 'preact';
import type { Load } from '../hooks/use-load.ts';
import { Pager, type PagerProps } from './pager.tsx';

export interface PagedTableProps<T> {
  /** The current page of the list (usePagedList's `page`). */
  page: Load<{ items: T[] }>;
  pager: PagerProps | null;
  /** The table's class besides `list`. */
  kind?: string;
  headers: string[];
  /** One row of the table, keyed. */
  row: (item: T) => ComponentChildren;
  /** Said under the table when the page is empty. */
  empty?: string;
  /** Says "Loading…" until the page is there. */
  loading?: boolean;
}

/** A page of a list the cloud pages with cursors: the table, its pager, or why it failed. */
export function PagedTable<T>({
  page,
  pager,
  kind,
  headers,
  row,
  empty,
  loading,
}: PagedTableProps<T>) {
  if (page.state === 'loading') return loading ? <p class="muted">Loading…</p> : null;
  if (page.state === 'failed') {
    return (
      <p class="error" role="alert">
        {page.message}
      </p>
    );
  }
  return (
    <>
      <table class={kind ? `list ${kind}` : 'list'}>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>{page.data.items.map((item) => row(item))}</tbody>
      </table>
      {empty && page.data.items.length === 0 && <p class="muted">{empty}</p>}
      {pager && <Pager {...pager} />}
    </>
  );
}
