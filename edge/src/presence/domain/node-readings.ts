import type { DecodeOptions } from './beacon-frames.ts';
import { deviceIdOfRawAdvertisement } from './device-identity.ts';

export interface NodeSighting {
  deviceId: string;
  rssi: number;
  raw?: string | undefined;
  /** Milliseconds since the previous sighting of the batch; 0 for the first. */
  offsetMs: number;
}

export interface NodeReading {
  deviceId: string;
  rssi: number;
  at: number;
}

/**
 * The readings of a scanner node's batch, on the edge's clock. A node's own clock is not
 * trusted (an ESP32 has no battery-backed one); the offsets between its sightings are, so
 * the batch is laid out backwards from the moment it arrived: the last sighting then.
 */
export function readingsOfBatch(
  sightings: readonly NodeSighting[],
  receivedAt: number,
  options: DecodeOptions = {},
): NodeReading[] {
  let span = 0;
  for (let i = 1; i < sightings.length; i++) span += sightings[i]?.offsetMs ?? 0;
  let at = receivedAt - span;
  return sightings.map((sighting, i) => {
    if (i > 0) at += sighting.offsetMs;
    return {
      deviceId: deviceIdOfRawAdvertisement(sighting.deviceId, sighting.raw, {
        ...options,
        now: at,
      }),
      rssi: sighting.rssi,
      at,
    };
  });
}
