/** Byte helpers for decoding: bounds are checked by the callers, so these never allocate twice. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < end; i++) out += HEX[bytes[i] ?? 0];
  return out;
}

/** Parses even-length hex (either case); null for anything else. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function int8(value: number): number {
  return value > 127 ? value - 256 : value;
}

export function uint16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

export function uint32be(bytes: Uint8Array, at: number): number {
  return uint16be(bytes, at) * 65_536 + uint16be(bytes, at + 2);
}

export function uuidOf(bytes: Uint8Array, at: number): string {
  return `${toHex(bytes, at, at + 4)}-${toHex(bytes, at + 4, at + 6)}-${toHex(bytes, at + 6, at + 8)}-${toHex(bytes, at + 8, at + 10)}-${toHex(bytes, at + 10, at + 16)}`;
}
