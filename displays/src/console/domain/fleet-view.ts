import type { FleetDevice, FleetStore } from '@vitrine/shared';

/** How long ago an instant was, in the largest whole unit: "12 s ago", "3 min ago", "2 h ago". */
export function timeSince(at: string | null, now: Date): string {
  if (at === null) return 'never';
  const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** Stores needing attention first (offline, then never reported), then by name. */
export function fleetOrder(stores: readonly FleetStore[]): FleetStore[] {
  const rank: Record<FleetStore['state'], number> = {
    offline: 0,
    'never-reported': 1,
    online: 2,
  };
  return [...stores].sort((a, b) => rank[a.state] - rank[b.state] || a.name.localeCompare(b.name));
}

/** The devices that are not ok, counted for a store's heading. */
export function unhealthyCount(devices: readonly FleetDevice[]): number {
  return devices.filter((device) => device.health !== 'ok').length;
}

export const STATE_LABELS: Record<FleetStore['state'], string> = {
  online: 'Online',
  offline: 'Offline',
  'never-reported': 'Never reported',
};
