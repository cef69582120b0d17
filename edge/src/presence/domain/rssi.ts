/** Why a reading was refused before it reached any filter. */
export type RssiRejection = 'rssi-not-a-number' | 'rssi-positive' | 'rssi-below-floor';

/** Radios report RSSI from 0 down to -127 dBm; anything else is a broken node or a forged report. */
export function checkRssi(rssi: number): RssiRejection | null {
  if (!Number.isFinite(rssi)) return 'rssi-not-a-number';
  if (rssi > 0) return 'rssi-positive';
  if (rssi < -127) return 'rssi-below-floor';
  return null;
}

export interface DistanceOptions {
  /** Calibrated RSSI at 1 m (iBeacon measured power, AltBeacon reference RSSI). */
  measuredPower?: number;
  /** Path-loss exponent: 2 in free space, 2 to 4 indoors. */
  pathLossExponent?: number;
  /** Added to the reading to correct a receiver that hears weaker or stronger than the reference. */
  calibrationDb?: number;
}

/** The log-distance path-loss model: d = 10^((P1m - rssi) / (10 n)), in metres. */
export function distanceFromRssi(
  rssi: number,
  { measuredPower = -59, pathLossExponent = 2, calibrationDb = 0 }: DistanceOptions = {},
): number {
  return 10 ** ((measuredPower - (rssi + calibrationDb)) / (10 * pathLossExponent));
}

/** The inverse: the RSSI the model expects at a distance (used by the simulator). */
export function rssiAtDistance(
  distanceM: number,
  { measuredPower = -59, pathLossExponent = 2 }: DistanceOptions = {},
): number {
  return measuredPower - 10 * pathLossExponent * Math.log10(Math.max(distanceM, 0.1));
}

/**
 * Eddystone frames carry the power at 0 m; the usual conversion to 1 m subtracts the
 * 41 dB lost over the first metre (the Eddystone specification's own guidance).
 */
export function powerAt1mFromPowerAt0m(txPowerAt0m: number): number {
  return txPowerAt0m - 41;
}
