import type { Playlist } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { useConsole } from '../components/console-context.ts';
import { ScheduleEditor } from '../components/content/schedule-editor.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { StoreOptions } from '../components/store-options.tsx';
import { usePagedList } from '../hooks/use-paged-list.ts';

function whenOf(playlist: Playlist): string {
  const days =
    playlist.dayparts.length === 0
      ? 'all day'
      : playlist.dayparts
          .map((part) => `${part.days.join(' ')} ${part.start}–${part.end}`)
          .join(', ');
  return `${playlist.validFrom ?? '…'} → ${playlist.validUntil ?? '…'}, ${days}`;
}

/** What a store's screens play: its playlists, and new content scheduled on its clock. */
export function ContentPage() {
  const { api, stores } = useConsole();
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const [scheduling, setScheduling] = useState(false);
  const { page, pager, reload } = usePagedList(
    (cursor) => api.content.playlists(storeId, cursor),
    [storeId],
  );
  const store = stores.find((candidate) => candidate.id === storeId);

  if (scheduling && store) {
    return (
      <ScheduleEditor
        store={store}
        onCancel={() => setScheduling(false)}
        onSaved={() => {
          setScheduling(false);
          reload();
        }}
      />
    );
  }
  return (
    <section>
      <div class="page-head">
        <h1>Screen content</h1>
        <label>
          Store
          <select
            name="content.storeId"
            value={storeId}
            onChange={(e) => setStoreId(e.currentTarget.value)}
          >
            <StoreOptions />
          </select>
        </label>
        <span class="muted">{store?.timeZone}</span>
        <button type="button" onClick={() => setScheduling(true)}>
          Schedule content
        </button>
      </div>
      <PagedTable
        page={page}
        pager={pager}
        kind="playlists"
        headers={['Name', 'Plays on', 'When (store time)', 'Priority', 'Items']}
        empty="No content scheduled here."
        row={(playlist) => (
          <tr key={playlist.id} data-playlist={playlist.id}>
            <td>{playlist.name}</td>
            <td>
              {playlist.target.kind === 'screen'
                ? `screen ${playlist.target.screenId}`
                : `zone ${playlist.target.zoneId}`}
            </td>
            <td>{whenOf(playlist)}</td>
            <td>{playlist.priority}</td>
            <td>{playlist.entries.length}</td>
          </tr>
        )}
      />
    </section>
  );
}
