import type { ArrivalAlert, ZonesViewBody } from '@vitrine/shared';
import { useEffect, useState } from 'preact/hooks';
import { fetchZones } from '../api/customer-desk-http.ts';
import { formatClockTime } from '../domain/relative-time.ts';
import { storeMap } from '../domain/store-map.ts';

export interface StoreMapProps {
  token: string;
  alerts: readonly ArrivalAlert[];
  /** How often the counts are asked again while the map is open. */
  refreshMs?: number;
}

/** Zones with their head counts, and where the consenting clients the edge follows are now. */
export function StoreMap({ token, alerts, refreshMs = 5000 }: StoreMapProps) {
  const [view, setView] = useState<ZonesViewBody | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const answer = await fetchZones(token);
      if (stopped) return;
      if (answer.ok) {
        setView(answer.view);
        setError(null);
      } else {
        setError(
          answer.status === 404
            ? 'This store gateway does not sense presence: it has no store layout.'
            : answer.message,
        );
      }
    };
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [token, refreshMs]);

  const map = view === null ? null : storeMap(view, alerts);
  return (
    <section class="desk-panel" aria-label="Store map">
      <h2 class="desk-panel__title">Store map</h2>
      {error !== null && (
        <p class="desk-error" role="alert">
          {error}
        </p>
      )}
      {view === null && error === null && <p class="muted">Loading the zones…</p>}
      {map !== null && view !== null && (
        <>
          <ul class="store-map">
            {map.zones.map((zone) => (
              <li
                class={`map-zone map-zone--${zone.kind}`}
                key={zone.zoneId}
                data-zone-id={zone.zoneId}
              >
                <span class="map-zone__name">{zone.name}</span>
                <span class="map-zone__count" data-testid="zone-count">
                  {zone.identified + zone.anonymous}
                </span>
                <span class="map-zone__detail">
                  {zone.identified} identified · {zone.anonymous} anonymous
                </span>
                {zone.nodesOffline && <span class="tag tag--visiting">Scanner offline</span>}
                {zone.here.length > 0 && (
                  <ul class="map-zone__clients" aria-label={`In ${zone.name} now`}>
                    {zone.here.map((client) => (
                      <li key={client.customerId}>
                        {client.name}{' '}
                        <span class="muted">since {formatClockTime(client.since)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {view.unknownZone.identified + view.unknownZone.anonymous > 0 && (
            <p class="muted">
              {view.unknownZone.identified + view.unknownZone.anonymous} more in the store, zone not
              known
              {map.zoneUnknown.length > 0 &&
                `, among them ${map.zoneUnknown.map((client) => client.name).join(', ')}`}
              .
            </p>
          )}
        </>
      )}
    </section>
  );
}
