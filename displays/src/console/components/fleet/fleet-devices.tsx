import type { FleetDevice } from '@vitrine/shared';
import { timeSince } from '../../domain/fleet-view.ts';

const KIND_LABELS: Record<FleetDevice['kind'], string> = { node: 'Scanner node', screen: 'Screen' };

/** A store's scanner nodes and screens with their health, as its edge last saw them. */
export function FleetDevices({ devices, now }: { devices: FleetDevice[]; now: Date }) {
  if (devices.length === 0) return <p class="muted">No scanner node or screen reported.</p>;
  return (
    <table class="list fleet-devices">
      <thead>
        <tr>
          <th>Device</th>
          <th>Kind</th>
          <th>Zone</th>
          <th>Health</th>
          <th>Last seen</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr
            key={`${device.kind}:${device.id}`}
            class={`device-${device.health}`}
            data-device={device.id}
          >
            <td>{device.id}</td>
            <td>{KIND_LABELS[device.kind]}</td>
            <td>{device.zone ?? '—'}</td>
            <td>
              <span class={`health health-${device.health}`}>{device.health}</span>
              {device.detail !== null && <span class="muted"> {device.detail}</span>}
            </td>
            <td>{timeSince(device.lastSeenAt, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
