/**
 * What a beacon advertisement says once decoded. Identifiers are lowercase hex; powers are
 * dBm as the frame carries them (iBeacon and AltBeacon at 1 m, Eddystone at 0 m).
 */
export interface IBeaconFrame {
  kind: 'ibeacon';
  /** Proximity UUID, canonical 8-4-4-4-12 form. */
  uuid: string;
  major: number;
  minor: number;
  /** Calibrated RSSI at 1 m. */
  measuredPower: number;
}

export interface AltBeaconFrame {
  kind: 'altbeacon';
  /** The manufacturer's Bluetooth SIG company identifier (any company may send AltBeacon). */
  companyId: number;
  /** 20-byte beacon id. */
  beaconId: string;
  /** Average RSSI at 1 m. */
  referenceRssi: number;
  mfgReserved: number;
}

export interface EddystoneUidFrame {
  kind: 'eddystone-uid';
  namespace: string;
  instance: string;
  txPowerAt0m: number;
}

export interface EddystoneUrlFrame {
  kind: 'eddystone-url';
  url: string;
  txPowerAt0m: number;
}

export interface EddystoneTlmFrame {
  kind: 'eddystone-tlm';
  /** Millivolts; null when the beacon reports none (externally powered). */
  batteryMv: number | null;
  /** Degrees Celsius; null when the beacon has no sensor (0x8000). */
  temperatureC: number | null;
  advCount: number;
  /** Time since power-on, seconds (the frame counts tenths). */
  uptimeS: number;
}

/** Encrypted telemetry (TLM version 1): recognised, kept opaque; only the EID owner can read it. */
export interface EddystoneEncryptedTlmFrame {
  kind: 'eddystone-etlm';
  ciphertext: string;
  salt: number;
  mic: number;
}

export interface EddystoneEidFrame {
  kind: 'eddystone-eid';
  eid: string;
  txPowerAt0m: number;
  /** What the resolver made of the ephemeral id; null when it knows none. */
  identity: string | null;
}

export type BeaconFrame =
  | IBeaconFrame
  | AltBeaconFrame
  | EddystoneUidFrame
  | EddystoneUrlFrame
  | EddystoneTlmFrame
  | EddystoneEncryptedTlmFrame
  | EddystoneEidFrame;

/** Why bytes did not decode to a beacon frame. */
export type DecodeFailure =
  | 'empty'
  | 'zero-length-structure'
  | 'length-past-end'
  | 'truncated'
  | 'wrong-length'
  | 'unknown-company'
  | 'not-a-beacon'
  | 'unknown-frame-type'
  | 'bad-url-scheme'
  | 'bad-url-character'
  | 'unknown-tlm-version';

export type DecodeResult = { ok: true; frame: BeaconFrame } | { ok: false; reason: DecodeFailure };

/**
 * Port: turns an Eddystone ephemeral id into an identity at a given time. Resolution needs
 * the beacon's identity key and clock, which live outside decoding.
 */
export type EidResolver = (eid: string, now: number) => string | null;

export interface DecodeOptions {
  /** The time of reception, for the EID resolver. */
  now?: number;
  resolveEid?: EidResolver;
}

/**
 * The beacon's identity as the store layout prints it, shared with ranging reports:
 * `ibeacon:<uuid>:<major>:<minor>`, `eddystone:<namespace>:<instance>`, `altbeacon:<id>`,
 * `eid:<identity>`. Telemetry and URLs carry no identity.
 */
export function beaconIdOf(frame: BeaconFrame): string | null {
  switch (frame.kind) {
    case 'ibeacon':
      return `ibeacon:${frame.uuid}:${frame.major}:${frame.minor}`;
    case 'altbeacon':
      return `altbeacon:${frame.beaconId}`;
    case 'eddystone-uid':
      return `eddystone:${frame.namespace}:${frame.instance}`;
    case 'eddystone-eid':
      return frame.identity === null ? null : `eid:${frame.identity}`;
    default:
      return null;
  }
}
