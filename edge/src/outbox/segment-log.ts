import { type FileHandle, mkdir, open, unlink } from 'node:fs/promises';
import { type LogPosition, readAckFile, syncFolder, writeAckFile } from './ack-file.ts';
import { decodeFrame, encodeFrame, MAX_RECORD_BYTES } from './domain/record-frame.ts';
import { listSegments, scanSegment, segmentFile, segmentSize } from './segment-files.ts';

export interface SegmentLogOptions {
  dir: string;
  /** A segment is closed and a new one started once it reaches this size. */
  segmentBytes?: number;
}

export interface LogRecord {
  payload: Uint8Array;
  /** The position just after this record: acknowledging it acknowledges this record. */
  next: LogPosition;
}

export interface LogRead {
  records: LogRecord[];
  /** Records skipped because their bytes were damaged after they were written. */
  corrupt: number;
  /** Where the read stopped; acknowledging it acknowledges every record read and skipped. */
  end: LogPosition;
}

export interface RecoveryReport {
  pending: number;
  /** Damaged tails cut away (a torn write at power loss, or bit rot). */
  corrupt: number;
  truncatedBytes: number;
}

interface Pending {
  frame: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * One append-only log of length-prefixed, checksummed records in numbered segment files,
 * and the position up to which a consumer has acknowledged them. Appends made in the same
 * tick share one write and one fsync (group commit). Segments wholly before the
 * acknowledged position are deleted. Reads see only records already fsync'd.
 */
export class SegmentLog {
  readonly #dir: string;
  readonly #segmentBytes: number;
  #acked: LogPosition = { segment: 0, offset: 0 };
  #active: { segment: number; file: FileHandle; size: number } | null = null;
  #pending = 0;
  #queue: Pending[] = [];
  #flushing: Promise<void> | null = null;
  #closed = false;

  constructor({ dir, segmentBytes = 8 * 1024 * 1024 }: SegmentLogOptions) {
    this.#dir = dir;
    this.#segmentBytes = segmentBytes;
  }

  /** Records appended (durably) and not yet acknowledged. */
  get pending(): number {
    return this.#pending;
  }

