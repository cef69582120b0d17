import type { DecodeOptions, DecodeResult } from './beacon-frames.ts';
import { int8, toHex, uint16be, uint32be } from './bytes.ts';

const URL_SCHEMES = ['http://www.', 'https://www.', 'http://', 'https://'];
const URL_EXPANSIONS = [
  '.com/',
  '.org/',
  '.edu/',
  '.net/',
  '.info/',
  '.biz/',
  '.gov/',
  '.com',
  '.org',
  '.edu',
  '.net',
  '.info',
  '.biz',
  '.gov',
];
const MAX_ENCODED_URL = 17;
/** TLM reports 0x8000 (-128 °C) when the beacon has no temperature sensor. */
const NO_TEMPERATURE = 0x8000;

/**
 * Decodes the Service Data of the Eddystone service (0xFEAA), the bytes after the UUID.
 * The frame type is the whole first byte: its low nibble is reserved as zero, so any other
 * value is a frame we do not know.
 */
export function decodeEddystone(frame: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (frame.length < 2) return { ok: false, reason: 'truncated' };
  switch (frame[0]) {
    case 0x00:
      return decodeUid(frame);
    case 0x10:
      return decodeUrl(frame);
    case 0x20:
      return decodeTlm(frame);
    case 0x30:
      return decodeEid(frame, options);
    default:
      return { ok: false, reason: 'unknown-frame-type' };
  }
}

function decodeUid(frame: Uint8Array): DecodeResult {
  // 20 bytes with the two reserved bytes; 18 from older beacons that truncate them.
  if (frame.length < 18) return { ok: false, reason: 'truncated' };
  if (frame.length !== 18 && frame.length !== 20) return { ok: false, reason: 'wrong-length' };
  return {
    ok: true,
    frame: {
      kind: 'eddystone-uid',
      txPowerAt0m: int8(frame[1] ?? 0),
      namespace: toHex(frame, 2, 12),
      instance: toHex(frame, 12, 18),
    },
  };
}

function decodeUrl(frame: Uint8Array): DecodeResult {
  if (frame.length < 3) return { ok: false, reason: 'truncated' };
  if (frame.length > 3 + MAX_ENCODED_URL) return { ok: false, reason: 'wrong-length' };
  const scheme = URL_SCHEMES[frame[2] ?? 255];
  if (scheme === undefined) return { ok: false, reason: 'bad-url-scheme' };
  let url = scheme;
  for (let i = 3; i < frame.length; i++) {
    const code = frame[i] ?? 0;
    const expansion = URL_EXPANSIONS[code];
    if (expansion !== undefined) url += expansion;
    else if (code > 0x20 && code < 0x7f) url += String.fromCharCode(code);
    else return { ok: false, reason: 'bad-url-character' };
  }
  return { ok: true, frame: { kind: 'eddystone-url', txPowerAt0m: int8(frame[1] ?? 0), url } };
}

function decodeTlm(frame: Uint8Array): DecodeResult {
  if (frame[1] === 0x00) {
    if (frame.length < 14) return { ok: false, reason: 'truncated' };
    if (frame.length !== 14) return { ok: false, reason: 'wrong-length' };
    const battery = uint16be(frame, 2);
    const rawTemperature = uint16be(frame, 4);
    const signed = rawTemperature >= 0x8000 ? rawTemperature - 0x10000 : rawTemperature;
    return {
      ok: true,
      frame: {
        kind: 'eddystone-tlm',
        batteryMv: battery === 0 ? null : battery,
        temperatureC: rawTemperature === NO_TEMPERATURE ? null : signed / 256,
        advCount: uint32be(frame, 6),
        uptimeS: uint32be(frame, 10) / 10,
      },
    };
  }
  if (frame[1] === 0x01) {
    if (frame.length < 18) return { ok: false, reason: 'truncated' };
    if (frame.length !== 18) return { ok: false, reason: 'wrong-length' };
    return {
      ok: true,
      frame: {
        kind: 'eddystone-etlm',
        ciphertext: toHex(frame, 2, 14),
        salt: uint16be(frame, 14),
        mic: uint16be(frame, 16),
      },
    };
  }
  return { ok: false, reason: 'unknown-tlm-version' };
}

function decodeEid(frame: Uint8Array, { now = 0, resolveEid }: DecodeOptions): DecodeResult {
  if (frame.length < 10) return { ok: false, reason: 'truncated' };
  if (frame.length !== 10) return { ok: false, reason: 'wrong-length' };
  const eid = toHex(frame, 2, 10);
  return {
    ok: true,
    frame: {
      kind: 'eddystone-eid',
      eid,
      txPowerAt0m: int8(frame[1] ?? 0),
      identity: resolveEid ? resolveEid(eid, now) : null,
    },
  };
}
