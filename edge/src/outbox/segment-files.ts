import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFrame } from './domain/record-frame.ts';

const SEGMENT_NAME = /^(\d{12})\.seg$/;

/** The file of a numbered segment: twelve digits, so that names sort as numbers do. */
export const segmentFile = (dir: string, segment: number): string =>
  join(dir, `${String(segment).padStart(12, '0')}.seg`);

/** The segments in the folder, oldest first. */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  return names
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** A segment's size in bytes; a segment already deleted is empty. */
export async function segmentSize(dir: string, segment: number): Promise<number> {
  try {
    return (await stat(segmentFile(dir, segment))).size;
  } catch {
    return 0;
  }
}

export interface SegmentScan {
  records: number;
  corrupt: number;
  truncatedBytes: number;
}

/**
 * Counts the good records of a segment from `from` and truncates a damaged tail (a torn
 * write at power loss, or bit rot), so that appends go on after the last good record.
 */
export async function scanSegment(
  dir: string,
  segment: number,
  from: number,
): Promise<SegmentScan> {
  const file = await open(segmentFile(dir, segment), 'r+');
  try {
    const { size } = await file.stat();
    let offset = Math.min(from, size);
    let records = 0;
    let carry = new Uint8Array(0);
    let readAt = offset;
    while (readAt < size) {
      const length = Math.min(1024 * 1024, size - readAt);
      const fresh = new Uint8Array(length);
      const { bytesRead } = await file.read(fresh, 0, length, readAt);
      readAt += bytesRead;
      const chunk = carry.length === 0 ? fresh : Buffer.concat([carry, fresh]);
      let at = 0;
      for (;;) {
        const frame = decodeFrame(chunk, at);
        if (frame.status !== 'ok') break;
        at += frame.size;
        records += 1;
      }
      offset += at;
      carry = chunk.subarray(at);
      if (decodeFrame(chunk, at).status === 'corrupt' || bytesRead === 0) break;
    }
    if (offset < size) {
      await file.truncate(offset);
      await file.sync();
      return { records, corrupt: 1, truncatedBytes: size - offset };
    }
    return { records, corrupt: 0, truncatedBytes: 0 };
  } finally {
    await file.close();
  }
}
