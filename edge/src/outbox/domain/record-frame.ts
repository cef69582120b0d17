import { crc32 } from './crc32.ts';

/**
 * One record on disk: [payload length u32 LE][CRC-32 of payload u32 LE][payload]. A write
 * cut short by a power loss leaves a frame whose length runs past the end of the file or
 * whose checksum does not match; either way the reader stops there.
 */
export const FRAME_HEADER_BYTES = 8;
/** A larger length field can only be garbage: no record comes near it. */
export const MAX_RECORD_BYTES = 1024 * 1024;

export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.length);
  const view = new DataView(frame.buffer);
  view.setUint32(0, payload.length, true);
  view.setUint32(4, crc32(payload), true);
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

export type FrameRead =
  | { status: 'ok'; payload: Uint8Array; size: number }
  /** Not enough bytes yet for a whole frame: read more (or, at the end of the file, torn). */
  | { status: 'incomplete' }
  | { status: 'corrupt'; detail: string };

/** Reads the frame at `offset` of `bytes`, without copying the payload. */
export function decodeFrame(bytes: Uint8Array, offset: number): FrameRead {
  if (bytes.length - offset < FRAME_HEADER_BYTES) return { status: 'incomplete' };
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, FRAME_HEADER_BYTES);
  const length = view.getUint32(0, true);
  const checksum = view.getUint32(4, true);
  if (length === 0 || length > MAX_RECORD_BYTES) {
    return { status: 'corrupt', detail: `impossible record length ${length}` };
  }
  const start = offset + FRAME_HEADER_BYTES;
  if (bytes.length - start < length) return { status: 'incomplete' };
  const payload = bytes.subarray(start, start + length);
  if (crc32(payload) !== checksum) return { status: 'corrupt', detail: 'checksum mismatch' };
  return { status: 'ok', payload, size: FRAME_HEADER_BYTES + length };
}
