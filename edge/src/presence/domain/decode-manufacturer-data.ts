import type { DecodeResult } from './beacon-frames.ts';
import { int8, toHex, uint16be, uuidOf } from './bytes.ts';

/** Bluetooth SIG company identifier of Apple, the only sender of iBeacon frames. */
const APPLE = 0x004c;
const IBEACON_TYPE = 0x02;
const IBEACON_DATA_LENGTH = 0x15;
/** Company id (2) + type (1) + length (1) + UUID (16) + major (2) + minor (2) + power (1). */
const IBEACON_SIZE = 25;
/** Company id (2) + beacon code (2) + beacon id (20) + reference RSSI (1) + reserved (1). */
const ALTBEACON_SIZE = 26;

/**
 * Decodes a Manufacturer Specific Data payload (company id little-endian, then the data),
 * as a BLE stack hands it over: iBeacon (Apple, type 0x02, length 0x15) or AltBeacon
 * (beacon code 0xBEAC under any company id).
 */
export function decodeManufacturerData(data: Uint8Array): DecodeResult {
  if (data.length < 4) return { ok: false, reason: 'truncated' };
  const companyId = (data[0] ?? 0) | ((data[1] ?? 0) << 8);
  if (data[2] === 0xbe && data[3] === 0xac) {
    if (data.length < ALTBEACON_SIZE) return { ok: false, reason: 'truncated' };
    if (data.length > ALTBEACON_SIZE) return { ok: false, reason: 'wrong-length' };
    return {
      ok: true,
      frame: {
        kind: 'altbeacon',
        companyId,
        beaconId: toHex(data, 4, 24),
        referenceRssi: int8(data[24] ?? 0),
        mfgReserved: data[25] ?? 0,
      },
    };
  }
  if (data[2] === IBEACON_TYPE && companyId !== APPLE)
    return { ok: false, reason: 'unknown-company' };
  if (companyId !== APPLE || data[2] !== IBEACON_TYPE) return { ok: false, reason: 'not-a-beacon' };
  if (data[3] !== IBEACON_DATA_LENGTH) return { ok: false, reason: 'wrong-length' };
  if (data.length < IBEACON_SIZE) return { ok: false, reason: 'truncated' };
  if (data.length > IBEACON_SIZE) return { ok: false, reason: 'wrong-length' };
  return {
    ok: true,
    frame: {
      kind: 'ibeacon',
      uuid: uuidOf(data, 4),
      major: uint16be(data, 20),
      minor: uint16be(data, 22),
      measuredPower: int8(data[24] ?? 0),
    },
  };
}
