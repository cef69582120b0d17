import type { VerifiedIdentity } from '../../identity/domain/verify-presence.ts';

/**
 * One reading, whatever heard it: a scanner node or the gateway's radio hearing a device,
 * or a customer's phone hearing a store beacon (then the beacon is the receiver and the
 * customer the device). Times are the edge's clock, ms since the epoch.
 */
export interface SourceSighting {
  /** A layout node id, or a beacon identity (`ibeacon:…`, `eddystone:…`). */
  receiverId: string;
  /** A beacon identity, a device address, or a customer id (ranging). */
  deviceId: string;
  rssi: number;
  at: number;
  /** Ranging only: the verified customer whose phone heard the beacon, and the report. */
  customer?: { identity: VerifiedIdentity; messageId: string };
}

/** Where a source delivers; the presence service implements it, a contract test records it. */
export interface PresenceSink {
  sighting(sighting: SourceSighting): void;
  /** A receiver went offline or came back (node status, last will). */
  receiverStatus(receiverId: string, online: boolean, at: number): void;
  /** An input the source could not use: the sink counts it by reason and logs it. */
  dropped(reason: string, detail: string): void;
}

export type SourceState = 'stopped' | 'starting' | 'running' | 'degraded';

export interface SourceHealth {
  state: SourceState;
  /** Why the source is degraded, or what it is doing (e.g. a replay that finished). */
  detail: string | null;
  sightings: number;
  dropped: number;
  lastSightingAt: number | null;
  /** Times the source had to restart its input (the radio's watchdog). */
  restarts: number;
}

/**
 * The port every presence source implements: MQTT scanner nodes, ESPresense nodes, the
 * loyalty app's ranging reports, the gateway's radio, a replay, the store simulator.
 * `start` resolves once the source listens (a failure to reach hardware shows in health,
 * so that check-ins go on without it); `stop` resolves once nothing more will be delivered.
 */
export interface PresenceSource {
  readonly name: string;
  start(sink: PresenceSink): Promise<void>;
  stop(): Promise<void>;
  health(): SourceHealth;
}
