export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectionFacts {
  /** The socket is connected to the edge now. */
  connected: boolean;
  /** It has been connected at least once since login. */
  everConnected: boolean;
  /** Failed attempts since the connection was last up. */
  failedAttempts: number;
  /** What the browser says about the network (navigator.onLine). */
  browserOnline: boolean;
}

export interface ConnectionStatusOptions {
  /** After this many failed attempts in a row the edge is treated as out of reach. */
  offlineAfterAttempts?: number;
}

/**
 * What the header's indicator says. socket.io keeps retrying for ever; the associate
 * needs to know when to stop trusting the feed, which is when the browser has no network
 * or the edge has not answered several attempts in a row.
 */
export function connectionStatus(
  facts: ConnectionFacts,
  { offlineAfterAttempts = 4 }: ConnectionStatusOptions = {},
): ConnectionStatus {
  if (facts.connected) return 'connected';
  if (!facts.browserOnline || facts.failedAttempts >= offlineAfterAttempts) return 'offline';
  return facts.everConnected ? 'reconnecting' : 'connecting';
}

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting',
  connected: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
};
