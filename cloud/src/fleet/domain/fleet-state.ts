import type { EdgeReport, FleetStore } from '@vitrine/shared';

/** An edge is online while its last report is younger than this. */
export const ONLINE_WITHIN_MS = 90_000;

export type EdgeState = FleetStore['state'];

/** Online, offline or never reported, from the time of the last report (if any). */
export function edgeStateAt(reportedAt: Date | null, now: Date): EdgeState {
  if (reportedAt === null) return 'never-reported';
  return now.getTime() - reportedAt.getTime() < ONLINE_WITHIN_MS ? 'online' : 'offline';
}

/**
 * Where a phone opens MQTT over WebSocket on the edge: its public address with http
 * turned into ws (https into wss) and the reported path after any base path it has; null
 * when the edge serves no WebSocket.
 */
export function mqttWebSocketUrlOf(
  report: Pick<EdgeReport, 'publicUrl' | 'mqttWebSocketPath'>,
): string | null {
  if (report.mqttWebSocketPath === null) return null;
  const url = new URL(report.publicUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${report.mqttWebSocketPath}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