  get acked(): LogPosition {
    return { ...this.#acked };
  }

  /** Scans every unacknowledged record, cuts away a damaged tail, opens the last segment. */
  async open(): Promise<RecoveryReport> {
    await mkdir(this.#dir, { recursive: true });
    const segments = await listSegments(this.#dir);
    const acked = (await readAckFile(this.#dir)) ?? { segment: segments[0] ?? 0, offset: 0 };
    this.#acked = acked;
    const report: RecoveryReport = { pending: 0, corrupt: 0, truncatedBytes: 0 };
    for (const segment of segments) {
      if (segment < acked.segment) {
        await unlink(segmentFile(this.#dir, segment));
        continue;
      }
      const from = segment === acked.segment ? acked.offset : 0;
      const scan = await scanSegment(this.#dir, segment, from);
      report.pending += scan.records;
      report.corrupt += scan.corrupt;
      report.truncatedBytes += scan.truncatedBytes;
    }
    this.#pending = report.pending;
    const last = Math.max(acked.segment, segments.at(-1) ?? 0);
    await this.#openActive(last);
    return report;
  }

  /** Resolves once the record is on disk (fsync'd), together with the others of its tick. */
  append(payload: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('outbox log is closed'));
    if (payload.length > MAX_RECORD_BYTES) {
      return Promise.reject(new Error(`record of ${payload.length} bytes is too large`));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ frame: encodeFrame(payload), resolve, reject });
      if (this.#queue.length === 1 && this.#flushing === null) setImmediate(() => this.#flush());
    });
  }

  /** Up to maxRecords (and about maxBytes) records from `from`, in order; never the whole log. */
  async read(
    from: LogPosition,
    { maxRecords, maxBytes }: { maxRecords: number; maxBytes: number },
  ): Promise<LogRead> {
    const result: LogRead = { records: [], corrupt: 0, end: { ...from } };
    let position = { ...from };
    let bytes = 0;
    while (result.records.length < maxRecords && bytes < maxBytes) {
      const active = this.#active;
      const isActive = active !== null && position.segment === active.segment;
      const size = isActive ? active.size : await segmentSize(this.#dir, position.segment);
      if (position.offset >= size) {
        // The end of a closed segment: carry on in the next one.
        if (active === null || position.segment >= active.segment) break;
        position = { segment: position.segment + 1, offset: 0 };
        result.end = position;
        continue;
      }
      const want = Math.min(size - position.offset, Math.max(64 * 1024, maxBytes - bytes + 8));
      let chunk = await this.#readAt(position.segment, position.offset, want);
      let offset = 0;
      while (result.records.length < maxRecords && bytes < maxBytes && offset < chunk.length) {
        const frame = decodeFrame(chunk, offset);
        if (frame.status === 'ok') {
          offset += frame.size;
          bytes += frame.payload.length;
          const next = { segment: position.segment, offset: position.offset + offset };
          result.records.push({ payload: frame.payload.slice(), next });
          result.end = next;
          continue;
        }
        if (frame.status === 'incomplete' && position.offset + chunk.length < size) {
          if (offset > 0) break;
          // One record larger than the chunk: read it whole.
          chunk = await this.#readAt(
            position.segment,
            position.offset,
            Math.min(size - position.offset, chunk.length * 2 + MAX_RECORD_BYTES),
          );
          continue;
        }
        // Damaged after it was written (recovery checked it): the rest of this segment
        // cannot be framed, so it is skipped and counted.
        result.corrupt += 1;
        result.end = { segment: position.segment, offset: size };
        offset = size - position.offset;
        break;
      }
      position = { segment: position.segment, offset: position.offset + offset };
      if (offset === 0) break;
    }
    return result;
  }

  /** Acknowledges every record before `position` (`records` of them); durable on return. */
  async ack(position: LogPosition, records: number): Promise<void> {
    await writeAckFile(this.#dir, position);
    this.#acked = { ...position };
    this.#pending = Math.max(0, this.#pending - records);
    for (const segment of await listSegments(this.#dir)) {
      if (segment < position.segment) await unlink(segmentFile(this.#dir, segment));
    }
  }

  /** Writes what was appended, then closes; appends after this are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#flushing !== null || this.#queue.length > 0) {
      await (this.#flushing ?? this.#flush());
    }
    await this.#active?.file.close();
    this.#active = null;
  }

  #flush(): Promise<void> {
    if (this.#flushing !== null) return this.#flushing;
    const batch = this.#queue.splice(0);
    if (batch.length === 0) return Promise.resolve();
    this.#flushing = this.#write(batch).finally(() => {
      this.#flushing = null;
      if (this.#queue.length > 0) void this.#flush();
    });
    return this.#flushing;
  }

  async #write(batch: Pending[]): Promise<void> {
    const active = this.#active;
    if (active === null) {
      const error = new Error('outbox log is not open');
      for (const item of batch) item.reject(error);
      return;
    }
    const total = batch.reduce((sum, item) => sum + item.frame.length, 0);
    const buffer = Buffer.allocUnsafe(total);
    let at = 0;
    for (const item of batch) {
      buffer.set(item.frame, at);
      at += item.frame.length;
    }
    try {
      await active.file.write(buffer, 0, total, active.size);
      await active.file.datasync();
    } catch (error) {
      // A partial write would leave a torn frame mid-file: cut it off before anything else.
      await active.file.truncate(active.size).catch(() => {});
      for (const item of batch) item.reject(error);
      return;
    }
    active.size += total;
    this.#pending += batch.length;
    for (const item of batch) item.resolve();
    if (active.size >= this.#segmentBytes) {
      await active.file.close();
      await this.#openActive(active.segment + 1);
    }
  }

  async #openActive(segment: number): Promise<void> {
    const path = segmentFile(this.#dir, segment);
    const file = await open(path, 'a+');
    const { size } = await file.stat();
    await syncFolder(this.#dir);
    this.#active = { segment, file, size };
  }

  async #readAt(segment: number, offset: number, length: number): Promise<Uint8Array> {
    const file = this.#active?.segment === segment ? this.#active.file : null;
    const handle = file ?? (await open(segmentFile(this.#dir, segment), 'r'));
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      if (file === null) await handle.close();
    }
  }
}
