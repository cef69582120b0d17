import type { DecodeFailure, DecodeOptions, DecodeResult } from './beacon-frames.ts';
import { decodeEddystone } from './decode-eddystone.ts';
import { decodeManufacturerData } from './decode-manufacturer-data.ts';

const AD_SERVICE_DATA_16 = 0x16;
const AD_MANUFACTURER_SPECIFIC = 0xff;
/** 0xFEAA, little-endian as 16-bit UUIDs travel. */
const EDDYSTONE_UUID_LOW = 0xaa;
const EDDYSTONE_UUID_HIGH = 0xfe;

/**
 * Decodes the AD structures of one advertisement (or scan response) into the first beacon
 * frame they carry. Each structure is a length byte (type + data), a type byte, the data.
 * A zero length ends the data early (the rest must be zero padding, as the Core
 * Specification allows); a length that runs past the end is malformed. When no structure
 * decodes, the most telling failure of a beacon-looking structure is returned.
 */
export function decodeAdvertisement(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  let failure: DecodeFailure = 'not-a-beacon';
  let at = 0;
  while (at < bytes.length) {
    const length = bytes[at] ?? 0;
    if (length === 0) {
      for (let rest = at + 1; rest < bytes.length; rest++) {
        if (bytes[rest] !== 0) return { ok: false, reason: 'zero-length-structure' };
      }
      break;
    }
    const end = at + 1 + length;
    if (end > bytes.length) return { ok: false, reason: 'length-past-end' };
    const type = bytes[at + 1];
    if (type === AD_MANUFACTURER_SPECIFIC) {
      const result = decodeManufacturerData(bytes.subarray(at + 2, end));
      if (result.ok) return result;
      if (result.reason !== 'not-a-beacon') failure = result.reason;
    } else if (
      type === AD_SERVICE_DATA_16 &&
      length >= 3 &&
      bytes[at + 2] === EDDYSTONE_UUID_LOW &&
      bytes[at + 3] === EDDYSTONE_UUID_HIGH
    ) {
      const result = decodeEddystone(bytes.subarray(at + 4, end), options);
      if (result.ok) return result;
      failure = result.reason;
    }
    at = end;
  }
  return { ok: false, reason: failure };
}
