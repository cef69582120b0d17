import type { DecodeOptions, DecodeResult } from './beacon-frames.ts';
import { hexToBytes } from './bytes.ts';
import { decodeAdvertisement } from './decode-advertisement.ts';

/**
 * Decodes an advertisement forwarded as hex (as scanner nodes send it in a sighting's
 * `raw`). Anything that is not even-length hex is simply not a beacon.
 */
export function decodeAdvertisementHex(hex: string, options: DecodeOptions = {}): DecodeResult {
  const bytes = hexToBytes(hex);
  if (bytes === null) return { ok: false, reason: 'not-a-beacon' };
  return decodeAdvertisement(bytes, options);
}
