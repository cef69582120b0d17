import type { PresenceLayout } from './presence-types.ts';

/**
 * The layout turned into arrays indexed by small integers, so that scoring a reading costs
 * no string lookups beyond the receiver's. Node health lives here too: it changes with
 * status messages, not with the layout.
 */
export interface LayoutIndex {
  zoneIds: readonly string[];
  receiverOf: ReadonlyMap<string, number>;
  zoneOfReceiver: Int32Array;
  /** Calibration plus the normalisation of the link's power at 1 m to the reference power. */
  offsetOfReceiver: Float64Array;
  receiverOnline: Uint8Array;
  /** Receivers online per zone: a zone with none cannot be judged. */
  onlineInZone: Int32Array;
}

export function indexLayout(layout: PresenceLayout, referencePower: number): LayoutIndex {
  const zoneIds = layout.zones.map((zone) => zone.id);
  const zoneOf = new Map(zoneIds.map((id, index) => [id, index]));
  if (zoneOf.size !== zoneIds.length) throw new RangeError('the layout repeats a zone id');
  const receiverOf = new Map<string, number>();
  const zoneOfReceiver = new Int32Array(layout.receivers.length);
  const offsetOfReceiver = new Float64Array(layout.receivers.length);
  const onlineInZone = new Int32Array(zoneIds.length);
  layout.receivers.forEach((receiver, index) => {
    const zone = zoneOf.get(receiver.zoneId);
    if (zone === undefined) {
      throw new RangeError(`receiver ${receiver.id} names an unknown zone ${receiver.zoneId}`);
    }
    if (receiverOf.has(receiver.id)) throw new RangeError(`receiver ${receiver.id} repeated`);
    receiverOf.set(receiver.id, index);
    zoneOfReceiver[index] = zone;
    offsetOfReceiver[index] =
      (receiver.calibrationDb ?? 0) + referencePower - (receiver.measuredPower ?? referencePower);
    onlineInZone[zone] = (onlineInZone[zone] ?? 0) + 1;
  });
  return {
    zoneIds,
    receiverOf,
    zoneOfReceiver,
    offsetOfReceiver,
    receiverOnline: new Uint8Array(layout.receivers.length).fill(1),
    onlineInZone,
  };
}

/** Marks a receiver online or offline; returns its zone when that zone just lost its last one. */
export function setReceiverOnline(index: LayoutIndex, receiver: number, online: boolean): number {
  const was = index.receiverOnline[receiver] === 1;
  if (was === online) return -1;
  index.receiverOnline[receiver] = online ? 1 : 0;
  const zone = index.zoneOfReceiver[receiver] ?? 0;
  index.onlineInZone[zone] = (index.onlineInZone[zone] ?? 0) + (online ? 1 : -1);
  return !online && index.onlineInZone[zone] === 0 ? zone : -1;
}
