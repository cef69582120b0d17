import type { EdgeReport, FleetStore } from '@vitrine/shared';
import { STATE_LABELS, timeSince, unhealthyCount } from '../../domain/fleet-view.ts';
import { FleetDevices } from './fleet-devices.tsx';

/** One store: its edge's state and the facts of its last report, then its devices. */
export function FleetStoreCard({ store, now }: { store: FleetStore; now: Date }) {
  const { report } = store;
  const unhealthy = report === null ? 0 : unhealthyCount(report.devices);
  return (
    <section class={`fleet-store fleet-${store.state}`} data-store={store.storeId}>
      <header class="fleet-store-head">
        <h2>
          {store.name} <span class="muted">{store.city}</span>
        </h2>
        <span class={`edge-state edge-${store.state}`}>{STATE_LABELS[store.state]}</span>
        {store.reportedAt !== null && (
          <span class="fleet-since">last report {timeSince(store.reportedAt, now)}</span>
        )}
        {unhealthy > 0 && (
          <span class="fleet-warning">
            {unhealthy} device{unhealthy === 1 ? '' : 's'} not ok
          </span>
        )}
      </header>
      {report === null ? (
        <p class="muted">This store's edge has never reported.</p>
      ) : (
        <>
          <EdgeFacts report={report} now={now} />
          <FleetDevices devices={report.devices} now={now} />
        </>
      )}
    </section>
  );
}

function EdgeFacts({ report, now }: { report: EdgeReport; now: Date }) {
  const feeds = Object.entries(report.lastSyncAt).sort(([a], [b]) => a.localeCompare(b));
  return (
    <table class="list fleet-edge">
      <tbody>
        <tr>
          <th>Version</th>
          <td class="fleet-version">
            {report.version} <span class="muted">started {timeSince(report.startedAt, now)}</span>
          </td>
        </tr>
        <tr>
          <th>Last sync</th>
          <td class="fleet-sync">
            {feeds.length === 0 && <span class="muted">no feed pulled yet</span>}
            {feeds.map(([feed, at]) => (
              <span key={feed} class={at === null ? 'fleet-feed never' : 'fleet-feed'}>
                {feed}: {timeSince(at, now)}
              </span>
            ))}
          </td>
        </tr>
        <tr>
          <th>Outbox</th>
          <td class="fleet-outbox">
            {report.outbox.pending} pending
            {report.outbox.oldestPendingAt !== null &&
              `, oldest ${timeSince(report.outbox.oldestPendingAt, now)}`}
            <span class="muted"> · last upload {timeSince(report.outbox.lastUploadAt, now)}</span>
          </td>
        </tr>
        <tr>
          <th>Broker</th>
          <td class={report.brokerConnected ? 'fleet-broker' : 'fleet-broker down'}>
            {report.brokerConnected ? 'connected' : 'disconnected'}{' '}
            <span class="muted">({report.broker})</span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
