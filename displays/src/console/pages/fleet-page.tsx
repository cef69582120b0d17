import { useConsole } from '../components/console-context.ts';
import { FleetStoreCard } from '../components/fleet/fleet-store-card.tsx';
import { fleetOrder } from '../domain/fleet-view.ts';
import { useRefreshedLoad } from '../hooks/use-refreshed-load.ts';

/** The view refreshes this often; an edge reports about every 30 s. */
export const FLEET_REFRESH_MS = 15_000;

/** Every store's edge, its last report and its devices; stores needing attention first. */
export function FleetPage() {
  const { api, now } = useConsole();
  const fleet = useRefreshedLoad(() => api.fleet(), { everyMs: FLEET_REFRESH_MS, now });
  const at = fleet.loadedAt ?? now();
  return (
    <section class="fleet">
      <div class="page-head">
        <h1>Fleet</h1>
        <span class="muted">refreshed every {FLEET_REFRESH_MS / 1000} s</span>
      </div>
      {fleet.state === 'loading' && <p class="muted">Loading the fleet…</p>}
      {fleet.state === 'failed' && (
        <p class="error" role="alert">
          {fleet.message}
        </p>
      )}
      {fleet.state === 'ready' &&
        fleetOrder(fleet.data.items).map((store) => (
          <FleetStoreCard key={store.storeId} store={store} now={at} />
        ))}
    </section>
  );
}
